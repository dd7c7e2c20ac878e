import Foundation
import GRDB
import Testing
@_spi(SignIn) import VigiaCore

/// Safeguards 9 and 10 tried as a hostile insider with a shell on the
/// console host would: raw edits of the database file, a second process,
/// the command line. Each test is an attack that once succeeded.
@Suite("Insider attacks on the audit chain and sign-in", .serialized)
struct InsiderAttackTests {
    @Test("cutting the last 10 records is found: verify signs nobody in first, and nothing can re-seal the head")
    func truncation() throws {
        let room = try Room()
        for _ in 0..<4 { try room.run(["operator", "list", "--operator", "dina"], as: "dina") }
        let before = try room.count("SELECT count(*) FROM audit_log")
        try room.raw { try $0.execute(sql: "DELETE FROM audit_log WHERE seq > (SELECT max(seq) - 10 FROM audit_log)") }
        let v = try room.verify()
        #expect(v.status == 3, "\(v.stdout) \(v.stderr)")
        #expect(v.stdout.contains("BROKEN"), "\(v.stdout)")
        // Neither the auditor's verification, a sign-in, a failed sign-in nor an ingest wrote a record.
        _ = try room.run(["operator", "list", "--operator", "dina"], as: "dina")
        _ = try room.run(["operator", "list", "--operator", "dina"], as: "nobody")
        let ingest = try room.run(["ingest", "--cameras", "sample-data/cameras.json"])
        #expect(ingest.status != 0 && ingest.stderr.contains("audit chain is broken"), "\(ingest.stderr)")
        #expect(try room.count("SELECT count(*) FROM audit_log") == before - 10)
        #expect(try room.verify().status == 3, "the break is still visible")

        // An admin's explained repair makes the chain extendable again and stays in its history.
        let repair = try room.run(["audit", "repair", "--operator", "root", "--reason", "10 records deleted by hand on the console host; incident 2026-12 opened"], as: "root")
        #expect(repair.status == 0, "\(repair.stderr)")
        let after = try room.verify()
        #expect(after.status == 0 && after.stdout.contains("repaired in record"), "\(after.stdout)")
    }

    @Test("wiping the log and its head is found, and no new chain is started over it")
    func wipe() throws {
        let room = try Room()
        try room.raw { db in
            try db.execute(sql: "DELETE FROM audit_log")
            try db.execute(sql: "DELETE FROM setting WHERE key = 'audit.head'")
        }
        let v = try room.verify()
        #expect(v.status == 3 && v.stdout.contains("BROKEN"), "\(v.stdout) \(v.stderr)")
        _ = try room.run(["operator", "list", "--operator", "dina"], as: "dina")
        #expect(try room.count("SELECT count(*) FROM audit_log") == 0, "a login started a fresh chain over the wiped one")
    }

