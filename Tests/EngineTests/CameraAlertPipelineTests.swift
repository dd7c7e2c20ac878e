import CameraAlerts
import Foundation
import GRDB
import Testing
@testable import Engine
import SampleData
@_spi(SignIn) import VigiaCore

@Suite("Camera alert pipeline", .serialized)
struct CameraAlertPipelineTests {
    static let rules = """
    [rule loiter]
    kind = loitering
    labels = person
    min_dwell = 300
    priority = 3
    cooldown = 600
    escalate_after = 120
    procedure = Look, then send a unit.

    [rule offline]
    kind = offline
    missed_heartbeats = 3
    priority = 2
    """

    /// A database with two cameras, the rules above, and people to act.
    func fixture() throws -> (EngineFixture, admin: Principal, dina: Principal) {
        let f = try EngineFixture()
        let cameras = """
        {"schema":"vigia.cameras/1","cameras":[
        {"id":"C1","name":"Plaza","lat":-34.6,"lon":-58.4,"zones":["entrance"],"heartbeat_seconds":60,"frigate_name":"plaza","face_analytics":true},
        {"id":"C2","name":"Esquina","lat":-34.61,"lon":-58.41,"zones":["sidewalk"],"heartbeat_seconds":60}
        ]}
        """
        _ = try f.engine.ingestCameras(at: try f.file("cameras.json", cameras))
        let admin = try f.admin()
        try f.engine.addOperator(name: "dina", role: .dispatcher, passphrase: "dina-passphrase", by: admin)
        try f.engine.addOperator(name: "sergio", role: .supervisor, passphrase: "sergio-passphrase", by: admin)
        _ = try f.engine.loadRules(text: Self.rules, source: "rules.conf", by: Principal(name: "sergio", role: .supervisor))
        return (f, admin, Principal(name: "dina", role: .dispatcher))
    }

    func ingest(_ f: EngineFixture, _ lines: [String], format: EventFormat = .vigia) throws -> EventIngestReport {
        let url = try f.file("events-\(UUID().uuidString).jsonl", lines.joined(separator: "\n") + "\n")
        return try f.engine.ingestEvents(from: try FileHandle(forReadingFrom: url), source: "events.jsonl", format: format)
    }

    func line(_ seconds: Int, _ camera: String, _ rest: String) -> String {
        let t = TimestampFormatter(timeZone: TimeZone(identifier: "America/Argentina/Buenos_Aires")!)
            .string(from: Date(timeIntervalSince1970: 1_542_301_200 + Double(seconds)))
        return #"{"camera":"\#(camera)","time":"\#(t)",\#(rest)}"#
    }

