import Foundation
import GRDB
import Testing
@testable import Engine
@_spi(SignIn) import VigiaCore

/// Safeguard 6 through the real feed: only flagged posts are stored, cleared flags are deleted.
@Suite("Social feed", .serialized)
struct SocialFeedTests {
    func line(_ id: String, _ text: String, minute: Int, lat: Double? = nil, lon: Double? = nil) -> String {
        let t = TimestampFormatter(timeZone: TimeZone(identifier: "America/Argentina/Buenos_Aires")!)
            .string(from: Date(timeIntervalSince1970: 1_542_301_200 + Double(minute) * 60))
        var o: [String: CanonicalJSON] = ["id": .string(id), "time": .string(t), "platform": .string("x"), "author": .string("@autor_\(id)"),
                                          "text": .string(text), "lang": .string("es")]
        if let lat, let lon { o["lat"] = .double(lat); o["lon"] = .double(lon) }
        return CanonicalJSON.object(o).text
    }

    func feed(_ f: EngineFixture, _ lines: [String]) throws -> PostIngestReport {
        let url = try f.file("posts-\(UUID().uuidString).jsonl", lines.joined(separator: "\n") + "\n")
        return try f.engine.ingestPosts(from: try FileHandle(forReadingFrom: url), source: "posts.jsonl")
    }

    func databaseText(_ f: EngineFixture) throws -> String {
        try DatabaseQueue(path: f.databasePath).writeWithoutTransaction { try $0.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        var bytes = try Data(contentsOf: URL(fileURLWithPath: f.databasePath))
        if let wal = try? Data(contentsOf: URL(fileURLWithPath: f.databasePath + "-wal")) { bytes.append(wal) }
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test("after a feed the database holds only the flagged posts; protest, criticism and ordinary posts leave counts")
    func onlyFlaggedStored() throws {
        let f = try EngineFixture()
        let report = try feed(f, [
            line("a1", "marcha al Congreso el jueves, el ministro es un inútil zzprotesta", minute: 1),
            line("a2", "que lindo dia para una birra zzordinario", minute: 2),
            line("a3", "te voy a matar esta noche zzamenaza", minute: 3),
            "{not json",
            line("a4", "la ministra miente, que renuncie zzcritica", minute: 4),
        ])
        #expect(report.posts == 4 && report.flagged == 1 && report.quarantined == 1)
        let text = try databaseText(f)
        #expect(text.contains("zzamenaza"))
        for marker in ["zzprotesta", "zzordinario", "zzcritica", "@autor_a1", "@autor_a2", "@autor_a4"] {
            #expect(!text.contains(marker), "\(marker) was stored")
        }
        #expect(try f.engine.alerts.counters(period: nil)["posts.classified"] == 4)
        let q = try f.engine.quarantine.quarantined(feed: "posts", limit: 5)
        #expect(q.first?.line == 4)
    }

    @Test("review: not credible deletes the flag and its text; credible raises an alert; the auditor cannot review")
    func review() throws {
        let f = try EngineFixture()
        let root = try f.admin()
        try f.engine.addOperator(name: "dina", role: .dispatcher, passphrase: "dina-passphrase", by: root)
        try f.engine.addOperator(name: "alba", role: .auditor, passphrase: "alba-passphrase", by: root)
        let dina = Principal(name: "dina", role: .dispatcher)
        _ = try feed(f, [line("b1", "te voy a matar esta noche zzuno", minute: 1), line("b2", "hay una bomba en la escuela zzdos", minute: 2)])
        let flags = try f.engine.flagViews(as: dina)
        #expect(flags.count == 2)
        #expect(throws: EngineError.self) {
            try f.engine.reviewFlag(id: flags[0].flag.id, credible: false, reason: "broma", by: Principal(name: "alba", role: .auditor))
        }
        #expect(throws: EngineError.self) { try f.engine.reviewFlag(id: flags[0].flag.id, credible: false, reason: " ", by: dina) }
        try f.engine.reviewFlag(id: flags[0].flag.id, credible: false, reason: "dos amigos bromeando", by: dina)
        let alert = try f.engine.reviewFlag(id: flags[1].flag.id, credible: true, reason: "escuela real, horario escolar", by: dina)
        #expect(alert != nil)
        #expect(try f.engine.alerts.alert(id: alert!)?.alert.ruleID == "social-flag")
        #expect(!(try databaseText(f)).contains("zzuno"))
        #expect(try f.engine.alerts.counters(period: nil)["flags.cleared"] == 1)
        #expect(try f.engine.flagViews(as: dina).isEmpty)
        #expect(throws: EngineError.self) { try f.engine.reviewFlag(id: flags[1].flag.id, credible: false, reason: "otra vez", by: dina) }
    }

    @Test("a configuration that geofences a protest is refused and counted")
    func guardRefusal() throws {
        let f = try EngineFixture()
        let root = try f.admin()
        #expect(throws: EngineError.self) {
            try f.engine.loadSocialConfig(text: "geofence = Congreso", source: "social.conf", by: root)
        }
        #expect(try f.engine.alerts.counters(period: nil)["social.protected_speech_refusals"] == 1)
        try f.engine.loadSocialConfig(text: "surge.window_minutes = 20", source: "social.conf", by: root)
    }