    @Test("a consistent rewrite without the decisions, hashes recomputed and head updated, is found by the signed checkpoints")
    func consistentRewrite() throws {
        let room = try Room()
        for _ in 0..<6 { try room.run(["operator", "list", "--operator", "dina"], as: "dina") }
        #expect(FileManager.default.fileExists(atPath: room.checkpoints), "no checkpoint was written")
        #expect(try room.verify().status == 0)
        // An auditor publishes the transparency report (its latest signed head) and keeps the public key.
        let day = ISO8601DateFormatter()
        day.formatOptions = [.withFullDate]
        let published = try room.run(["transparency", "--from", day.string(from: Date().addingTimeInterval(-86_400)),
                                      "--to", day.string(from: Date().addingTimeInterval(2 * 86_400)), "--format", "json", "--operator", "ana"], as: "ana")
        let report = try JSONSerialization.jsonObject(with: Data(published.stdout.utf8)) as? [String: Any]
        let head = try #require(((report?["audit"] as? [String: Any])?["signedHead"] as? [String: Any])?["line"] as? String, "\(published.stdout)")
        let anchor = try room.scratch.write("published-head.jsonl", head + "\n")
        let key = try room.run(["audit", "key"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let before = try room.run(["audit", "verify", "--operator", "ana", "--checkpoints", anchor, "--public-key", key], as: "ana")
        #expect(before.status == 0, "\(before.stdout)")
        try room.raw { db in
            let kept = try Row.fetchAll(db, sql: "SELECT * FROM audit_log ORDER BY seq")
                .filter { !["operator.add", "rules.load"].contains($0["action"] as String) }
            try db.execute(sql: "DELETE FROM audit_log")
            var previous = AuditRecord.genesisHash, sequence: Int64 = 0
            for row in kept {
                sequence += 1
                var r = AuditRecord(sequence: sequence, timeMicros: row["time_us"], operatorName: row["operator"], role: row["role"],
                                    action: row["action"], subject: row["subject"], details: row["details"], previousHash: previous, hash: "")
                r.hash = r.computedHash
                try db.execute(sql: "INSERT INTO audit_log VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                               arguments: [r.sequence, r.timeMicros, r.operatorName, r.role, r.action, r.subject, r.details, r.previousHash, r.hash])
                previous = r.hash
            }
            try db.execute(sql: "UPDATE setting SET value = ? WHERE key = 'audit.head'", arguments: ["\(sequence):\(previous)"])
        }
        let v = try room.verify()
        #expect(v.status == 3, "\(v.stdout)")
        #expect(v.stdout.contains("checkpoints BROKEN") && (v.stdout.contains("rewritten") || v.stdout.contains("no longer has")), "\(v.stdout)")
        // Deleting the local checkpoint log does not help: the published head still catches the rewrite.
        try FileManager.default.removeItem(atPath: room.checkpoints)
        let p = try room.run(["audit", "verify", "--operator", "ana", "--checkpoints", anchor, "--public-key", key], as: "ana")
        #expect(p.status == 3 && p.stdout.contains("checkpoints BROKEN"), "\(p.stdout)")
    }

    @Test("a clock moved back is refused and counted; a record written in later with an older date is found")
    func clockBack() throws {
        let room = try Room()
        // Move every record four years ahead, consistently: the machine's clock is now "behind" the chain.
        try room.raw { db in
            let rows = try Row.fetchAll(db, sql: "SELECT * FROM audit_log ORDER BY seq")
            var previous = AuditRecord.genesisHash
            for row in rows {
                var r = AuditRecord(sequence: row["seq"], timeMicros: (row["time_us"] as Int64) + 4 * 365 * 86_400 * 1_000_000,
                                    operatorName: row["operator"], role: row["role"], action: row["action"], subject: row["subject"],
                                    details: row["details"], previousHash: previous, hash: "")
                r.hash = r.computedHash
                try db.execute(sql: "UPDATE audit_log SET time_us = ?, prev_hash = ?, hash = ? WHERE seq = ?",
                               arguments: [r.timeMicros, r.previousHash, r.hash, r.sequence])
                previous = r.hash
            }
            try db.execute(sql: "UPDATE setting SET value = ? WHERE key = 'audit.head'", arguments: ["\(rows.count):\(previous)"])
        }
        let login = try room.run(["operator", "list", "--operator", "dina"], as: "dina")
        #expect(login.status != 0 && login.stderr.contains("behind the last audit record"), "\(login.stderr)")
        #expect(try room.count("SELECT coalesce(sum(value), 0) FROM counter WHERE name = 'audit.refused.clock_went_back'") >= 1)

        // A record slipped in by hand, dated 2018 after records of the future, is a break.
        let other = try Room()
        try other.raw { db in
            let last = try #require(try Row.fetchOne(db, sql: "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1"))
            var r = AuditRecord.sealing(AuditEntry(principal: Principal(name: "dina", role: .dispatcher), action: .alertClose, subject: "1"),
                                        sequence: (last["seq"] as Int64) + 1, time: Date(timeIntervalSince1970: 1_542_300_000),
                                        previousHash: last["hash"])
            r.hash = r.computedHash
            try db.execute(sql: "INSERT INTO audit_log VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                           arguments: [r.sequence, r.timeMicros, r.operatorName, r.role, r.action, r.subject, r.details, r.previousHash, r.hash])
            try db.execute(sql: "UPDATE setting SET value = ? WHERE key = 'audit.head'", arguments: ["\(r.sequence):\(r.hash)"])
        }
        let v = try other.verify()
        #expect(v.status == 3 && v.stdout.contains("time went back"), "\(v.stdout)")
    }

    @Test("100 sign-in attempts started at once, one with the right passphrase: at most 5 are checked, the rest are locked")
    func parallelGuesses() throws {
        let room = try Room()
        let before = try room.count("SELECT count(*) FROM audit_log WHERE action IN ('login', 'login.failed')")
        let right = Int.random(in: 0..<100)
        var processes: [Process] = []
        for i in 0..<100 {
            let p = Process()
            p.executableURL = VigiaProcess.executable
            p.arguments = ["operator", "list", "--operator", "root", "--db", room.db]
            var env = ProcessInfo.processInfo.environment
            for (k, v) in room.environment() { env[k] = v }
            env["VIGIA_PASSPHRASE"] = i == right ? "root-passphrase" : "guess-\(i)-passphrase"
            p.environment = env
            p.currentDirectoryURL = VigiaProcess.repository
            p.standardOutput = FileHandle.nullDevice
            FileManager.default.createFile(atPath: room.scratch.folder.appendingPathComponent("err-\(i)").path, contents: nil)
            p.standardError = try FileHandle(forWritingTo: room.scratch.folder.appendingPathComponent("err-\(i)"))
            p.standardInput = FileHandle.nullDevice
            processes.append(p)
        }
        for p in processes { try p.run() }
        for p in processes { p.waitUntilExit() }
        let checked = try room.count("SELECT count(*) FROM audit_log WHERE action IN ('login', 'login.failed')") - before
        let locked = try room.count("SELECT count(*) FROM audit_log WHERE action = 'login.locked'")
        #expect(checked <= 5, "\(checked) passphrases were checked")
        // Every other attempt was refused by the lock (or, on a very loaded machine, waited out the 10 s busy timeout and said so).
        let errors = try (0..<100).map { try String(contentsOf: room.scratch.folder.appendingPathComponent("err-\($0)"), encoding: .utf8) }
        let busy = errors.filter { $0.contains("stayed locked by another process") }.count
        #expect(locked + busy >= 100 - checked, "\(locked) locked, \(busy) busy: \(Set(errors.map { String($0.prefix(80)) }))")
        #expect(processes.filter { $0.terminationStatus == 0 }.count <= 1)
        // root stays locked, even with the right passphrase, until another admin clears the failures.
        #expect(try room.run(["operator", "list", "--operator", "root"], as: "root").status != 0, "root is locked")
        let unlock = try room.run(["operator", "unlock", "root", "--operator", "olga"], as: "olga")
        #expect(unlock.status == 0, "\(unlock.stderr)")
        #expect(try room.run(["operator", "list", "--operator", "root"], as: "root").status == 0)
    }

    @Test("--out is refused on the database, its WAL, a symbolic link or an existing file; with --force a file is replaced whole")
    func reportTargets() throws {
        let room = try Room()
        let size = try FileManager.default.attributesOfItem(atPath: room.db)[.size] as? Int
        let summary = ["summary", "--shift", "2018-11-15T14:00/22:00", "--operator", "sergio", "--out"]
        for target in [room.db, room.db + "-wal"] where FileManager.default.fileExists(atPath: target) {
            let r = try room.run(summary + [target, "--force"], as: "sergio")
            #expect(r.status != 0 && r.stderr.contains("database"), "\(target): \(r.stderr)")
        }
        #expect(try FileManager.default.attributesOfItem(atPath: room.db)[.size] as? Int == size)
        #expect(try room.raw { try String.fetchOne($0, sql: "PRAGMA integrity_check") } == "ok")
        // Another name for the database (a hard link) is the database too.
        let alias = room.scratch.folder.appendingPathComponent("alias.md").path
        try FileManager.default.linkItem(atPath: room.db, toPath: alias)
        #expect(try room.run(summary + [alias, "--force"], as: "sergio").status != 0)
        // A link's target is never truncated.
        let victim = try room.scratch.write("victim.txt", "precious")
        let link = room.scratch.folder.appendingPathComponent("link.md").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: victim)
        let l = try room.run(summary + [link, "--force"], as: "sergio")
        #expect(l.status != 0 && l.stderr.contains("symbolic link"), "\(l.stderr)")
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "precious")
        // An existing file needs --force, then is replaced whole and 0600.
        let out = try room.scratch.write("summary.md", "old")
        #expect(try room.run(summary + [out], as: "sergio").status != 0)
        #expect(try room.run(summary + [out, "--force"], as: "sergio").status == 0)
        #expect(try String(contentsOfFile: out, encoding: .utf8).hasPrefix("#"))
        #expect(try FileManager.default.attributesOfItem(atPath: out)[.posixPermissions] as? Int == 0o600)
    }

    @Test("escape sequences in camera names, zones, rule text and names are neutralised in every listing")
    func terminalEscapes() throws {
        let room = try Room()
        let osc52 = "\u{1B}]52;c;ZWNobyBwd25lZA==\u{07}", title = "\u{1B}]0;owned\u{07}", clear = "\u{1B}[2J\u{9B}1;1H"
        func json(_ s: String) -> String { CanonicalJSON.string(s).text }
        let cameras = try room.scratch.write("cameras.json", """
            {"schema":"vigia.cameras/1","cameras":[{"id":"CAM-X","name":\(json("Hall " + osc52)),"lat":-34.6276,"lon":-58.3811,\
            "heartbeat_seconds":60,"zones":[\(json("entrance" + title))]}]}
            """)
        #expect(try room.run(["ingest", "--cameras", cameras]).status == 0)
        let rules = try room.scratch.write("rules.conf", "[rule tamper]\nkind = tamper\npriority = 1\ncooldown = 60\nprocedure = Check it \(clear)now\n")
        #expect(try room.run(["rules", "load", rules, "--operator", "root"], as: "root").status == 0)
        let events = try room.scratch.write("events.jsonl", #"{"camera":"CAM-X","time":"2018-11-15T14:00:00-03:00","type":"tamper"}"# + "\n")
        #expect(try room.run(["ingest", "--events", events]).status == 0)
        let template = Data((0..<512).flatMap { i -> [UInt8] in withUnsafeBytes(of: Float(i % 7 + 1).bitPattern.littleEndian, Array.init) }).base64EncodedString()
        let add = try room.run(["watchlist", "add", "--id", "W-X", "--name", "Ana " + osc52 + title, "--order", "Causa 1/2026",
                                "--court", "Juzgado N.º 1", "--offence", "robo " + clear, "--issued", Room.day(-30), "--expires", Room.day(180),
                                "--template", template, "--operator", "sergio"], as: "sergio")
        #expect(add.status == 0, "\(add.stderr)")
        var outputs: [(String, String)] = []
        for args in [["alerts", "list"], ["alerts", "show", "1"], ["rules", "show"], ["alerts", "list", "--format", "json"]] {
            let r = try room.run(args)
            outputs.append((args.joined(separator: " "), r.stdout + r.stderr))
        }
        for args in [["watchlist", "list"], ["watchlist", "show", "W-X"], ["watchlist", "list", "--format", "json"]] {
            let r = try room.run(args + ["--operator", "sergio"], as: "sergio")
            outputs.append((args.joined(separator: " "), r.stdout + r.stderr))
        }
        let badName = try room.run(["operator", "list", "--operator", "x" + osc52], as: "nobody")
        outputs.append(("sign-in error", badName.stdout + badName.stderr))
        for (what, text) in outputs {
            #expect(!text.unicodeScalars.contains { TerminalSafe.isUnsafe($0) && $0 != "\n" && $0 != "\t" }, "\(what) printed a control character")
        }
        #expect(outputs.contains { $0.1.contains("Hall") }, "the camera's name is still shown")
    }

    @Test("the demo refuses a database it did not create; a zero-byte or missing --db is refused, never made into a new one")
    func databaseGuards() throws {
        let room = try Room()
        let records = try room.count("SELECT count(*) FROM audit_log")
        let demo = try room.run(["demo", "--headless"])
        #expect(demo.status != 0 && demo.stderr.contains("not created by the demo"), "\(demo.stderr)")
        #expect(try room.count("SELECT count(*) FROM audit_log") == records)
        #expect(try room.count("SELECT count(*) FROM incident") == 0)
        let empty = try room.scratch.write("empty.sqlite", "")
        let z = try VigiaProcess.run(["status", "--db", empty])
        #expect(z.status != 0 && z.stderr.contains("not a Vigía database"), "\(z.stderr)")
        #expect(try FileManager.default.attributesOfItem(atPath: empty)[.size] as? Int == 0)
        let typo = room.scratch.folder.appendingPathComponent("vigai.sqlite").path
        for args in [["status"], ["alerts", "list"], ["audit", "verify", "--operator", "ana"]] {
            let r = try VigiaProcess.run(args + ["--db", typo], environment: ["VIGIA_PASSPHRASE": "ana-passphrase"])
            #expect(r.status != 0 && r.stderr.contains("there is no database"), "\(args): \(r.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: typo))
    }

    @Test("look-alike and reserved operator names are refused; a deactivated operator cannot sign in and keeps their history")
    func operatorNames() throws {
        let room = try Room()
        for name in ["f\u{0435}ed", "FEED", "f.eed", "r00t", "ROOT", "Dina", "sy5tem"] {
            let r = try room.run(["operator", "add", name, "--role", "admin", "--operator", "root"], as: "root", new: "another-passphrase")
            #expect(r.status != 0, "\(name) was accepted")
        }
        try room.run(["operator", "list", "--operator", "dina"], as: "dina")
        let off = try room.run(["operator", "deactivate", "dina", "--reason", "left the room", "--operator", "root"], as: "root")
        #expect(off.status == 0, "\(off.stderr)")
        let refused = try room.run(["operator", "list", "--operator", "dina"], as: "dina")
        #expect(refused.status != 0 && refused.stderr.contains("deactivated"), "\(refused.stderr)")
        #expect(try room.count("SELECT count(*) FROM audit_log WHERE operator = 'dina' AND action = 'login'") >= 1, "history kept")
        #expect(try room.run(["operator", "reactivate", "dina", "--reason", "back from leave", "--operator", "root"], as: "root").status == 0)
        #expect(try room.run(["operator", "list", "--operator", "dina"], as: "dina").status == 0)
    }
}
