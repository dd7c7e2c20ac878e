import Foundation
import GRDB
import Testing
@testable import Engine
@_spi(SignIn) import VigiaCore

/// Safeguards 1, 3 and 4 through the real feed.
@Suite("Face search safeguards", .serialized)
struct FaceSafeguardTests {
    let supervisor = Principal(name: "sergio", role: .supervisor)
    let start = Date(timeIntervalSince1970: 1_542_301_200)

    func vector(_ seed: UInt64) -> [Double] {
        var r = SeededRandom(seed: seed)
        return (0..<512).map { _ in r.gaussian() }
    }

    func noisy(_ v: [Double], _ seed: UInt64, _ sigma: Double = 0.3) -> [Float] {
        var r = SeededRandom(seed: seed)
        return v.map { Float($0 + sigma * r.gaussian()) }
    }

    /// Two cameras, a watchlist of one person, a calibrated threshold, demo rules.
    func fixture() throws -> (EngineFixture, person: [Double]) {
        let f = try EngineFixture()
        let cameras = """
        {"schema":"vigia.cameras/1","cameras":[
        {"id":"C1","name":"Estación","lat":-34.6,"lon":-58.4,"zones":["hall"],"heartbeat_seconds":60,"face_analytics":true},
        {"id":"C2","name":"Plaza","lat":-34.61,"lon":-58.41,"zones":["plaza"],"heartbeat_seconds":60,"face_analytics":true}]}
        """
        _ = try f.engine.ingestCameras(at: try f.file("cameras.json", cameras))
        let root = try f.admin()
        for (name, role) in [("dina", Role.dispatcher), ("diego", .dispatcher), ("sergio", .supervisor), ("sara", .supervisor)] {
            try f.engine.addOperator(name: name, role: role, passphrase: "\(name)-passphrase", by: root)
        }
        _ = try f.engine.loadRules(text: "[rule t]\nkind = tamper\n", source: "r", by: supervisor)
        let person = vector(1)
        try f.engine.addWatchlistEntry(WatchlistEntry(id: "W1", displayName: "Persona Ficticia", courtOrderReference: "Causa 1/2018",
                                                      issuingCourt: "Juzgado N.º 1", offenceCategory: "robo",
                                                      issuedOn: start.addingTimeInterval(-86_400), expiresOn: start.addingTimeInterval(86_400 * 90)),
                                       templates: [noisy(person, 2)], by: supervisor)
        try f.engine.saveThreshold(0.5, targetFPIR: 0.001, entries: 1, templates: 1, by: supervisor)
        try f.engine.recordLegalPreconditions(oversightBody: "Comisión de control de la Legislatura", lastIndependentReport: start.addingTimeInterval(-86_400),
                                              impactAssessment: "EIA 12/2018", publicNotice: "Boletín Oficial 2018-10-01", by: root)
        return (f, person)
    }

    func probeLine(_ camera: String, _ seconds: Int, _ embedding: [Float], track: String) -> String {
        let t = TimestampFormatter(timeZone: TimeZone(identifier: "America/Argentina/Buenos_Aires")!).string(from: start.addingTimeInterval(Double(seconds)))
        return #"{"camera":"\#(camera)","embedding":"\#(EmbeddingCodec.encode(embedding, precision: .float32))","quality":0.8,"time":"\#(t)","track":"\#(track)","type":"face"}"#
    }

    func feed(_ f: EngineFixture, _ lines: [String]) throws -> EventIngestReport {
        let url = try f.file("faces-\(UUID().uuidString).jsonl", lines.joined(separator: "\n") + "\n")
        return try f.engine.ingestEvents(from: try FileHandle(forReadingFrom: url), source: "faces.jsonl")
    }

