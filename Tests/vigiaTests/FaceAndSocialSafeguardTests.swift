import Foundation
import GRDB
import Testing
import VigiaCore

/// Safeguards 1, 2, 3, 4, 6 and 11 tried from outside, as a careless
/// integrator or a hostile insider would: the command line, a second process,
/// raw edits of the file. Each test is an attack that once succeeded.
@Suite("Face and social safeguards at every use", .serialized)
struct FaceAndSocialSafeguardTests {
    /// 512 little-endian float32 values, base64, distinct per seed.
    static func template(_ seed: Int, noise: Int = 0) -> [Float] {
        (0..<512).map { i in Float((i * (seed + 3) + seed * 7) % 11) - 5 + Float((i * noise) % 5) * 0.02 }
    }
    static func base64(_ v: [Float]) -> String {
        Data(v.flatMap { x in withUnsafeBytes(of: x.bitPattern.littleEndian, Array.init) }).base64EncodedString()
    }

    static func insertHit(_ room: Room, authorisation: Int64?, state: String, hoursAgo: Double = 1, entry: String = "W-1") throws -> Int64 {
        try room.raw { db in
            try db.execute(sql: "INSERT INTO hit (entry_id, similarity, rank, camera_id, time, state, authorisation_id) VALUES (?, 0.8, 1, 'CAM-001', ?, ?, ?)",
                           arguments: [entry, Date().timeIntervalSince1970 - hoursAgo * 3600, state, authorisation])
            return db.lastInsertedRowID
        }
    }

    func addEntry(_ room: Room, _ id: String, seed: Int, by who: String = "sergio") throws {
        let r = try room.run(["watchlist", "add", "--id", id, "--name", "Persona Ficticia", "--order", "Causa 7/2026", "--court", "Juzgado N.º 7",
                              "--offence", "robo", "--issued", Room.day(-30), "--expires", Room.day(200), "--template",
                              Self.base64(Self.template(seed)), "--operator", who], as: who)
        #expect(r.status == 0, "\(r.stderr)")
    }

    @Test("25 h after an unconfirmed urgent authorisation, with no feed running, its candidate cannot be confirmed, dispatched or trailed, and the authorisation cannot be confirmed; the sweep keeps what was dispatched")
    func lapseAtEveryUse() throws {
        let room = try Room()
        let a = try room.run(["authorise", "--entries", "all", "--cameras", "all", "--from", Room.time(0.5), "--to", Room.time(6 * 60),
                              "--reason", "Causa 77/2026, fuga en curso del imputado", "--urgent", "--operator", "sergio"], as: "sergio")
        #expect(a.status == 0, "\(a.stderr)")
        // The clock is now 25 h past its creation.
        try room.raw { try $0.execute(sql: "UPDATE authorisation SET created_at = created_at - 25 * 3600, valid_from = valid_from - 25 * 3600") }
        let pending = try Self.insertHit(room, authorisation: 1, state: "pending")
        let dispatched = try Self.insertHit(room, authorisation: 1, state: "dispatched", hoursAgo: 23)
        let confirm = try room.run(["hits", "confirm", "\(pending)", "--reason", "same face and jacket", "--operator", "dina"], as: "dina")
        #expect(confirm.status != 0 && confirm.stderr.contains("lapsed"), "\(confirm.stderr)")
        let dispatch = try room.run(["hits", "dispatch", "\(pending)", "--operator", "diego"], as: "diego")
        #expect(dispatch.status != 0 && dispatch.stderr.contains("lapsed"), "\(dispatch.stderr)")
        let trail = try room.run(["hits", "trail", "W-1", "--operator", "dina"], as: "dina")
        #expect(trail.status == 0 && trail.stdout.isEmpty, "the trail shows a lapsed search: \(trail.stdout)")
        let list = try room.run(["hits", "list", "--operator", "dina"], as: "dina")
        #expect(!list.stdout.contains("#\(pending) "), "\(list.stdout)")
        let late = try room.run(["authorise", "confirm", "1", "--operator", "marta"], as: "marta")
        #expect(late.status != 0 && late.stderr.contains("lapsed"), "\(late.stderr)")
        let show = try room.run(["authorise", "show", "1", "--operator", "ana"], as: "ana")
        #expect(show.stdout.contains("lapsed"), "\(show.stdout)")
        // Any long-running process sweeps at start-up: the undecided candidate goes, the dispatched one stays for review.
        let empty = try room.scratch.write("empty.jsonl", "")
        #expect(try room.run(["ingest", "--events", empty]).status == 0)
        #expect(try room.count("SELECT count(*) FROM hit WHERE id = \(pending)") == 0)
        #expect(try room.count("SELECT count(*) FROM hit WHERE id = \(dispatched)") == 1)
        #expect(try room.count("SELECT count(*) FROM alert WHERE rule_id = 'authorisation-lapse'") == 1)
        #expect(try room.count("SELECT count(*) FROM audit_log WHERE action = 'authorisation.lapsed' AND details LIKE '%dispatched_kept%\(dispatched)%'") == 1)
    }

