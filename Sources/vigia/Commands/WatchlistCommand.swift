import ArgumentParser
import Engine
import Foundation

struct WatchlistCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watchlist",
        abstract: "The court-ordered watchlist (supervisor and admin; auditors may read it).",
        discussion: "An entry is searchable only with a court order reference, issuing court and order dates (safeguard 2). Expired or revoked entries stop matching at once and their templates are deleted.",
        subcommands: [Import.self, Add.self, List.self, Show.self, Expire.self, Revoke.self, Reinstate.self, Reconcile.self])

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Import a watchlist file; report who was refused and why.")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var signIn: SignInOptions
        @Argument(help: "watchlist.json", completion: .file(extensions: ["json"])) var file: String
        @Option(help: "text or json") var format: OutputFormat = .text
        func run() throws {
            let engine = try database.openEngine()
            let r = try engine.importWatchlist(at: URL(fileURLWithPath: file), by: try signIn.signIn(engine, purpose: "importing a watchlist"))
            if format == .json { print(try Output.json(r)); return }
            print("\(file): \(r.searchable) entries searchable (\(r.templates) templates), \(r.lapsed) on file with lapsed or revoked orders (no templates), \(r.refused.count) refused")
            for (id, why) in r.refused.sorted(by: { $0.key < $1.key }) { print("  refused \(id): \(why)") }
            for id in r.keptClosed { print("  kept closed \(id): it was expired or revoked here; only `vigia watchlist reinstate \(id)` opens it again") }
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add one entry under a court order.")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var signIn: SignInOptions
        @Option var id: String
        @Option var name: String
        @Option(help: "Court order reference.") var order: String = ""
        @Option(help: "Issuing court.") var court: String = ""
        @Option var offence: String
        @Option(help: "Order issued (YYYY-MM-DD).") var issued: String
        @Option(help: "Order expires (YYYY-MM-DD).") var expires: String
        @Option(help: "A template: base64 of little-endian float32 (repeat for more).") var template: [String] = []
        func run() throws {
            let engine = try database.openEngine()
            var converter = CivilTimeConverter(timeZone: engine.timeZone)
            let templates = try template.map { try EmbeddingCodec.decode($0, precision: .float32, dimension: try engine.faceDimension()) }
            let entry = WatchlistEntry(id: id, displayName: name, courtOrderReference: order, issuingCourt: court, offenceCategory: offence,
                                       issuedOn: converter.date(try TimeParser.parseDate(issued)), expiresOn: converter.date(try TimeParser.parseDate(expires)))
            try engine.addWatchlistEntry(entry, templates: templates, by: try signIn.signIn(engine, purpose: "adding to the watchlist"))
            print("\(id) added under \(order) (\(court)), \(templates.count) templates")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Entries with order, status and template count.")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var signIn: SignInOptions
        @Option(help: "Only active, expired or revoked.") var status: String?
        @Option(help: "text or json") var format: OutputFormat = .text
        func run() throws {
            let engine = try database.openEngine()
            let list = try engine.watchlistEntries(by: try signIn.signIn(engine, purpose: "reading the watchlist"))
                .filter { status == nil || $0.entry.status.rawValue == status }
            if format == .json { print(try Output.json(list)); return }
            let f = TimestampFormatter(timeZone: engine.timeZone)
            for s in list {
                print("\(s.entry.id)\t\(s.entry.status.rawValue)\t\(s.templateCount) templates\texpires \(f.string(from: s.entry.expiresOn).prefix(10))\t\(s.entry.courtOrderReference)\t\(s.entry.issuingCourt)")
            }
            print("\(list.count) entries")
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "One entry.")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var signIn: SignInOptions
        @Argument var id: String
        func run() throws {
            let engine = try database.openEngine()
            guard let s = try engine.watchlistEntries(by: try signIn.signIn(engine, purpose: "reading the watchlist")).first(where: { $0.entry.id == id }) else {
                throw ValidationError("no watchlist entry \(id)")
            }
            let f = TimestampFormatter(timeZone: engine.timeZone)
            print("\(s.entry.id): \(s.entry.displayName)\n  order \(s.entry.courtOrderReference), \(s.entry.issuingCourt)\n  offence \(s.entry.offenceCategory)\n  issued \(f.string(from: s.entry.issuedOn).prefix(10)), expires \(f.string(from: s.entry.expiresOn).prefix(10)), \(s.entry.status.rawValue), \(s.templateCount) templates")
        }
    }

    struct Expire: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Expire an entry: it stops matching, its templates are deleted.")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var signIn: SignInOptions
        @Argument var id: String
        @Option(help: "Why.") var reason: String
        func run() throws { try WatchlistCommand.close(id, status: .expired, reason: reason, database, signIn) }
    }

    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke an entry: it stops matching, its templates are deleted.")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var signIn: SignInOptions
        @Argument var id: String
        @Option(help: "Why.") var reason: String
        func run() throws { try WatchlistCommand.close(id, status: .revoked, reason: reason, database, signIn) }
    }

    /// Expire and revoke differ only in the status they leave.
    static func close(_ id: String, status: WatchlistStatus, reason: String, _ database: DatabaseOptions, _ signIn: SignInOptions) throws {
        let engine = try database.openEngine()
        try engine.closeWatchlistEntry(id: id, status: status, reason: reason, by: try signIn.signIn(engine, purpose: "closing a watchlist entry"))
        print("\(id) \(status.rawValue); templates deleted")
    }

    struct Reinstate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Open an expired or revoked entry again under a new order (a supervisor other than, and independent of, the one who closed it).")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var signIn: SignInOptions
        @Argument var id: String
        @Option(help: "The new court order reference.") var order: String
        @Option(help: "Issuing court.") var court: String
        @Option(help: "Order issued (YYYY-MM-DD).") var issued: String
        @Option(help: "Order expires (YYYY-MM-DD), at most 5 years ahead.") var expires: String
        @Option(help: "A template: base64 of little-endian float32 (repeat for more); the old ones were purged.") var template: [String] = []
        func run() throws {
            let engine = try database.openEngine()
            var converter = CivilTimeConverter(timeZone: engine.timeZone)
            let templates = try template.map { try EmbeddingCodec.decode($0, precision: .float32, dimension: try engine.faceDimension()) }
            try engine.reinstateWatchlistEntry(id: id, order: order, court: court, issued: converter.date(try TimeParser.parseDate(issued)),
                                               expires: converter.date(try TimeParser.parseDate(expires)), templates: templates,
                                               by: try signIn.signIn(engine, purpose: "reinstating a watchlist entry"))
            print("\(id) reinstated under \(order) (\(court)), \(templates.count) templates")
        }
    }

    struct Reconcile: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Expire and purge every entry whose order has lapsed.")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var signIn: SignInOptions
        func run() throws {
            let engine = try database.openEngine()
            let lapsed = try engine.reconcileWatchlist(by: try signIn.signIn(engine, purpose: "reconciling the watchlist"))
            print(lapsed.isEmpty ? "no lapsed orders" : "expired and purged: " + lapsed.joined(separator: ", "))
        }
    }
}