    @Test("protest idioms at Congreso: no flag, no surge, no handle or coordinates kept; real threats at a march flag but never surge")
    func protestNeverSurges() throws {
        let f = try EngineFixture()
        try f.loadSquareDistrict()
        let idioms = [
            "vamos todos al Congreso a reventar la plaza de gente zzidioma",
            "hay que prenderle fuego a las redes con el hashtag #MarchaFederal zzidioma",
            "vamos a reventar las calles hoy, todos al Congreso zzidioma",
            "hay que incendiar las redes con el reclamo zzidioma",
            "vamos todos a la plaza a reventarla de gente zzidioma",
        ]
        let lines = idioms.enumerated().map { line("c\($0.offset)", $0.element, minute: $0.offset, lat: -34.6098, lon: -58.3925 + 0.01) }
        let report = try feed(f, lines)
        #expect(report.posts == 5 && report.flagged == 0 && report.surges.isEmpty, "\(report.byCategory)")
        let text = try databaseText(f)
        #expect(!text.contains("zzidioma") && !text.contains("@autor_c1"))

        // Threats written at a march are flagged for review, but a march is never an area alert.
        let marchers = (0..<7).map { line("m\($0)", "vamos todos a la marcha con fierros a matar canas zzmarcha\($0)", minute: 10 + $0,
                                           lat: -34.6050, lon: -58.3800) }
        let second = try feed(f, marchers)
        #expect(second.flagged == 7 && second.surges.isEmpty)
        // The same number of threats without a protest shape in the same place is a surge.
        let threats = (0..<7).map { line("t\($0)", "hay una bomba en la escuela zzbomba\($0)", minute: 120 + $0, lat: -34.6050, lon: -58.3800) }
        #expect(try feed(f, threats).surges.count == 1)
    }

    @Test("in_reply_to is read as context and never stored")
    func replyContext() throws {
        let f = try EngineFixture()
        func reply(_ id: String, _ context: String) -> String {
            String(line(id, "Plomo.", minute: 1).dropLast()) + ",\"in_reply_to\":" + context + "}"
        }
        var report = try feed(f, [reply("r1", "\"Un motochorro asesinó a un jubilado zzcontexto\"")])
        #expect(report.flagged == 1)
        #expect(!(try databaseText(f)).contains("zzcontexto"))
        report = try feed(f, [reply("r2", "\"Cinco horas de discurso en la apertura de sesiones\"")])
        #expect(report.flagged == 0)
        report = try feed(f, [reply("r3", "3")])
        #expect(report.quarantined == 1)
    }
}
