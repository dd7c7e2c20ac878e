import Foundation
import GRDB
import Testing

/// Kills `vigia ingest` with SIGKILL at 20 moments while an operator keeps
/// acknowledging alerts, restarts it each time, and checks that nothing
/// acknowledged as done was lost, no alert was stored twice or lost (the
/// alerts equal an uninterrupted run's), counters are not double-counted,
/// the audit chain verifies and SQLite's integrity check passes.
///
/// `swift test` runs it on the debug build and the sample shift;
/// `Tests/Reliability/crash-safety` runs it on a release build
/// (`VIGIA_EXECUTABLE`) and a longer feed (`VIGIA_CRASH_FEED`).
@Suite("Crash safety", .serialized)
struct CrashSafetyTests {
    func position(_ db: DatabaseQueue) throws -> Int {
        try db.read { try Int.fetchOne($0, sql: "SELECT max(position) FROM feed_position") } ?? 0
    }

    @Test("20 SIGKILLs during a feed with an operator at work: nothing acknowledged is lost, nothing doubled")
    func killed() throws {
        let feed = ProcessInfo.processInfo.environment["VIGIA_CRASH_FEED"].flatMap { $0.isEmpty ? nil : $0 } ?? "sample-data/camera-events.jsonl"
        let s = try Scratch()
        let reference = s.folder.appendingPathComponent("reference.sqlite").path
        try FeedDatabase.prepare(reference)
        // Small transactions, so that a kill can fall between many commits.
        let ingest = ["ingest", "--events", feed, "--commit-every", "1000"]
        let started = Date()
        #expect(try VigiaProcess.run(ingest + ["--db", reference]).status == 0)
        let uninterrupted = Date().timeIntervalSince(started)
        // Kill points spread over the first 80 % of the feed: each run is
        // killed a random moment (up to 2 % of the feed's time) after its
        // committed position passes the next target, with the operator's
        // command in between.
        let lines = try Data(contentsOf: URL(fileURLWithPath: feed, relativeTo: VigiaProcess.repository)).reduce(0) { $1 == 10 ? $0 + 1 : $0 }
        var generator = SystemRandomNumberGenerator()
        let targets = (0..<20).map { _ in Int.random(in: 1...max(1, lines * 8 / 10), using: &generator) }.sorted()
        let window = uninterrupted * 0.02

        let db = s.db
        try FeedDatabase.prepare(db)
        // One reader for the polling below, instead of opening the file every 5 ms.
        let watcher = try DatabaseQueue(path: db)
        var acknowledged: [Int64] = []
        var killedAt: [Int] = []
        var kills = 0
        for target in targets {
            let p = Process()
            p.executableURL = VigiaProcess.executable
            p.arguments = ingest + ["--db", db]
            p.currentDirectoryURL = VigiaProcess.repository
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            while p.isRunning, try position(watcher) < target { Thread.sleep(forTimeInterval: 0.005) }
            Thread.sleep(forTimeInterval: Double.random(in: 0...window, using: &generator))
            // The operator acts while the feed runs; a command that said "done" must survive the kill.
            if let id = try DatabaseQueue(path: db).read({ try Int64.fetchOne($0, sql: "SELECT min(id) FROM alert WHERE state = 'new'") }) {
                let ack = try VigiaProcess.run(["alerts", "act", "acknowledge", String(id), "--operator", "root", "--db", db], environment: FeedDatabase.root)
                if ack.status == 0 { acknowledged.append(id) }
            }
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            if p.terminationReason == .uncaughtSignal { kills += 1 } else { break }   // the feed finished before the kill
            killedAt.append(try position(watcher))
        }
        print("crash safety: \(VigiaProcess.executable.path), \(feed) (\(lines) lines, \(String(format: "%.1f", uninterrupted)) s uninterrupted); killed after committed lines \(killedAt); \(acknowledged.count) acknowledgements")
        #expect(killedAt == killedAt.sorted(), "a restart went back: the committed position shrank")
        let last = try VigiaProcess.run(ingest + ["--db", db, "--format", "json"])
        #expect(last.status == 0, "\(last.stderr)")
        #expect(kills == 20, "the feed finished before 20 kills (after \(killedAt))")
        let report = try JSONSerialization.jsonObject(with: Data(last.stdout.utf8)) as? [String: Any]
        #expect((report?["resumedAfterLine"] as? Int ?? 0) > 0, "no batch was committed before a kill, so nothing was tested")

        #expect(try FeedDatabase.rows(db, FeedDatabase.alertsSQL) == FeedDatabase.rows(reference, FeedDatabase.alertsSQL), "alerts lost or stored twice across the kills")
        #expect(try FeedDatabase.rows(db, FeedDatabase.countersSQL) == FeedDatabase.rows(reference, FeedDatabase.countersSQL), "counters lost or double-counted")
        let acked = try DatabaseQueue(path: db).read { db in
            try Int64.fetchAll(db, sql: "SELECT alert_id FROM alert_transition WHERE to_state = 'acknowledged' ORDER BY alert_id")
        }
        #expect(Set(acknowledged).isSubset(of: Set(acked)) && !acknowledged.isEmpty, "an acknowledged alert lost its acknowledgement")
        let integrity = try DatabaseQueue(path: db).read { try String.fetchOne($0, sql: "PRAGMA integrity_check") }
        #expect(integrity == "ok")
        let verify = try VigiaProcess.run(["audit", "verify", "--operator", "root", "--db", db], environment: FeedDatabase.root)
        #expect(verify.status == 0 && verify.stdout.contains("intact"), "\(verify.stdout)\(verify.stderr)")
    }
}
