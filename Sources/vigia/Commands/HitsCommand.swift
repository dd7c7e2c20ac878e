import ArgumentParser
import Engine
import Foundation

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
            let state = try engine.perform(.decideHit(id, confirm: true, reason: reason), by: try signIn.signIn(engine, purpose: "confirming a candidate")).hitState
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
            try engine.perform(.decideHit(id, confirm: false, reason: reason), by: try signIn.signIn(engine, purpose: "rejecting a candidate"))
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
            try engine.perform(.dispatchHit(id), by: try signIn.signIn(engine, purpose: "dispatching on a candidate"))
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