    func databaseBytes(_ f: EngineFixture) throws -> Data {
        try DatabaseQueue(path: f.databasePath).writeWithoutTransaction { try $0.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        var bytes = try Data(contentsOf: URL(fileURLWithPath: f.databasePath))
        if let wal = try? Data(contentsOf: URL(fileURLWithPath: f.databasePath + "-wal")) { bytes.append(wal) }
        return bytes
    }

    @Test("safeguard 3: without an authorisation nothing is searched; with one, only its cameras")
    func authorisation() throws {
        let (f, person) = try fixture()
        let before = try feed(f, [probeLine("C1", 10, noisy(person, 3), track: "a")])
        #expect(before.hits == 0)
        #expect(try f.engine.alerts.counters(period: nil)["faces.dropped_unauthorised"] == 1)
        #expect(throws: EngineError.self) {
            try f.engine.authorise(entries: nil, cameras: ["C1"], from: start, to: start.addingTimeInterval(3600), reason: "Causa 1/2018, orden de captura",
                                   urgent: false, by: Principal(name: "dina", role: .dispatcher))
        }
        _ = try f.engine.authorise(entries: nil, cameras: ["C1"], from: start, to: start.addingTimeInterval(3600),
                                   reason: "Causa 1/2018, orden de captura", urgent: false, by: supervisor)
        let after = try feed(f, [probeLine("C1", 20, noisy(person, 4), track: "b"), probeLine("C2", 21, noisy(person, 5), track: "c"),
                                 probeLine("C1", 4000, noisy(person, 6), track: "d")])
        #expect(after.hits == 1, "only C1, only inside the window")
        let hit = try #require(try f.engine.faceSearch.hits(states: nil).first)
        #expect(hit.entryID == "W1" && hit.cameraID == "C1" && hit.state == .pending && hit.similarity > 0.5)
    }

    @Test("micro-batches find the same hits as probes searched one by one, and wrong dimensions are quarantined")
    func microBatches() throws {
        var lines: [String] = []
        let (f, person) = try fixture()
        _ = try f.engine.authorise(entries: nil, cameras: ["C1", "C2"], from: start, to: start.addingTimeInterval(3600),
                                   reason: "Causa 1/2018, orden de captura", urgent: false, by: supervisor)
        // Mated and unrelated probes interleaved, some of them within 50 ms of each other.
        for i in 0..<40 {
            let embedding = i % 3 == 0 ? noisy(person, UInt64(100 + i)) : noisy(vector(UInt64(500 + i)), 7)
            lines.append(probeLine(i % 2 == 0 ? "C1" : "C2", 30 + i / 4, embedding, track: "t\(i)"))
        }
        lines.append(probeLine("C1", 60, [0.5, 0.5], track: "short"))
        func hits(batch: Int) throws -> [String] {
            let url = try f.file("b\(batch).jsonl", lines.joined(separator: "\n") + "\n")
            let report = try f.engine.ingestEvents(from: try FileHandle(forReadingFrom: url), source: "b\(batch).jsonl", faceBatch: batch)
            #expect(report.quarantined == 1)
            return try f.engine.faceSearch.hits(states: nil).map { "\($0.cameraID) \($0.time.timeIntervalSince1970) \($0.entryID) \(String(format: "%.4f", $0.similarity))" }.sorted()
        }
        let one = try hits(batch: 1)
        #expect(one.count == 14)
        let both = try hits(batch: 64)
        #expect(both.count == 28)
        // The second feed repeated the first: each hit now appears exactly twice.
        #expect(Set(both) == Set(one) && both.count == 2 * Set(one).count)
        let quarantined = try f.engine.quarantine.quarantined(feed: "events", limit: 10)
        #expect(quarantined.contains { $0.reason.contains("512 float32 values need 2048") }, "\(quarantined.map(\.reason))")
    }

    @Test("safeguard 1: a probe below threshold leaves no embedding, track or time in the file")
    func noTrace() throws {
        let (f, _) = try fixture()
        _ = try f.engine.authorise(entries: nil, cameras: ["C1", "C2"], from: start, to: start.addingTimeInterval(3600),
                                   reason: "Causa 1/2018, orden de captura", urgent: false, by: supervisor)
        let stranger = noisy(vector(99), 7, 0)
        let track = "track-\(UUID().uuidString)"
        let report = try feed(f, [probeLine("C2", 1234, stranger, track: track)])
        #expect(report.hits == 0 && report.faceProbes == 1)
        #expect(try f.engine.alerts.counters(period: nil)["faces.no_match"] == 1)
        let bytes = try databaseBytes(f)
        let raw = stranger.prefix(8).withUnsafeBufferPointer { Data(buffer: $0) }
        let base64 = Data(EmbeddingCodec.encode(stranger, precision: .float32).prefix(48).utf8)
        let time = Data(String(start.addingTimeInterval(1234).timeIntervalSince1970).utf8)
        for (what, needle) in [("embedding", raw), ("base64", base64), ("track", Data(track.utf8)), ("time", time)] {
            #expect(bytes.range(of: needle) == nil, "the database holds the probe's \(what)")
        }
    }

