import ArgumentParser
import Engine
import Foundation

struct AuthoriseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "authorise",
        abstract: "Authorise live face search: which entries, which cameras, when, and why (supervisor or admin).",
        discussion: """
            Without an authorisation in force covering a camera and time, its face probes are dropped unsearched. A window is at \
            most 12 h and cannot start in the past; over 8 h, or every entry on every camera, it waits for a second, independent \
            supervisor. Urgent authorisations start at once and lapse 24 h after they were made unless confirmed: from then on \
            nothing they produced can be acted on, and it is deleted (except what was already dispatched, kept for review).
            """,
        subcommands: [Create.self, Confirm.self, Show.self, List.self, Policy.self], defaultSubcommand: Create.self)

    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "create", abstract: "Create an authorisation.")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var signIn: SignInOptions
        @Option(help: "all or ID,ID,…") var entries: String
        @Option(help: "all or ID,ID,…") var cameras: String
        @Option(help: "Start (ISO 8601).") var from: String
        @Option(help: "End (ISO 8601).") var to: String
        @Option(help: "The legal reason: case, order, what is sought (at least 20 characters and 3 words).") var reason: String
        @ArgumentParser.Flag(help: "Start at once; lapses after 24 h unless confirmed.") var urgent = false
        func run() throws {
            let engine = try database.openEngine()
            func list(_ s: String) -> [String]? { s == "all" ? nil : s.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
            let (id, second) = try engine.authorise(entries: list(entries), cameras: list(cameras), from: try TimeParser.instant(from, in: engine.timeZone),
                                                    to: try TimeParser.instant(to, in: engine.timeZone), reason: reason, urgent: urgent,
                                                    by: try signIn.signIn(engine, purpose: "authorising face search"))
            if urgent {
                print("authorisation \(id) created, in force now; urgent: a second supervisor confirms within 24 h (vigia authorise confirm \(id))")
            } else if second {
                print("authorisation \(id) created; it is wide, so it is in force only once a second supervisor confirms it (vigia authorise confirm \(id))")
            } else {
                print("authorisation \(id) created")
            }
        }
    }

    struct Confirm: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Confirm an urgent or wide authorisation (a second, independent supervisor).")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var signIn: SignInOptions
        @Argument var id: Int64
        func run() throws {
            let engine = try database.openEngine()
            try engine.confirmAuthorisation(id: id, by: try signIn.signIn(engine, purpose: "confirming an authorisation"))
            print("authorisation \(id) confirmed")
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The record of one authorisation's use: terms, start and end of use, watchlist versions, candidates and who verified each.")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var signIn: SignInOptions
        @Argument var id: Int64
        @Option(help: "text or json") var format: OutputFormat = .text
        func run() throws {
            let engine = try database.openEngine()
            let r = try engine.authorisationRecord(id: id, as: try signIn.signIn(engine, purpose: "reading an authorisation"))
            if format == .json { print(try Output.json(r)); return }
            let f = TimestampFormatter(timeZone: engine.timeZone), a = r.authorisation
            print("authorisation \(a.id): \(r.status)")
            print("  entries \(a.entries.map { $0.joined(separator: ", ") } ?? "all"); cameras \(a.cameras.map { $0.joined(separator: ", ") } ?? "all")")
            print("  window \(f.string(from: a.from)) – \(f.string(from: a.to))\(a.urgent ? ", urgent" : "")")
            print("  reason: \(a.reason)")
            print("  approved by \(a.approvedBy) at \(f.string(from: a.createdAt)); confirmed by \(a.confirmedBy ?? "nobody")")
            if let first = r.firstUse, let last = r.lastUse {
                print("  used from \(f.string(from: first)) to \(f.string(from: last)): \(r.probes) probes searched, \(r.candidates.count) candidates")
            } else {
                print("  not used: no probe was searched under it")
            }
            for u in r.uses {
                print("  watchlist version \(u.watchlistVersion.prefix(16)) (\(u.entries) entries in force): \(u.probes) probes, \(u.hits) candidates")
            }
            for c in r.candidates {
                let who = c.decisions.map { "\($0.confirm ? "confirmed" : "rejected") by \($0.operatorName) at \(f.string(from: $0.at))" }
                print("  #\(c.hit) \(c.entry) on \(c.camera) at \(f.string(from: c.time)): \(c.state.rawValue)" + (who.isEmpty ? "" : "; " + who.joined(separator: "; ")))
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Every authorisation and its status now.")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var signIn: SignInOptions
        func run() throws {
            let engine = try database.openEngine()
            let f = TimestampFormatter(timeZone: engine.timeZone)
            for (a, status) in try engine.authorisationList(as: try signIn.signIn(engine, purpose: "listing authorisations")) {
                print("\(a.id)\t\(status)\t\(f.string(from: a.from)) – \(f.string(from: a.to))\tby \(a.approvedBy)\(a.confirmedBy.map { ", confirmed by \($0)" } ?? "")")
            }
        }
    }

    struct Policy: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show, or change (admin), the limits on authorisations.")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var signIn: SignInOptions
        @Option(name: .customLong("max-hours"), help: "Longest window (0.5–72).") var maximumHours: Double?
        @Option(name: .customLong("second-approval-over"), help: "Windows longer than this many hours need a second supervisor.") var secondOver: Double?
        @Option(name: .customLong("past-minutes"), help: "How far before now a window may start (0–60).") var pastMinutes: Double?
        func run() throws {
            let engine = try database.openEngine()
            var policy = try engine.authorisationPolicy()
            if maximumHours != nil || secondOver != nil || pastMinutes != nil {
                if let v = maximumHours { policy.maximumHours = v }
                if let v = secondOver { policy.secondApprovalOverHours = v }
                if let v = pastMinutes { policy.pastToleranceMinutes = v }
                try engine.setAuthorisationPolicy(policy, by: try signIn.signIn(engine, purpose: "changing the authorisation policy"))
            }
            print("maximum window: \(policy.maximumHours) h; a second supervisor over \(policy.secondApprovalOverHours) h or for every entry on every camera; start at most \(Int(policy.pastToleranceMinutes)) min before now")
        }
    }
}
