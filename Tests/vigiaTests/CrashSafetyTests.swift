import Foundation
import GRDB
import Testing

/// Kills `vigia ingest` with SIGKILL at 20 moments while an operator keeps
/// acknowledging alerts, restarts it each time, and checks that nothing
/// acknowledged as done was lost, no alert was stored twice or lost (the
/// alerts equal an uninterrupted run's), counters are not double-counted,
/// the audit chain verifies and SQLite's integrity check passes.
@Suite("Crash safety", .serialized)
struct CrashSafetyTests {
    static let root = ["VIGIA_PASSPHRASE": "root-passphrase"]

    func prepare(_ db: String) throws {
        #expect(try VigiaProcess.run(["operator", "add", "root", "--role", "admin", "--db", db], environment: ["VIGIA_NEW_PASSPHRASE": "root-passphrase"]).status == 0)
        #expect(try VigiaProcess.run(["ingest", "--cameras", "sample-data/cameras.json", "--db", db]).status == 0)
        let rules = try VigiaProcess.run(["rules", "load", "sample-data/alert-rules.conf", "--operator", "root", "--db", db], environment: Self.root)
        #expect(rules.status == 0, "\(rules.stderr)")
    }

    func alerts(_ db: String) throws -> [String] {
        try DatabaseQueue(path: db).read { db in
            try String.fetchAll(db, sql: "SELECT rule_id || '|' || coalesce(camera_id, '') || '|' || created_at || '|' || title FROM alert ORDER BY 1")
        }
    }

    func counters(_ db: String) throws -> [String: Int] {
        try DatabaseQueue(path: db).read { db in
            Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT name, sum(value) FROM counter GROUP BY name").map { ($0[0], $0[1]) })
        }
    }

    @Test("20 SIGKILLs during a feed with an operator at work: nothing acknowledged is lost, nothing doubled")
    func killed() throws {
        let s = try Scratch()
        let reference = s.folder.appendingPathComponent("reference.sqlite").path
        try prepare(reference)
        #expect(try VigiaProcess.run(["ingest", "--events", "sample-data/camera-events.jsonl", "--db", reference]).status == 0)

        let db = s.db
        try prepare(db)
        var generator = SystemRandomNumberGenerator()
        var acknowledged: [Int64] = []
        var kills = 0
        while kills < 20 {
            let p = Process()
            p.executableURL = VigiaProcess.executable
            p.arguments = ["ingest", "--events", "sample-data/camera-events.jsonl", "--db", db]
            p.currentDirectoryURL = VigiaProcess.repository
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            Thread.sleep(forTimeInterval: Double.random(in: 0.05...0.8, using: &generator))
            // The operator acts while the feed runs; a command that said "done" must survive the kill.
            if let id = try DatabaseQueue(path: db).read({ try Int64.fetchOne($0, sql: "SELECT min(id) FROM alert WHERE state = 'new'") }) {
                let ack = try VigiaProcess.run(["alerts", "act", "acknowledge", String(id), "--operator", "root", "--db", db], environment: Self.root)
                if ack.status == 0 { acknowledged.append(id) }
            }
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            if p.terminationReason == .uncaughtSignal { kills += 1 } else { break }   // the feed finished before the kill
        }
        let last = try VigiaProcess.run(["ingest", "--events", "sample-data/camera-events.jsonl", "--db", db, "--format", "json"])
        #expect(last.status == 0, "\(last.stderr)")
        #expect(kills == 20, "the feed finished before 20 kills; the test needs a longer feed")
        let report = try JSONSerialization.jsonObject(with: Data(last.stdout.utf8)) as? [String: Any]
        #expect((report?["resumedAfterLine"] as? Int ?? 0) > 0, "no batch was committed before a kill, so nothing was tested")

        #expect(try alerts(db) == alerts(reference), "alerts lost or stored twice across the kills")
        #expect(try counters(db) == counters(reference), "counters lost or double-counted")
        let acked = try DatabaseQueue(path: db).read { db in
            try Int64.fetchAll(db, sql: "SELECT alert_id FROM alert_transition WHERE to_state = 'acknowledged' ORDER BY alert_id")
        }
        #expect(Set(acknowledged).isSubset(of: Set(acked)) && !acknowledged.isEmpty, "an acknowledged alert lost its acknowledgement")
        let integrity = try DatabaseQueue(path: db).read { try String.fetchOne($0, sql: "PRAGMA integrity_check") }
        #expect(integrity == "ok")
        let verify = try VigiaProcess.run(["audit", "verify", "--operator", "root", "--db", db], environment: Self.root)
        #expect(verify.status == 0 && verify.stdout.contains("intact"), "\(verify.stdout)\(verify.stderr)")
    }
}