    @Test("safeguard 4: dispatch waits for two different people; one rejection closes the candidate")
    func twoPeople() throws {
        let (f, person) = try fixture()
        _ = try f.engine.authorise(entries: ["W1"], cameras: nil, from: start, to: start.addingTimeInterval(3600),
                                   reason: "Causa 1/2018, orden de captura", urgent: false, by: supervisor)
        _ = try feed(f, [probeLine("C1", 10, noisy(person, 8), track: "a"), probeLine("C2", 900, noisy(person, 9), track: "b")])
        let hits = try f.engine.faceSearch.hits(states: nil)
        try #require(hits.count == 2)
        let dina = Principal(name: "dina", role: .dispatcher), diego = Principal(name: "diego", role: .dispatcher)
        #expect(throws: EngineError.self) { try f.engine.dispatchHit(id: hits[0].id, by: dina) }
        #expect(throws: EngineError.self) { try f.engine.decideHit(id: hits[0].id, confirm: true, reason: "", by: dina) }
        #expect(try f.engine.decideHit(id: hits[0].id, confirm: true, reason: "same jacket and face", by: dina) == .confirmedOnce)
        #expect(throws: EngineError.self) { try f.engine.decideHit(id: hits[0].id, confirm: true, reason: "again", by: dina) }
        do { try f.engine.dispatchHit(id: hits[0].id, by: dina); Issue.record("dispatched on one confirmation") } catch let e as EngineError {
            #expect(e.description.contains("1/2 so far"))
        }
        #expect(try f.engine.decideHit(id: hits[0].id, confirm: true, reason: "agree, matches the photo", by: diego) == .confirmed)
        try f.engine.dispatchHit(id: hits[0].id, by: diego)
        #expect(try f.engine.faceSearch.hit(id: hits[0].id)?.state == .dispatched)
        #expect(try f.engine.decideHit(id: hits[1].id, confirm: false, reason: "different person", by: diego) == .rejected)
        #expect(throws: EngineError.self) { try f.engine.decideHit(id: hits[1].id, confirm: true, reason: "late", by: dina) }
        #expect(try f.engine.trail(entry: "W1", as: dina).map(\.id) == [hits[0].id])
        let actions = try f.engine.audit.records(from: nil, to: nil).map(\.action).filter { $0.hasPrefix("hit.") }
        #expect(actions == ["hit.new", "hit.new", "hit.confirm", "hit.confirm", "hit.dispatch", "hit.reject"])
    }

    @Test("safeguard 5: the feed warns when the watchlist drifted more than 10 % from the calibration")
    func recalibration() throws {
        #expect(Engine.recalibrationWarning(calibratedEntries: 100, currentEntries: 109) == nil)
        #expect(Engine.recalibrationWarning(calibratedEntries: 100, currentEntries: 111)?.contains("recalibrate") == true)
        #expect(Engine.recalibrationWarning(calibratedEntries: 100, currentEntries: 85)?.contains("15 % change") == true)
        let (f, person) = try fixture()
        try f.engine.saveThreshold(0.5, targetFPIR: 0.001, entries: 40, templates: 40, by: supervisor)
        let report = try feed(f, [probeLine("C1", 10, noisy(person, 3), track: "a")])
        #expect(report.warnings.first?.contains("calibrated at 40") == true)
    }

    @Test("an urgent authorisation not confirmed within 24 h lapses and deletes what it produced")
    func urgentLapse() throws {
        let (f, person) = try fixture()
        let id = try f.engine.authorise(entries: nil, cameras: nil, from: start, to: start.addingTimeInterval(12 * 3600),
                                        reason: "Causa 1/2018, urgencia por fuga", urgent: true, by: supervisor).id
        #expect(throws: EngineError.self) { try f.engine.confirmAuthorisation(id: id, by: supervisor) }
        _ = try feed(f, [probeLine("C1", 10, noisy(person, 10), track: "a")])
        #expect(try f.engine.faceSearch.hits(states: nil).count == 1)
        let tomorrow = try Engine(databasePath: f.databasePath, clock: FixedTimeSource(start.addingTimeInterval(86_400 + 60)))
        #expect(try tomorrow.applyAuthorisationLapses() == [id])
        #expect(try tomorrow.faceSearch.hits(states: nil).isEmpty)
        let record = try #require(try tomorrow.audit.records(from: nil, to: nil).last)
        #expect(record.action == "authorisation.lapsed" && record.details.contains("\"hits_deleted\":1"))
    }
}
