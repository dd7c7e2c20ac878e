import Foundation
import Testing
@testable import Console
import Engine
import VigiaCore

/// The console end to end with no terminal (issue 19): keys → reducer → the
/// real engine on a temporary database → the screen's text. Each pane's
/// actions are driven as an operator would press them, and what another
/// process commits shows without a key press.
@Suite("Console driver, end to end", .serialized)
struct ConsoleDriverTests {
    static let start = Date(timeIntervalSince1970: 1_542_301_200) // 2018-11-15 14:00 -03:00
    static let zone = TimeZone(identifier: "America/Argentina/Buenos_Aires")!
    let size = TerminalSize(columns: 120, rows: 40)

    /// A room: two cameras, a tamper rule, a watchlist of one, a calibrated
    /// threshold, the legal preconditions, an authorisation, and operators.
    final class Room {
        let folder: URL
        let engine: Engine
        let person: [Double]
        var path: String { folder.appendingPathComponent("t.sqlite").path }

        init() throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("vigia-driver-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            engine = try Engine(databasePath: folder.appendingPathComponent("t.sqlite").path, clock: FixedTimeSource(ConsoleDriverTests.start))
            let cameras = folder.appendingPathComponent("cameras.json")
            try Data("""
            {"schema":"vigia.cameras/1","cameras":[
            {"id":"C1","name":"Estación","lat":-34.6,"lon":-58.4,"zones":["hall"],"heartbeat_seconds":60,"face_analytics":true},
            {"id":"C2","name":"Plaza","lat":-34.61,"lon":-58.41,"zones":["plaza"],"heartbeat_seconds":60,"face_analytics":true}]}
            """.utf8).write(to: cameras)
            _ = try engine.ingestCameras(at: cameras)
            try engine.addOperator(name: "root", role: .admin, passphrase: "root-passphrase", by: nil)
            let root = try engine.signIn(name: "root", passphrase: "root-passphrase")
            for (name, role) in [("dina", Role.dispatcher), ("diego", .dispatcher), ("sergio", .supervisor)] {
                try engine.addOperator(name: name, role: role, passphrase: "\(name)-passphrase", by: root)
            }
            let sergio = try engine.signIn(name: "sergio", passphrase: "sergio-passphrase")
            _ = try engine.loadRules(text: "[rule t]\nkind = tamper\npriority = 1\nprocedure = 1. look 2. call\n", source: "r", by: sergio)
            var r = SeededRandom(seed: 1)
            person = (0..<512).map { _ in r.gaussian() }
            try engine.addWatchlistEntry(WatchlistEntry(id: "W1", displayName: "Persona Ficticia", courtOrderReference: "Causa 1/2018",
                                                        issuingCourt: "Juzgado N.º 1", offenceCategory: "robo",
                                                        issuedOn: start.addingTimeInterval(-86_400), expiresOn: start.addingTimeInterval(86_400 * 90)),
                                         templates: [Self.noisy(person, 2)], by: sergio)
            try engine.saveThreshold(0.5, targetFPIR: 0.001, entries: 1, templates: 1, by: sergio)
            try engine.recordLegalPreconditions(oversightBody: "Comisión de control de la Legislatura", lastIndependentReport: start.addingTimeInterval(-86_400),
                                                impactAssessment: "EIA 12/2018", publicNotice: "Boletín Oficial 2018-10-01", by: root)
            _ = try engine.authorise(entries: ["W1"], cameras: nil, from: start, to: start.addingTimeInterval(3600),
                                     reason: "Causa 1/2018, orden de captura", urgent: false, by: sergio)
        }

        deinit { try? FileManager.default.removeItem(at: folder) }
        var start: Date { ConsoleDriverTests.start }

        static func noisy(_ v: [Double], _ seed: UInt64) -> [Float] {
            var r = SeededRandom(seed: seed)
            return v.map { Float($0 + 0.3 * r.gaussian()) }
        }

        func time(_ seconds: Int) -> String { TimestampFormatter(timeZone: ConsoleDriverTests.zone).string(from: start.addingTimeInterval(Double(seconds))) }

        /// Feeds camera events: a tamper on C1 and a face probe of the wanted person on C2.
        func feedEvents() throws {
            let probe = EmbeddingCodec.encode(Self.noisy(person, 8), precision: .float32)
            let lines = [
                #"{"camera":"C1","reason":"lens covered","time":"\#(time(60))","type":"tamper"}"#,
                #"{"camera":"C2","embedding":"\#(probe)","quality":0.8,"time":"\#(time(120))","track":"a","type":"face"}"#,
            ]
            let url = folder.appendingPathComponent("events-\(UUID().uuidString).jsonl")
            try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: url)
            _ = try engine.ingestEvents(from: try FileHandle(forReadingFrom: url), source: "events.jsonl")
        }

