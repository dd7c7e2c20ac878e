import ArgumentParser
import Engine
import Foundation

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Check, anchor, repair and export the tamper-evident audit chain (auditor, admin).",
        discussion: """
            The chain is also anchored outside the database: every 100 records or 10 minutes (VIGIA_AUDIT_CHECKPOINT_RECORDS, \
            VIGIA_AUDIT_CHECKPOINT_MINUTES) its head is signed with the Ed25519 key in VIGIA_AUDIT_KEY (default \
            $XDG_CONFIG_HOME/vigia/audit-signing.key) and appended to the checkpoint log VIGIA_AUDIT_CHECKPOINTS (default: \
            the database path + .checkpoints), and to syslog.
            """,
        subcommands: [Verify.self, Checkpoint.self, Key.self, Repair.self, Export.self])

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check every record's hash, link and time, and that every signed checkpoint is a prefix of the chain; name the first that is not.",
            discussion: "The check runs before anything is written: on a broken chain not even the sign-in is recorded. Exit status 3 when anything is broken.")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var signIn: SignInOptions
        @Option(help: "A checkpoint log to check against (default: the configured one).", completion: .file()) var checkpoints: String?
        @Option(name: .customLong("public-key"), help: "The signer's public key (base64, or a file holding it), from an independent copy.")
        var publicKey: String?
        @Option(help: "text or json") var format: OutputFormat = .text

        func run() throws {
            let engine = try database.openEngine()
            guard let name = signIn.effectiveName else {
                throw ValidationError("verifying the audit chain acts for a person: give --operator NAME (and the passphrase in VIGIA_PASSPHRASE or at the prompt)")
            }
            let passphrase = try Passphrase.read(prompt: "Passphrase for \(name): ", environmentKey: "VIGIA_PASSPHRASE")
            let report = try engine.verifyAudit(name: name, passphrase: passphrase, checkpoints: checkpoints, publicKey: publicKey)
            print(format == .json ? AuditText.json(report) : AuditText.render(report))
            if !report.holds { throw ExitCode(3) }
        }
    }

    struct Checkpoint: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Sign the chain's head into the checkpoint log now.")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var signIn: SignInOptions
        func run() throws {
            let engine = try database.openEngine()
            let c = try engine.checkpointAudit(as: try signIn.signIn(engine, purpose: "an audit checkpoint"))
            print("checkpoint: record \(c.sequence), hash \(c.hash), key \(AuditCheckpoint.fingerprint(ofPublicKey: c.publicKey)), written to \(engine.auditCheckpointLog ?? "?")")
        }
    }

    struct Key: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the checkpoint signer's public key (base64), to keep an independent copy for `verify --public-key`.")
        @OptionGroup var database: DatabaseOptions
        func run() throws {
            let engine = try database.openEngine()
            guard let key = engine.auditSigningKey else {
                throw ValidationError("no signing key: \(engine.auditAnchorProblem ?? "unknown")")
            }
            print(key)
        }
    }

    struct Repair: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record an explained repair of the breaks `verify` found (admin), so the chain can be extended again.",
            discussion: "The breaks are not hidden: the repair record names each one, and later checks list it with the reason.")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var signIn: SignInOptions
        @Option(help: "What happened and what was done (at least 20 characters).") var reason: String
        func run() throws {
            let engine = try database.openEngine()
            guard let name = signIn.effectiveName else { throw ValidationError("a repair needs --operator NAME (an admin)") }
            let passphrase = try Passphrase.read(prompt: "Passphrase for \(name): ", environmentKey: "VIGIA_PASSPHRASE")
            let repair = try engine.repairAudit(name: name, passphrase: passphrase, reason: reason)
            print("repair recorded as record \(repair.record): " + repair.breaks.map { "record \($0.sequence) \($0.problem.rawValue)" }.joined(separator: ", "))
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
            for line in try engine.exportAudit(from: lower, to: upper, as: principal) { print(Output.escapeUnsafe(line)) }
        }
    }
}

enum AuditText {
    static func render(_ r: AuditReport) -> String {
        var lines: [String] = []
        switch r.check.verification {
        case .intact(let records, let hash): lines.append("audit chain intact: \(records) records, last hash \(hash)")
        case .broken(let sequence, let problem): lines.append("audit chain BROKEN: record \(sequence) was \(problem.rawValue.replacingOccurrences(of: "_", with: " "))")
        }
        for repair in r.check.repairs {
            lines.append("  repaired in record \(repair.record) by \(repair.by): "
                         + repair.breaks.map { "record \($0.sequence) \($0.problem.rawValue)" }.joined(separator: ", ") + " — \(repair.reason)")
        }
        if let c = r.checkpoints {
            if let f = c.firstFailure, let problem = r.problem {
                lines.append("checkpoints BROKEN: \(problem)" + (f.sequence == nil ? "" : ""))
            } else {
                var line = "checkpoints: \(c.checkpoints) signed checkpoints, each a prefix of the chain"
                if c.acknowledged > 0 { line += " (\(c.acknowledged) explained by a repair)" }
                if let latest = c.latest { line += "; latest: record \(latest.sequence), key \(AuditCheckpoint.fingerprint(ofPublicKey: latest.publicKey))" }
                lines.append(line)
            }
            if !r.keyIndependent { lines.append("  note: signatures were checked against the key the log names; give --public-key from an independent copy") }
        } else if let problem = r.checkpointProblem {
            lines.append("checkpoints: \(problem)")
        } else {
            lines.append("checkpoints: none read (no checkpoint log at \(r.checkpointLog ?? "?"))")
        }
        return lines.joined(separator: "\n")
    }

    static func json(_ r: AuditReport) -> String {
        var o: [String: CanonicalJSON] = ["intact": .bool(r.holds), "repairs": .int(Int64(r.check.repairs.count))]
        switch r.check.verification {
        case .intact(let records, let hash): o["records"] = .int(records); o["last_hash"] = .string(hash)
        case .broken(let sequence, let problem): o["first_bad_sequence"] = .int(sequence); o["problem"] = .string(problem.rawValue)
        }
        if let c = r.checkpoints {
            o["checkpoints"] = .int(Int64(c.checkpoints))
            if let f = c.firstFailure {
                o["checkpoint_failure"] = .object(["line": .int(Int64(f.line)), "problem": .string(f.problem.rawValue),
                                                   "sequence": f.sequence.map(CanonicalJSON.int) ?? .null])
            }
        }
        if let p = r.problem { o["problem_text"] = .string(p) }
        return Output.escapeUnsafe(CanonicalJSON.object(o).text)
    }
}