    @Test("events become alerts; bad lines are quarantined with their line and the feed goes on")
    func ingestAndQuarantine() throws {
        let (f, _, _) = try fixture()
        let report = try ingest(f, [
            line(0, "C1", #""type":"heartbeat""#), line(0, "C2", #""type":"heartbeat""#),
            line(10, "C1", #""type":"loitering","label":"person","zone":"entrance","dwell_seconds":420"#),
            #"{"camera":"C1","time":"#,
            line(20, "C9", #""type":"heartbeat""#),
            line(60, "C1", #""type":"heartbeat""#), line(120, "C1", #""type":"heartbeat""#),
            line(240, "C1", #""type":"heartbeat""#),
        ])
        #expect(report.lines == 8 && report.quarantined == 2)
        #expect(report.alerts == 2, "loitering on C1, then C2 silent for over 3 minutes")
        let q = try f.engine.alertQueue(at: Date(timeIntervalSince1970: 1_542_301_200 + 250), as: .feed)
        // Unacknowledged past 120 s, the P3 loitering alert rises to P2 and, older, leads the P2 offline alert.
        #expect(q.items.map(\.stored.alert.ruleID) == ["loiter", "offline"])
        #expect(q.items.first?.escalated == true && q.items.first?.effectivePriority == 2)
        #expect(q.cameraHealth == ["C1": "online", "C2": "offline"])
        let bad = try f.engine.quarantine.quarantined(feed: "events", limit: 10)
        #expect(bad.map(\.line) == [4, 5])
        #expect(bad[1].reason.hasPrefix("unknown_camera"))
    }

    @Test("an offline alert cannot be closed while its camera is still down; once heartbeats return it can")
    func acknowledgementCondition() throws {
        let (f, _, dina) = try fixture()
        _ = try ingest(f, [line(0, "C1", #""type":"heartbeat""#), line(0, "C2", #""type":"heartbeat""#),
                           line(60, "C1", #""type":"heartbeat""#), line(120, "C1", #""type":"heartbeat""#), line(240, "C1", #""type":"heartbeat""#)])
        let offline = try #require(try f.engine.alertQueue(as: dina).items.first { $0.stored.alert.ruleID == "offline" }?.stored.alert)
        #expect(offline.cameraID == "C2")
        try f.engine.perform(.acknowledge, onAlert: offline.id, by: dina)
        #expect(try f.engine.conditionHolding(alert: offline.id, as: dina) == "offline")
        for d in [Disposition.attended, .falseAlarm, .noActionNeeded] {
            #expect(throws: EngineError.self, "closed as \(d) while C2 is still offline") {
                try f.engine.perform(.close(d, note: nil), onAlert: offline.id, by: dina)
            }
        }
        try f.engine.perform(.hold, onAlert: offline.id, by: dina)
        // C2 comes back: the condition clears and the alert can be closed.
        _ = try ingest(f, [line(300, "C2", #""type":"heartbeat""#), line(301, "C1", #""type":"heartbeat""#)])
        #expect(try f.engine.conditionHolding(alert: offline.id, as: dina) == nil)
        #expect(try f.engine.perform(.close(.attended, note: "camera back"), onAlert: offline.id, by: dina).alert.state == .closed)
    }

    @Test("the life cycle through the engine: who and when, audited; refusals say why")
    func lifeCycle() throws {
        let (f, _, dina) = try fixture()
        _ = try ingest(f, [line(10, "C1", #""type":"loitering","label":"person","zone":"entrance","dwell_seconds":420"#)])
        let id = try #require(try f.engine.alertQueue(as: .feed).items.first?.stored.alert.id)
        #expect(throws: EngineError.self) { try f.engine.perform(.dispatch, onAlert: id, by: dina) }
        #expect(throws: EngineError.self) { try f.engine.perform(.acknowledge, onAlert: id, by: Principal(name: "aud", role: .auditor)) }
        try f.engine.perform(.acknowledge, onAlert: id, by: dina)
        try f.engine.perform(.dispatch, onAlert: id, by: dina)
        let closed = try f.engine.perform(.close(.attended, note: "unit 12 on site"), onAlert: id, by: dina)
        #expect(closed.alert.state == .closed && closed.disposition == .attended)
        #expect(try f.engine.alerts.transitions(alertID: id).map(\.to) == [.acknowledged, .dispatched, .closed])
        #expect(try f.engine.alerts.transitions(alertID: id).allSatisfy { $0.operatorName == "dina" })
        let actions = try f.engine.audit.records(from: nil, to: nil).map(\.action).filter { $0.hasPrefix("alert.") }
        #expect(actions == ["alert.acknowledge", "alert.dispatch", "alert.close"])
        #expect(throws: EngineError.self) { try f.engine.perform(.acknowledge, onAlert: id, by: dina) }
    }

    @Test("snooze returns the alert to New after its time; forward needs a real operator and a message")
    func snoozeAndForward() throws {
        let (f, _, dina) = try fixture()
        _ = try ingest(f, [line(10, "C1", #""type":"loitering","label":"person","zone":"entrance","dwell_seconds":420"#)])
        let id = try #require(try f.engine.alertQueue(as: .feed).items.first?.stored.alert.id)
        #expect(throws: EngineError.self) { try f.engine.perform(.forward(to: "nobody", message: "x"), onAlert: id, by: dina) }
        #expect(throws: EngineError.self) { try f.engine.perform(.forward(to: "sergio", message: " "), onAlert: id, by: dina) }
        try f.engine.perform(.snooze(minutes: 10), onAlert: id, by: dina)
        let now = Date(timeIntervalSince1970: 1_542_301_200) // the fixture's clock
        #expect(try f.engine.alertQueue(at: now.addingTimeInterval(599), as: .feed).items.isEmpty)
        // Reading the queue after the snooze ran out shows it New and writes nothing.
        let records = try f.engine.audit.records(from: nil, to: nil).count
        let later = try f.engine.alertQueue(at: now.addingTimeInterval(601), as: .feed)
        #expect(later.items.first?.stored.alert.state == .new && later.countsByState["new"] == 1 && later.countsByState["snoozed"] == nil)
        #expect(try f.engine.audit.records(from: nil, to: nil).count == records, "reading the queue wrote to the store")
        #expect(try f.engine.alerts.alert(id: id)?.alert.state == .snoozed)
        // Acting on it after its end: the snooze's end is recorded first, then the action.
        let afterwards = try Engine(databasePath: f.databasePath, clock: FixedTimeSource(now.addingTimeInterval(601)))
        try afterwards.perform(.forward(to: "sergio", message: "check the platform"), onAlert: id, by: dina)
        #expect(try f.engine.alerts.alert(id: id)?.assignedTo == "sergio")
        let history = try f.engine.alertHistory(id: id, as: dina)
        #expect(history.suffix(2).map { "\($0.from.rawValue)>\($0.to.rawValue)" } == ["snoozed>new", "new>forwarded"], "\(history)")
        #expect(history.last?.note == "to sergio: check the platform", "the history says to whom")
    }

    @Test("rules: a dispatcher cannot change them; a load is audited with the text's hash")
    func rulesRoles() throws {
        let (f, _, dina) = try fixture()
        #expect(throws: EngineError.self) { try f.engine.loadRules(text: Self.rules, source: "r", by: dina) }
        let record = try #require(try f.engine.audit.records(from: nil, to: nil).first { $0.action == "rules.load" })
        #expect(record.details.contains("\"sha256\":\"") && record.operatorName == "sergio")
    }

    @Test("a face probe leaves no trace: its embedding and track id are nowhere in the database file")
    func noTraceOfProbes() throws {
        let (f, _, _) = try fixture()
        var random = SeededRandom(seed: 77)
        let embedding = EmbeddingCodec.encode((0..<512).map { _ in Float(random.gaussian()) }, precision: .float32)
        let track = "track-\(UUID().uuidString)"
        let good = line(30, "C1", #""type":"face","track":"\#(track)","quality":0.7,"embedding":"\#(embedding)""#)
        let broken = line(31, "C1", #""type":"face","track":"\#(track)","quality":7,"embedding":"\#(embedding)""#)
        let report = try ingest(f, [good, broken])
        #expect(report.faceProbes == 1 && report.quarantined == 1)
        var bytes = try Data(contentsOf: URL(fileURLWithPath: f.databasePath))
        if let wal = try? Data(contentsOf: URL(fileURLWithPath: f.databasePath + "-wal")) { bytes.append(wal) }
        for needle in [Data(embedding.prefix(64).utf8), Data(track.utf8), Data(base64Encoded: embedding)!.prefix(32)] {
            #expect(bytes.range(of: needle) == nil, "found probe content in the database")
        }
        #expect(try f.engine.alerts.counters(period: nil)["faces.probes_received"] == 1)
    }

    @Test("the camera pane's rows: every camera with its newest event (never a face probe), its open alerts, trouble first")
    func cameraRows() throws {
        let (f, _, dina) = try fixture()
        var random = SeededRandom(seed: 5)
        let embedding = EmbeddingCodec.encode((0..<512).map { _ in Float(random.gaussian()) }, precision: .float32)
        _ = try ingest(f, [
            line(0, "C1", #""type":"heartbeat""#), line(0, "C2", #""type":"heartbeat""#),
            line(10, "C1", #""type":"loitering","label":"person","zone":"entrance","dwell_seconds":420"#),
            line(20, "C2", #""type":"heartbeat""#),
            // A face probe later than anything else from C1 must not move its last event (safeguard 1).
            line(50, "C1", #""type":"face","track":"t1","quality":0.7,"embedding":"\#(embedding)""#),
        ])
        func cameras(at seconds: Double, asOf: Bool = false) throws -> [Situation.CameraMarker] {
            let engine = try Engine(databasePath: f.databasePath, clock: FixedTimeSource(Date(timeIntervalSince1970: 1_542_301_200 + seconds)))
            return try SituationSource(engine: engine).situation(SituationSource.Request(principal: dina, asOf: asOf)).cameras
        }
        let rows = try cameras(at: 60)
        #expect(rows.map(\.id) == ["C1", "C2"], "C1 has an open alert, so it comes first")
        #expect(rows[0].openAlerts == 1 && rows[1].openAlerts == 0)
        #expect(rows[0].lastEvent == Date(timeIntervalSince1970: 1_542_301_210), "the loitering, not the later face probe")
        #expect(rows[1].lastEvent == Date(timeIntervalSince1970: 1_542_301_220))
        // A second feed carries on from the stored times; an offline camera goes first.
        // (A new feed measures silence from its own start: C2 is down three heartbeats after 400.)
        _ = try ingest(f, [line(400, "C1", #""type":"heartbeat""#), line(600, "C1", #""type":"heartbeat""#)])
        let later = try cameras(at: 660)
        #expect(later.first?.id == "C2" && later.first?.health == "offline", "\(later.map { ($0.id, $0.health) })")
        #expect(later.first { $0.id == "C2" }?.lastEvent == Date(timeIntervalSince1970: 1_542_301_220))
        #expect(later.first { $0.id == "C1" }?.lastEvent == Date(timeIntervalSince1970: 1_542_301_800))
        // A view of an earlier time shows no event from after it.
        let past = try cameras(at: 15, asOf: true)
        #expect(past.first { $0.id == "C1" }?.lastEvent == nil)

        // A raw edit of the stored map: one impossible time and one string must not cost the other cameras theirs.
        try DatabaseQueue(path: f.databasePath).write {
            try $0.execute(sql: "UPDATE setting SET value = ? WHERE key = ?",
                           arguments: [#"{"C1":-1e19,"C2":"x","C3":1e300,"C9":1542301230}"#, Engine.lastEventSetting])
        }
        let edited = try Engine(databasePath: f.databasePath, clock: FixedTimeSource(Date(timeIntervalSince1970: 1_542_301_900)))
        #expect(try edited.storedLastEvents() == ["C9": 1_542_301_230])
        #expect(try cameras(at: 700).allSatisfy { $0.lastEvent == nil }, "the impossible times are dropped, not shown")
    }

    @Test("Frigate payloads through the same rules")
    func frigate() throws {
        let (f, _, _) = try fixture()
        let update = #"frigate/events {"type":"update","before":{"camera":"plaza","label":"person","current_zones":[]},"after":{"id":"x1","camera":"plaza","label":"person","frame_time":1542301600.0,"start_time":1542301200.0,"score":0.8,"current_zones":["entrance"],"false_positive":false}}"#
        let face = #"frigate/tracked_object_update {"type":"face","id":"x1","name":"Bob","score":0.9,"camera":"plaza","timestamp":1542301601.0}"#
        let report = try ingest(f, [update, face], format: .frigate)
        #expect(report.events == 2 && report.alerts == 1 && report.ignored == ["frigate_face_update": 1])
        var bytes = try Data(contentsOf: URL(fileURLWithPath: f.databasePath))
        if let wal = try? Data(contentsOf: URL(fileURLWithPath: f.databasePath + "-wal")) { bytes.append(wal) }
        #expect(bytes.range(of: Data("Bob".utf8)) == nil, "a name from Frigate's face library was stored")
    }

    @Test("the demo shift raises alerts every few minutes")
    func demoShift() throws {
        let f = try EngineFixture()
        _ = try f.engine.ingestCameras(at: EngineFixture.sampleData.appendingPathComponent("cameras.json"))
        let admin = try f.admin()
        _ = try f.engine.loadRules(text: try String(contentsOf: EngineFixture.sampleData.appendingPathComponent("alert-rules.conf"), encoding: .utf8),
                                   source: "alert-rules.conf", by: admin)
        let file = EngineFixture.sampleData.appendingPathComponent("camera-events.jsonl")
        let report = try f.engine.ingestEvents(from: try FileHandle(forReadingFrom: file), source: "camera-events.jsonl")
        #expect(report.quarantined == 0 && report.faceProbes == 1_600)
        #expect(report.alerts >= 48, "8 hours, an alert every few minutes: \(report.alerts)")
        let q = try f.engine.alertQueue(at: SampleGenerator.shiftEnd, as: .feed)
        #expect(Set(q.items.map(\.stored.alert.ruleID)).isSuperset(of: ["tamper", "camera-offline", "loitering-entrance", "station-crowd"]))
        #expect(q.cameraHealth.values.filter { $0 == "tampered" }.count == 2)
    }
}