        func feedPosts() throws {
            let post = CanonicalJSON.object(["id": .string("p1"), "time": .string(time(300)), "platform": .string("x"), "author": .string("@autor"),
                                             "text": .string("te voy a matar esta noche"), "lang": .string("es")]).text
            let url = folder.appendingPathComponent("posts.jsonl")
            try Data((post + "\n").utf8).write(to: url)
            _ = try engine.ingestPosts(from: try FileHandle(forReadingFrom: url), source: "posts.jsonl")
        }
    }

    func session(_ room: Room, _ name: String, engine: Engine? = nil) throws -> ConsoleSession {
        let e = engine ?? room.engine
        return try ConsoleSession(engine: e, principal: try e.signIn(name: name, passphrase: "\(name)-passphrase"),
                                  state: UIState(language: .english, glyphs: .unicode))
    }

    func type(_ s: ConsoleSession, _ text: String) {
        for c in text { s.press(.char(c), size: size) }
        s.press(.enter, size: size)
    }

    @Test("alerts pane: a tamper alert is on screen; a acknowledges it, x ticks a step, u undoes the acknowledgement, all through the engine")
    func alertPane() throws {
        let room = try Room()
        try room.feedEvents()
        let dina = try session(room, "dina")
        let id = try #require(dina.situation.alerts.first?.id)
        #expect(dina.screen(size).text.contains("unhandled: 1 alerts"))
        dina.press(.char("2"), size: size)
        #expect(dina.screen(size).text.contains("#\(id)"))
        dina.press(.char("a"), size: size)
        #expect(dina.situation.alerts.first { $0.id == id }?.state == .acknowledged)
        dina.press(.char("x"), size: size)
        #expect(dina.state.message?.contains("#\(id)") == true, "\(dina.state.message ?? "")")
        #expect(dina.situation.alerts.first { $0.id == id }?.steps.first?.done != nil)
        dina.press(.char("u"), size: size)
        #expect(dina.situation.alerts.first { $0.id == id }?.state == .new, "\(dina.state.message ?? "")")
        let actions = try room.engine.auditTrail(limit: 1000, as: try room.engine.signIn(name: "root", passphrase: "root-passphrase")).records.compactMap(\.kind)
        #expect(actions.contains(.alertAcknowledge) && actions.contains(.alertStep) && actions.contains(.alertUndo))
    }

    @Test("a change committed by another process (a CLI acknowledgement) shows at the next poll, with no key pressed")
    func otherProcess() throws {
        let room = try Room()
        try room.feedEvents()
        let dina = try session(room, "dina")
        let id = try #require(dina.situation.alerts.first?.id)
        #expect(dina.poll() == nil, "nothing changed yet")
        // A second engine on the same file: another vigia process.
        let other = try Engine(databasePath: room.path, clock: FixedTimeSource(Self.start.addingTimeInterval(1300)))
        try other.perform(.alert(id, .acknowledge), by: try other.signIn(name: "diego", passphrase: "diego-passphrase"))
        // A feed that stopped is said at this rebuild, though it was caused by a commit, not by the timer.
        #expect(dina.poll(feedProblems: ["events.jsonl: disk full"]) != nil)
        #expect(dina.situation.alerts.first { $0.id == id }?.state == .acknowledged)
        #expect(dina.state.message?.contains("events.jsonl: disk full") == true, "\(dina.state.message ?? "")")
    }

    @Test("hits pane: two operators confirm with reasons, then d asks and y dispatches; a dispatcher alone cannot dispatch")
    func hitPane() throws {
        let room = try Room()
        try room.feedEvents()
        let dina = try session(room, "dina"), diego = try session(room, "diego")
        let hit = try #require(dina.situation.hits.first?.id)
        dina.press(.char("3"), size: size)
        #expect(dina.screen(size).text.contains("Persona Ficticia"))
        dina.press(.char("y"), size: size)
        type(dina, "same jacket and face")
        #expect(dina.state.message?.contains("#\(hit)") == true, "\(dina.state.message ?? "")")
        dina.press(.char("d"), size: size)
        dina.press(.char("y"), size: size)
        #expect(dina.state.message?.contains("1/2") == true, "dispatch on one confirmation is refused: \(dina.state.message ?? "")")
        diego.poll(force: true)
        diego.press(.char("3"), size: size)
        diego.press(.char("y"), size: size)
        type(diego, "agree, matches the photo")
        diego.press(.char("d"), size: size)
        #expect(diego.screen(size).text.contains("#\(hit)"), "the question names the candidate")
        diego.press(.char("y"), size: size)
        let root = try room.engine.signIn(name: "root", passphrase: "root-passphrase")
        let kinds = try room.engine.auditTrail(limit: 1000, as: root).records.compactMap(\.kind)
        #expect(kinds.filter { $0 == .hitConfirm }.count == 2 && kinds.contains(.hitDispatch), "\(kinds)")
    }

    @Test("flags pane: n with a reason clears a flag; it leaves the pane and the store")
    func flagPane() throws {
        let room = try Room()
        try room.feedPosts()
        let dina = try session(room, "dina")
        let flag = try #require(dina.situation.flags.first?.id)
        dina.press(.char("4"), size: size)
        #expect(dina.screen(size).text.contains("#\(flag)"))
        dina.press(.char("n"), size: size)
        type(dina, "a figure of speech between friends")
        #expect(dina.situation.flags.isEmpty, "\(dina.state.message ?? "")")
        #expect(!dina.screen(size).text.contains("te voy a matar"))
    }
}
