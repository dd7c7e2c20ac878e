import ArgumentParser
import Engine
import Foundation

struct RetentionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retention", abstract: "How long records are kept, per kind (safeguard 11).",
        subcommands: [Apply.self, Policy.self])

    struct Apply: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Delete what the policy no longer keeps (admin; audited). Consoles and feeds also apply it, once an hour between them.")
        @ArgumentParser.Flag(name: .customLong("dry-run"), help: "Only report what would be deleted.") var dryRun = false
        @Option(help: "text or json") var format: OutputFormat = .text
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var signIn: SignInOptions

        func run() throws {
            let engine = try database.openEngine()
            let r = try engine.applyRetention(dryRun: dryRun, by: try signIn.signIn(engine, purpose: "applying retention"))
            if format == .json { print(try Output.json(r)); return }
            print("\(dryRun ? "would delete" : "deleted"): \(r.closedAlerts) closed alerts, \(r.rejectedHits) rejected candidates, \(r.undecidedHits) undecided candidates, \(r.dispatchedHits) dispatched candidates, \(r.credibleFlags) reviewed flags, \(r.pendingFlags) unreviewed flags, \(r.quarantine) quarantined rows, \(r.counters) counter rows, \(r.handoverNotes) handover notes")
        }
    }

    struct Policy: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show the policy, or store one from FILE (KIND = DAYS lines; admin).",
            discussion: "Kinds and their ceilings in days: " + RetentionPolicy.kinds.map { "\($0.key) (≤ \($0.ceiling))" }.joined(separator: ", ") + ". A policy above a ceiling is refused: no kind that names or places a person is kept without limit.")
        @Argument(help: "A policy file to store.", completion: .file()) var file: String?
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var signIn: SignInOptions

        func run() throws {
            let engine = try database.openEngine()
            if let file {
                guard let data = FileManager.default.contents(atPath: file) else { throw ValidationError("\(file): cannot read the file") }
                try engine.setRetentionPolicy(text: String(decoding: data, as: UTF8.self), source: URL(fileURLWithPath: file).lastPathComponent,
                                              by: try signIn.signIn(engine, purpose: "setting the retention policy"))
            }
            let p = try engine.retentionPolicy()
            print(p.text)
        }
    }
}