    @Test("an authorisation has limits: no century-long or retroactive window, a reason with substance, and a wide one waits for a second, independent supervisor")
    func authorisationLimits() throws {
        let room = try Room()
        func authorise(_ from: String, _ to: String, _ reason: String, entries: String = "all", cameras: String = "all", by who: String = "sergio") throws -> VigiaProcess.Result {
            try room.run(["authorise", "--entries", entries, "--cameras", cameras, "--from", from, "--to", to, "--reason", reason, "--operator", who], as: who)
        }
        let century = try authorise("2000-01-01", "2100-01-01", "xxxxxxxxxx")
        #expect(century.status != 0 && century.stderr.contains("at most 12 h"), "\(century.stderr)")
        let past = try authorise(Room.time(-120), Room.time(60), "Causa 8/2026, orden de captura vigente")
        #expect(past.status != 0 && past.stderr.contains("starts in the past"), "\(past.stderr)")
        let empty = try authorise(Room.time(1), Room.time(60), "xxxxxxxxxx")
        #expect(empty.status != 0 && empty.stderr.contains("reason"), "\(empty.stderr)")
        let wide = try authorise(Room.time(-1), Room.time(6 * 60), "Causa 8/2026, orden de captura vigente")
        #expect(wide.status == 0 && wide.stdout.contains("second supervisor"), "\(wide.stdout) \(wide.stderr)")
        #expect(try room.run(["authorise", "list", "--operator", "ana"], as: "ana").stdout.contains("waiting for a second supervisor"))
        let long = try authorise(Room.time(1), Room.time(10 * 60), "Causa 8/2026, orden de captura vigente", cameras: "CAM-001")
        #expect(long.status == 0 && long.stdout.contains("second supervisor"), "a 10 h window waits too: \(long.stdout)")
        #expect(try room.run(["authorise", "confirm", "1", "--operator", "marta"], as: "marta").status == 0)
        #expect(try room.run(["authorise", "show", "1", "--operator", "ana"], as: "ana").stdout.contains("in force"))
    }

    @Test("an admin's self-made second account cannot be the second person on a candidate or an authorisation")
    func separationOfDuties() throws {
        let room = try Room()
        for (name, role) in [("dina2", "dispatcher"), ("sup2", "supervisor")] {
            #expect(try room.run(["operator", "add", name, "--role", role, "--operator", "root"], as: "root", new: "\(name)-passphrase").status == 0)
        }
        func run(_ args: [String], as who: String) throws -> VigiaProcess.Result {
            try VigiaProcess.run(args + ["--db", room.db, "--operator", who],
                                 environment: room.environment().merging(["VIGIA_PASSPHRASE": "\(who)-passphrase"]) { $1 })
        }
        let a = try room.run(["authorise", "--entries", "all", "--cameras", "CAM-001", "--from", Room.time(1), "--to", Room.time(120),
                              "--reason", "Causa 9/2026, orden de captura vigente", "--operator", "root"], as: "root")
        #expect(a.status == 0, "\(a.stderr)")
        let hit = try Self.insertHit(room, authorisation: 1, state: "pending", hoursAgo: -0.1)
        #expect(try room.run(["hits", "confirm", "\(hit)", "--reason", "same face and jacket", "--operator", "root"], as: "root").status == 0)
        let second = try run(["hits", "confirm", "\(hit)", "--reason", "agree, matches the order photo"], as: "dina2")
        #expect(second.status != 0 && second.stderr.contains("created or reactivated by root"), "\(second.stderr)")
        // Two people independent of each other can.
        let other = try Self.insertHit(room, authorisation: 1, state: "pending", hoursAgo: -0.1)
        #expect(try room.run(["hits", "confirm", "\(other)", "--reason", "same face and jacket", "--operator", "dina"], as: "dina").status == 0)
        #expect(try room.run(["hits", "confirm", "\(other)", "--reason", "agree, matches the order photo", "--operator", "diego"], as: "diego").status == 0)
        // A wide authorisation by root cannot be confirmed by root's new supervisor.
        let wide = try room.run(["authorise", "--entries", "all", "--cameras", "all", "--from", Room.time(1), "--to", Room.time(120),
                                 "--reason", "Causa 9/2026, orden de captura vigente", "--operator", "root"], as: "root")
        #expect(wide.status == 0)
        let confirm = try run(["authorise", "confirm", "2"], as: "sup2")
        #expect(confirm.status != 0 && confirm.stderr.contains("created or reactivated by root"), "\(confirm.stderr)")
    }

