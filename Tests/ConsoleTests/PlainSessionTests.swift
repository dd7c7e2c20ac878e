import Foundation
import Testing
@testable import Console
import Engine
import VigiaCore

/// Plain mode (issue 23) with no terminal: lines in, lines out, on the real
/// engine. New items are one line each as they arrive; actions are numbered
/// choices through the engine's own role checks; the map is a ranked list.
@Suite("Plain mode", .serialized)
struct PlainSessionTests {
    let driver = ConsoleDriverTests()

    func plain(_ room: ConsoleDriverTests.Room, _ name: String) throws -> PlainSession {
        PlainSession(session: try driver.session(room, name))
    }

    /// Everything the lines hold that a terminal could act on or draw with.
    func drawsOrControls(_ lines: [String]) -> Bool {
        lines.joined().unicodeScalars.contains { $0.value < 0x20 || (0x2500...0x259F).contains($0.value) }
    }

    @Test("start: who, the counts, every open item as one line with its handle, and how to act; no control or box-drawing character")
    func start() throws {
        let room = try ConsoleDriverTests.Room()
        try room.feedEvents()
        let p = try plain(room, "dina")
        let lines = p.start()
        let alert = try #require(p.s.alerts.first), hit = try #require(p.s.hits.first)
        #expect(lines[0].contains("dina (dispatcher)") && lines[0].contains("unhandled 1/1/0") && lines[0].contains(" | "), "\(lines[0])")
        #expect(lines.contains { $0.hasPrefix("  a\(alert.id) | P1 NEW") && $0.contains("C1") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("  h\(hit.id) | Persona Ficticia") && $0.contains("threshold 0.500") && $0.contains("a candidate, not an identification") }, "\(lines)")
        #expect(lines.last?.hasPrefix("Type a41, h7 or f3") == true)
        #expect(!drawsOrControls(lines))
    }

