import ArgumentParser
import Engine
import Foundation
import VigiaCore

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Check and export the tamper-evident audit chain (auditor, admin).",
        subcommands: [Verify.self, Export.self])

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check every record's hash and link; name the first edited, removed or reordered record.")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var signIn: SignInOptions
        @Option(help: "text or json") var format: OutputFormat = .text

        func run() throws {
            let engine = try database.openEngine()
            let principal = try signIn.signIn(engine, purpose: "verifying the audit chain")
            switch try engine.verifyAudit(as: principal) {
            case .intact(let records, let hash):
                print(format == .json
                      ? #"{"intact": true, "records": \#(records), "last_hash": "\#(hash)"}"#
                      : "audit chain intact: \(records) records, last hash \(hash)")
            case .broken(let sequence, let problem):
                print(format == .json
                      ? #"{"intact": false, "first_bad_sequence": \#(sequence), "problem": "\#(problem.rawValue)"}"#
                      : "audit chain BROKEN: record \(sequence) was \(problem.rawValue)")
                throw ExitCode(3)
            }
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Export records in [from, to) as JSON lines.")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var signIn: SignInOptions
        @Option(help: "Start (ISO 8601 date or time; zone-less times are in --tz).") var from: String?
        @Option(help: "End, exclusive.") var to: String?
        @Option(help: "jsonl (the only format)") var format: String = "jsonl"

        func run() throws {
            guard format == "jsonl" else { throw ValidationError("audit export writes --format jsonl only") }
            let engine = try database.openEngine()
            let principal = try signIn.signIn(engine, purpose: "exporting the audit chain")
            let lower = try from.map { try TimeParser.instant($0, in: engine.timeZone) }
            let upper = try to.map { try TimeParser.instant($0, in: engine.timeZone) }
            for line in try engine.exportAudit(from: lower, to: upper, as: principal) { print(line) }
        }
    }
}