    @Test("a revoked entry stays revoked when the same file is imported again; reinstating needs another supervisor; orders must be real text")
    func reimportKeepsRevoked() throws {
        let room = try Room()
        let entry: (String) -> String = { id in
            #"{"id":"\#(id)","name":"Persona Ficticia","order_reference":"Causa N.º 12/2026","court":"Juzgado Criminal N.º 4","offence":"robo","issued":"\#(Room.day(-10))","expires":"\#(Room.day(300))","status":"active","templates":["\#(Self.base64(Self.template(4)))"]}"#
        }
        let file = try room.scratch.write("watchlist.json", #"{"schema":"vigia.watchlist/1","dimension":512,"precision":"float32","entries":["# + entry("W-R") + "]}")
        #expect(try room.run(["watchlist", "import", file, "--operator", "sergio"], as: "sergio").status == 0)
        #expect(try room.run(["watchlist", "revoke", "W-R", "--reason", "order annulled by the court", "--operator", "sergio"], as: "sergio").status == 0)
        let again = try room.run(["watchlist", "import", file, "--operator", "sergio"], as: "sergio")
        #expect(again.status == 0 && again.stdout.contains("kept closed W-R"), "\(again.stdout)")
        #expect(try room.count("SELECT count(*) FROM watchlist_entry WHERE id = 'W-R' AND status = 'revoked'") == 1)
        #expect(try room.count("SELECT count(*) FROM watchlist_template WHERE entry_id = 'W-R'") == 0)
        #expect(try room.count("SELECT count(*) FROM audit_log WHERE action = 'watchlist.import' AND details LIKE '%kept_closed%W-R%'") == 1)
        let reinstate = ["watchlist", "reinstate", "W-R", "--order", "Causa N.º 99/2026", "--court", "Juzgado Criminal N.º 4",
                         "--issued", Room.day(-1), "--expires", Room.day(100), "--template", Self.base64(Self.template(4))]
        let same = try room.run(reinstate + ["--operator", "sergio"], as: "sergio")
        #expect(same.status != 0 && same.stderr.contains("sergio closed it"), "\(same.stderr)")
        #expect(try room.run(reinstate + ["--operator", "marta"], as: "marta").status == 0)
        #expect(try room.count("SELECT count(*) FROM watchlist_entry WHERE id = 'W-R' AND status = 'active'") == 1)
        // Placeholders and far expiries are refused.
        for (order, court, expires) in [("\n", "Juzgado N.º 1", Room.day(30)), ("-", "?", Room.day(30)), ("Causa 1/2026", "Juzgado N.º 1", "9999-12-31")] {
            let r = try room.run(["watchlist", "add", "--id", "W-Z", "--name", "Persona Ficticia", "--order", order, "--court", court,
                                  "--offence", "robo", "--issued", Room.day(-1), "--expires", expires,
                                  "--template", Self.base64(Self.template(5)), "--operator", "sergio"], as: "sergio")
            #expect(r.status != 0, "accepted order \(order.debugDescription), court \(court), expiry \(expires)")
        }
    }

    @Test("a face line that fails to decode, however its embedding is written, is quarantined with no excerpt of it")
    func noTraceInQuarantine() throws {
        let room = try Room()
        let b64 = Self.base64(Array(Self.template(1).prefix(40)))
        let numbers = (0..<64).map { "0.\($0 % 10)" }.joined(separator: ",")
        let lines = [
            #"{"camera":"CAM-001","time":"2018-11-15T14:00:01-03:00","type":"face","\u0065mbedding":"\#(b64)","track":"TRACK-SECRET-1","quality":0.8}"#,
            #"{"camera":"CAM-001","time":"not-a-time-TRACK-SECRET-2","type":"face","v":[\#(numbers)],"track":"TRACK-SECRET-2"}"#,
            #"{"camera":"CAM-001","time":"2018-11-15T14:00:03-03:00","type":"\u0066ace","track":"TRACK-SECRET-3","quality":7}"#,
            "face TRACK-SECRET-4 \(b64)",
        ]
        let events = try room.scratch.write("faces.jsonl", lines.joined(separator: "\n") + "\n")
        _ = try room.run(["ingest", "--events", events])
        let q = try room.run(["quarantine", "--format", "json", "--operator", "dina"], as: "dina")
        #expect(q.stdout.split(separator: "\n").count == 4, "\(q.stdout)")
        #expect(!q.stdout.contains("TRACK-SECRET") && !q.stdout.contains(String(b64.prefix(24))), "\(q.stdout)")
        try DatabaseQueue(path: room.db).writeWithoutTransaction { try $0.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        let bytes = try Data(contentsOf: URL(fileURLWithPath: room.db))
        #expect(bytes.range(of: Data("TRACK-SECRET".utf8)) == nil, "the database holds a track id")
    }

    @Test("retention covers every kind that names or places a person, and refuses a policy that keeps one almost forever")
    func retentionEveryKind() throws {
        let room = try Room()
        let policy = try room.scratch.write("retention.conf", "undecided_hits = 50000\n")
        let refused = try room.run(["retention", "policy", policy, "--operator", "root"], as: "root")
        #expect(refused.status != 0 && refused.stderr.contains("at most 90 days"), "\(refused.stderr)")
        let years = 3 * 365.25 * 24.0
        _ = try Self.insertHit(room, authorisation: nil, state: "pending", hoursAgo: years)
        let dispatched = try Self.insertHit(room, authorisation: nil, state: "dispatched", hoursAgo: years)
        try room.raw { db in
            try db.execute(sql: "INSERT INTO hit_decision (hit_id, operator, decision, reason, at) VALUES (?, 'dina', 'confirm', 'x', ?)",
                           arguments: [dispatched, Date().timeIntervalSince1970 - years * 3600])
            try db.execute(sql: """
                INSERT INTO flag (post_id, post_time, platform, author, text, lat, lon, category, score, phrases, state)
                VALUES ('p1', ?, 'x', '@someone', 'te voy a matar', -34.6, -58.4, 'threat_person', 0.8, '[]', 'pending')
                """, arguments: [Date().timeIntervalSince1970 - years * 3600])
        }
        let applied = try room.run(["retention", "apply", "--format", "json", "--operator", "root"], as: "root")
        #expect(applied.status == 0, "\(applied.stderr)")
        #expect(try room.count("SELECT count(*) FROM hit") == 0 && room.count("SELECT count(*) FROM flag") == 0, "\(applied.stdout)")
    }

    @Test("live face search: off until the legal preconditions are recorded; then each authorisation's use is recorded with its watchlist version, candidates and who verified them")
    func useRecord() throws {
        let room = try Room()
        try addEntry(room, "W-U", seed: 3)
        try room.raw { try $0.execute(sql: """
            INSERT OR REPLACE INTO setting (key, value) VALUES ('faces.threshold', '{"threshold":0.9,"entries":1,"templates":1,"fpir":0.001,"calibrated_at":0,"groups":[]}')
            """) }
        let a = try room.run(["authorise", "--entries", "W-U", "--cameras", "CAM-001", "--from", Room.time(0.5), "--to", Room.time(120),
                              "--reason", "Causa 7/2026, orden de captura vigente", "--operator", "sergio"], as: "sergio")
        #expect(a.status == 0, "\(a.stderr)")
        func probe(_ minutes: Double, _ v: [Float], _ track: String) -> String {
            #"{"camera":"CAM-001","embedding":"\#(Self.base64(v))","quality":0.8,"time":"\#(Room.time(minutes))","track":"\#(track)","type":"face"}"#
        }
        let lines = [probe(5, Self.template(3, noise: 1), "a"), probe(6, Self.template(3, noise: 2), "b"), probe(7, Self.template(9), "c")]
        let before = try room.scratch.write("before.jsonl", lines.joined(separator: "\n") + "\n")
        let off = try room.run(["ingest", "--events", before, "--format", "json"])
        let hitsBefore = try room.count("SELECT count(*) FROM hit")
        #expect(off.stdout.contains("legal preconditions") && hitsBefore == 0, "\(off.stdout)")
        #expect(try room.run(["faces", "preconditions", "--oversight-body", "Comisión de control de la Legislatura", "--last-report", Room.day(-40),
                              "--impact-assessment", "EIA 3/2026", "--public-notice", "Boletín Oficial del 2026-10-01", "--operator", "root"], as: "root").status == 0)
        let after = try room.scratch.write("after.jsonl", lines.joined(separator: "\n") + "\n")
        #expect(try room.run(["ingest", "--events", after]).status == 0)
        let hits = try room.raw { try Int64.fetchAll($0, sql: "SELECT id FROM hit ORDER BY id") }
        #expect(hits.count == 2, "\(hits)")
        for id in hits {
            #expect(try room.run(["hits", "confirm", "\(id)", "--reason", "same face and jacket", "--operator", "dina"], as: "dina").status == 0)
            #expect(try room.run(["hits", "confirm", "\(id)", "--reason", "agree, matches the order", "--operator", "diego"], as: "diego").status == 0)
        }
        let show = try room.run(["authorise", "show", "1", "--format", "json", "--operator", "ana"], as: "ana")
        let record = try #require(try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any], "\(show.stdout) \(show.stderr)")
        let uses = try #require(record["uses"] as? [[String: Any]])
        #expect(uses.count == 1 && uses[0]["probes"] as? Int == 3 && uses[0]["hits"] as? Int == 2 && uses[0]["entries"] as? Int == 1)
        #expect((uses[0]["watchlistVersion"] as? String)?.count == 64)
        let candidates = try #require(record["candidates"] as? [[String: Any]])
        let deciders = candidates.flatMap { ($0["decisions"] as? [[String: Any]] ?? []).compactMap { $0["operatorName"] as? String } }
        #expect(candidates.count == 2 && deciders == ["dina", "diego", "dina", "diego"])
        let text = try room.run(["authorise", "show", "1", "--operator", "ana"], as: "ana").stdout
        #expect(text.contains("3 probes searched, 2 candidates") && text.contains("confirmed by dina") && text.contains("confirmed by diego"), "\(text)")
        // The transparency report summarises the use and prints the preconditions.
        let published = try room.run(["transparency", "--from", Room.day(-1), "--to", Room.day(1), "--format", "json", "--operator", "ana"], as: "ana")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(published.stdout.utf8)) as? [String: Any], "\(published.stderr)")
        let oversight = try #require(report["oversight"] as? [String: Any])
        #expect(oversight["authorisationsUsed"] as? Int == 1 && oversight["probesSearched"] as? Int == 3 && oversight["candidates"] as? Int == 2)
        #expect((oversight["preconditions"] as? [String: Any])?["impactAssessment"] as? String == "EIA 3/2026")
    }

    @Test("revoking an entry and clearing a flag while a console is open: the template and the post are gone from the file and its WAL at once")
    func purgeWithReaderOpen() throws {
        let room = try Room()
        let tmux = ConsoleEndToEndTests.Tmux()
        var env = room.environment(as: "dina").map { "\($0.key)='\($0.value)'" }.joined(separator: " ")
        env += " LANG=C.UTF-8 TERM=xterm-256color"
        _ = try tmux.run(["new-session", "-d", "-x", "120", "-y", "40",
                          "\(env) '\(VigiaProcess.executable.path)' --db '\(room.db)' --operator dina --no-bell; sleep 60"])
        _ = try tmux.wait("the console", timeout: 120) { $0.contains("Vigía ·") }
        let template = Self.template(8)
        try addEntry(room, "W-P", seed: 8)
        let needle = Data(template.prefix(16).flatMap { x in withUnsafeBytes(of: x.bitPattern.littleEndian, Array.init) })
        func onDisk() throws -> Data {
            var bytes = try Data(contentsOf: URL(fileURLWithPath: room.db))
            if let wal = try? Data(contentsOf: URL(fileURLWithPath: room.db + "-wal")) { bytes.append(wal) }
            return bytes
        }
        #expect(try onDisk().range(of: needle) != nil, "the template should be on disk before the revocation (the check must be able to fail)")
        #expect(try room.run(["watchlist", "revoke", "W-P", "--reason", "order annulled by the court", "--operator", "sergio"], as: "sergio").status == 0)
        #expect(try onDisk().range(of: needle) == nil, "the revoked template is still in the database file or its WAL")

        let secret = "mañana te voy a matar hdp, cuidate ZQXJ-\(UUID().uuidString.prefix(8))"
        let posts = try room.scratch.write("posts.jsonl", #"{"author":"@someone","id":"p1","lang":"es","platform":"x","text":"\#(secret)","time":"\#(Room.time(-1))"}"# + "\n")
        #expect(try room.run(["ingest", "--posts", posts]).status == 0)
        #expect(try onDisk().range(of: Data(secret.utf8)) != nil, "the flagged post should be on disk before the review")
        let review = try room.run(["social", "review", "1", "--not-credible", "--reason", "banter between friends", "--operator", "dina"], as: "dina")
        #expect(review.status == 0, "\(review.stderr)")
        #expect(try onDisk().range(of: Data(secret.utf8)) == nil, "the cleared post is still in the database file or its WAL")
        #expect(ConsoleEndToEndTests().consolePID(room.db) != nil, "the console was open all along")
    }
}
