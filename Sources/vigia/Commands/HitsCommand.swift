import ArgumentParser
import Engine
import Foundation
import VigiaCore

struct AuthoriseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "authorise",
        abstract: "Authorise live face search: which entries, which cameras, when, and why (supervisor or admin).",
        discussion: "Without an authorisation covering a camera and time, its face probes are dropped unsearched. Urgent authorisations lapse after 24 h unless another supervisor confirms them, and what they produced is then deleted.",
        subcommands: [Create.self, Confirm.self], defaultSubcommand: Create.self)

    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "create", abstract: "Create an authorisation.")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var signIn: SignInOptions
        @Option(help: "all or ID,ID,…") var entries: String
        @Option(help: "all or ID,ID,…") var cameras: String
        @Option(help: "Start (ISO 8601).") var from: String
        @Option(help: "End (ISO 8601).") var to: String
        @Option(help: "The legal reason: case and order.") var reason: String
        @ArgumentParser.Flag(help: "Start at once; lapses after 24 h unless confirmed.") var urgent = false
        func run() throws {
            let engine = try database.openEngine()
            func list(_ s: String) -> [String]? { s == "all" ? nil : s.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
            let id = try engine.authorise(entries: list(entries), cameras: list(cameras), from: try TimeParser.instant(from, in: engine.timeZone),
                                          to: try TimeParser.instant(to, in: engine.timeZone), reason: reason, urgent: urgent,
                                          by: try signIn.signIn(engine, purpose: "authorising face search"))
            print("authorisation \(id) created" + (urgent ? "; urgent: confirm within 24 h (vigia authorise confirm \(id))" : ""))
        }
    }

    struct Confirm: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Confirm an urgent authorisation (a second supervisor).")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var signIn: SignInOptions
        @Argument var id: Int64
        func run() throws {
            let engine = try database.openEngine()
            try engine.confirmAuthorisation(id: id, by: try signIn.signIn(engine, purpose: "confirming an authorisation"))
            print("authorisation \(id) confirmed")
        }
    }
}

struct HitsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hits",
        abstract: "Face-match candidates: never an identification until two people confirm (safeguard 4).",
        subcommands: [List.self, Confirm.self, Reject.self, Dispatch.self, Trail.self], defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Candidates with order details and confirmations so far.")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var signIn: SignInOptions
        @Option(help: "text or json") var format: OutputFormat = .text
        func run() throws {
            let engine = try database.openEngine()
            let views = try engine.hitViews(as: try signIn.signIn(engine, purpose: "reviewing candidates"))
            if format == .json { print(try Output.json(views)); return }
            let f = TimestampFormatter(timeZone: engine.timeZone)
            for v in views {
                print(String(format: "%5lld  %@  %@  sim %.3f  %@  %@  %d/2  %@ (%@)", v.hit.id, v.hit.state.rawValue, v.hit.entryID, v.hit.similarity,
                             v.hit.cameraID, String(f.string(from: v.hit.time).dropFirst(11).prefix(8)), v.confirmations,
                             v.orderReference ?? "?", v.court ?? "?"))
            }
            print("\(views.count) candidates")
        }
    }

    struct Confirm: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Confirm a candidate, with a reason.")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var signIn: SignInOptions
        @Argument var id: Int64
        @Option(help: "Why you believe it is the person.") var reason: String
        func run() throws {
            let engine = try database.openEngine()
            let state = try engine.decideHit(id: id, confirm: true, reason: reason, by: try signIn.signIn(engine, purpose: "confirming a candidate"))
            print("hit \(id): \(state == .confirmed ? "confirmed by two operators" : "confirmed once; a second operator must confirm")")
        }
    }

    struct Reject: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Reject a candidate, with a reason; this closes it.")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var signIn: SignInOptions
        @Argument var id: Int64
        @Option(help: "Why it is not the person.") var reason: String
        func run() throws {
            let engine = try database.openEngine()
            _ = try engine.decideHit(id: id, confirm: false, reason: reason, by: try signIn.signIn(engine, purpose: "rejecting a candidate"))
            print("hit \(id) rejected")
        }
    }

    struct Dispatch: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Dispatch on a candidate confirmed by two operators.")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var signIn: SignInOptions
        @Argument var id: Int64
        func run() throws {
            let engine = try database.openEngine()
            try engine.dispatchHit(id: id, by: try signIn.signIn(engine, purpose: "dispatching on a candidate"))
            print("hit \(id) dispatched")
        }
    }

    struct Trail: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Confirmed sightings of one entry in time order.")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var signIn: SignInOptions
        @Argument var entry: String
        func run() throws {
            let engine = try database.openEngine()
            let f = TimestampFormatter(timeZone: engine.timeZone)
            for h in try engine.trail(entry: entry, as: try signIn.signIn(engine, purpose: "reading a trail")) {
                print("\(f.string(from: h.time))  \(h.cameraID)  sim \(String(format: "%.3f", h.similarity))")
            }
        }
    }
}