    @Test("an item that arrives (another process's commit) is one NEW line at the next poll, once; a hostile post's escape is made harmless")
    func arrivals() throws {
        let room = try ConsoleDriverTests.Room()
        let p = try plain(room, "dina")
        _ = p.start()
        #expect(p.poll().isEmpty)
        try room.feedEvents()
        let first = p.poll()
        #expect(first.filter { $0.hasPrefix("NEW ALERT  a") }.count == 1 && first.filter { $0.hasPrefix("NEW CANDIDATE  h") }.count == 1, "\(first)")
        let other = try Engine(databasePath: room.path, clock: FixedTimeSource(ConsoleDriverTests.start))
        let post = CanonicalJSON.object(["id": .string("p9"), "time": .string(room.time(400)), "platform": .string("x"), "author": .string("@a"),
                                         "text": .string("te voy a matar \u{1B}]0;owned\u{07} esta noche"), "lang": .string("es")]).text
        let url = room.folder.appendingPathComponent("hostile.jsonl")
        try Data((post + "\n").utf8).write(to: url)
        _ = try other.ingestPosts(from: try FileHandle(forReadingFrom: url), source: "hostile.jsonl")
        let second = p.poll()
        #expect(second.count == 1 && second[0].hasPrefix("NEW FLAG  f") && second[0].contains("te voy a matar"), "\(second)")
        #expect(!drawsOrControls(second), "\(second)")
        #expect(p.poll(force: true).isEmpty, "an item is announced once")
        #expect(p.poll(feedProblems: ["posts.jsonl: disk full", "events.jsonl: gone"]) == ["A feed stopped: posts.jsonl: disk full", "A feed stopped: events.jsonl: gone"],
                "each stopped feed is said, without a commit to force a rebuild")
        #expect(p.poll(force: true, feedProblems: ["posts.jsonl: disk full"]).isEmpty, "a stopped feed is said once")
    }

    @Test("numbered choices: 1 acknowledges; dispatch asks and 0 leaves it; 3 then 2 closes as a false alarm; each through the engine, audited")
    func actions() throws {
        let room = try ConsoleDriverTests.Room()
        try room.feedEvents()
        let p = try plain(room, "dina")
        let id = try #require(p.s.alerts.first?.id)
        let menu = p.enter("a\(id)").lines
        #expect(menu.last?.hasPrefix("1 acknowledge") == true && menu.contains { $0.contains("1. [ ] look") }, "\(menu)")
        #expect(p.enter("1").lines == ["Done (8 in its menu undoes it for 10 s)"], "plain mode has no u key: the hint names its choice")
        #expect(p.s.alerts.first { $0.id == id }?.state == .acknowledged)
        _ = p.enter("\(id)")
        #expect(p.enter("2").lines == ["Dispatch a unit to alert a\(id)? 1 yes · 0 no"])
        #expect(p.enter("0").lines == ["Nothing done"])
        #expect(p.s.alerts.first { $0.id == id }?.state == .acknowledged, "0 dispatched nothing")
        _ = p.enter("a\(id)")
        #expect(p.enter("3").lines.first?.hasPrefix("a\(id) Close as: 1 attended") == true, "the question names the alert")
        _ = p.enter("2")
        let record = try room.engine.alert(id: id, as: room.engine.signIn(name: "sergio", passphrase: "sergio-passphrase"))
        #expect(record?.alert.state == .closed && record?.disposition == .falseAlarm)
        let actions = try room.engine.auditTrail(limit: 100, as: try room.engine.signIn(name: "root", passphrase: "root-passphrase")).records.compactMap(\.kind)
        #expect(actions.contains(.alertAcknowledge) && actions.contains(.alertClose) && !actions.contains(.alertDispatch))
        #expect(p.enter("a\(id)").lines == ["No open item a\(id)"], "a closed alert is not offered")
    }

    @Test("the engine decides who may: an auditor sees no candidates, and an alert action is refused with the reason")
    func roles() throws {
        let room = try ConsoleDriverTests.Room()
        try room.feedEvents()
        let root = try room.engine.signIn(name: "root", passphrase: "root-passphrase")
        try room.engine.addOperator(name: "ana", role: .auditor, passphrase: "ana-passphrase", by: root)
        let p = try plain(room, "ana")
        let hit = try #require(try room.engine.situationHitIDs())
        #expect(!p.start().contains { $0.hasPrefix("  h") }, "an auditor is shown no candidate")
        #expect(p.enter("h\(hit)").lines == ["No open item h\(hit)"])
        let id = try #require(p.s.alerts.first?.id)
        _ = p.enter("a\(id)")
        let refused = p.enter("1").lines
        #expect(refused.first?.hasPrefix("Refused") == true, "\(refused)")
        #expect(p.s.alerts.first { $0.id == id }?.state == .new)
    }

    @Test("unknown words say so; quit asks while items are unhandled, 0 stays, 1 leaves; lang switches; handover stores a note")
    func words() throws {
        let room = try ConsoleDriverTests.Room()
        try room.feedEvents()
        let p = try plain(room, "dina")
        #expect(p.enter("frobnicate").lines.first?.hasPrefix("Unknown command: frobnicate") == true)
        #expect(p.enter("").lines.isEmpty)
        #expect(p.enter("quit").lines.first?.contains("1 quit · 0 stay") == true)
        #expect(p.enter("0").quit == false)
        #expect(p.enter("lang es").lines.first?.contains("dina (despachante)") == true)
        #expect(p.enter("relevo C1 tapada, avisar a mantenimiento").lines.first?.hasPrefix("Nota de relevo guardada") == true)
        #expect(try room.engine.handoverNotes(as: room.engine.signIn(name: "sergio", passphrase: "sergio-passphrase")).count == 1)
        _ = p.enter("salir")
        #expect(p.enter("1").quit)
    }

    @Test("the map is a ranked list of the city's riskiest cells with their barrio, class and counts, under the forecast line")
    func map() {
        let s = SituationFixture.make()
        let lines = PlainSession.map(s, .english, top: 3)
        #expect(lines[0].hasPrefix("horizon") && lines[0].contains("Gini"), "\(lines)")
        #expect(lines.count == 4 && lines[1].hasPrefix("  1. ") && lines[1].contains("top 1 %") && lines[1].contains("expected"), "\(lines)")
        let expected = lines.dropFirst().compactMap { $0.split(separator: "|").first { $0.contains("expected") }.flatMap { Double($0.split(separator: " ").last ?? "") } }
        #expect(expected == expected.sorted(by: >) && expected.count == 3, "ranked by expected incidents: \(expected)")
    }

    @Test("an alert found by the rebuild after an action is still announced at the next poll (review: it was lost)")
    func arrivalAfterAction() throws {
        let room = try ConsoleDriverTests.Room()
        try room.feedEvents()
        let p = try plain(room, "dina")
        let first = try #require(p.s.alerts.first?.id)
        let other = try Engine(databasePath: room.path, clock: FixedTimeSource(ConsoleDriverTests.start))
        let url = room.folder.appendingPathComponent("second.jsonl")
        try Data((#"{"camera":"C2","reason":"lens sprayed","time":"\#(room.time(200))","type":"tamper"}"# + "\n").utf8).write(to: url)
        _ = try other.ingestEvents(from: try FileHandle(forReadingFrom: url), source: "second.jsonl")
        _ = p.enter("a\(first)")
        _ = p.enter("1")
        let news = p.poll()
        let second = try #require(p.s.alerts.map(\.id).first { $0 != first })
        #expect(news.contains { $0.hasPrefix("NEW ALERT  a\(second) ") }, "\(news)")
        #expect(p.takeBell(), "the new P1 rings once")
        #expect(!p.takeBell())
    }

    @Test("a hostile camera id and procedure text reach the lines only made harmless")
    func hostileFields() throws {
        let room = try ConsoleDriverTests.Room()
        let cameras = room.folder.appendingPathComponent("evil.json")
        try Data(#"{"schema":"vigia.cameras/1","cameras":[{"id":"C9\u001b[2J\u001b]0;owned\u0007","name":"X","lat":-34.6,"lon":-58.4,"zones":["hall"],"heartbeat_seconds":60}]}"#.utf8).write(to: cameras)
        _ = try room.engine.ingestCameras(at: cameras)
        let sergio = try room.engine.signIn(name: "sergio", passphrase: "sergio-passphrase")
        _ = try room.engine.loadRules(text: "[rule t]\nkind = tamper\npriority = 1\nprocedure = 1. look\u{1B}[31m 2. call\n", source: "r", by: sergio)
        let url = room.folder.appendingPathComponent("evil.jsonl")
        try Data((#"{"camera":"C9\u001b[2J\u001b]0;owned\u0007","reason":"x","time":"\#(room.time(60))","type":"tamper"}"# + "\n").utf8).write(to: url)
        _ = try room.engine.ingestEvents(from: try FileHandle(forReadingFrom: url), source: "evil.jsonl")
        let p = try plain(room, "dina")
        let id = try #require(p.s.alerts.first?.id)
        let lines = p.start() + p.enter("a\(id)").lines
        #expect(lines.contains { $0.contains("C9") }, "\(lines)")
        #expect(!drawsOrControls(lines), "\(lines.map(\.debugDescription))")
    }

    @Test("a question takes the next line only: a pasted a-id, 2, 1 shows the dispatch question and dispatches nothing")
    func typeahead() throws {
        let room = try ConsoleDriverTests.Room()
        try room.feedEvents()
        let p = try plain(room, "dina")
        let id = try #require(p.s.alerts.first?.id)
        let (out, quit, asked) = PlainConsole.handle(["a\(id)", "2", "1", "quit"], p)
        #expect(!quit && asked && out.last?.hasPrefix("1 acknowledge") == true, "\(out)")
        #expect(p.s.alerts.first { $0.id == id }?.state == .new)
        #expect(p.enter("4").lines == ["a\(id) Minutes (1-1440):"])
        #expect(p.enter("lots").lines == ["a\(id) Minutes (1-1440, 0 goes back):"], "a wrong number asks again")
        #expect(p.enter("10").lines.first?.hasPrefix("Done") == true)
        let stored = try room.engine.alert(id: id, as: room.engine.signIn(name: "sergio", passphrase: "sergio-passphrase"))
        #expect(stored?.alert.state == .snoozed)
    }

    @Test("lines: a long one is cut at 4 KiB and its rest dropped up to its line feed; a partial line waits for its end")
    func lineReader() {
        var r = LineReader(fd: -1)
        let long = Array(String(repeating: "x", count: 5_000).utf8) + Array("\nlist\npart".utf8)
        let lines = r.take(long[...])
        #expect(lines?.count == 2 && lines?[0].count == 4_096 && lines?[1] == "list")
        #expect(r.take(Array("ial\n".utf8)[...]) == ["partial"])
    }
}

extension Engine {
    /// The first face-match candidate's id, read as the admin would.
    func situationHitIDs() throws -> Int64? {
        try hitViews(as: try signIn(name: "sergio", passphrase: "sergio-passphrase")).first?.hit.id
    }
}
