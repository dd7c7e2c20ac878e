import Foundation
import GRDB
import Testing
@testable import Engine
@_spi(SignIn) import VigiaCore

/// Safeguard 11 on a hand-built database with known answers.
@Suite("Retention", .serialized)
struct RetentionTests {
    let now = 1_542_301_200.0
    let day = 86_400.0

    func seed(_ f: EngineFixture) throws {
        let q = try DatabaseQueue(path: f.databasePath)
        try q.write { db in
            for (id, state, closedDaysAgo) in [(1, "closed", 100.0), (2, "closed", 10.0), (3, "new", 200.0)] {
                try db.execute(sql: """
                    INSERT INTO alert (id, rule_id, camera_id, priority, state, created_at, title, dedup_key, details, procedure)
                    VALUES (?, 'r', 'C1', 3, ?, ?, 't', NULL, '{}', '')
                    """, arguments: [id, state, now - 300 * day])
                if state == "closed" {
                    try db.execute(sql: "INSERT INTO alert_transition (alert_id, from_state, to_state, operator, at, note, details) VALUES (?, 'new', 'closed', 'dina', ?, NULL, '{}')",
                                   arguments: [id, now - closedDaysAgo * day])
                }
            }
            for (id, state, daysAgo) in [(1, "rejected", 40.0), (2, "rejected", 5.0), (3, "confirmed", 100.0)] {
                try db.execute(sql: "INSERT INTO hit (id, entry_id, similarity, rank, camera_id, time, state) VALUES (?, 'W1', 0.6, 1, 'C1', ?, ?)",
                               arguments: [id, now - daysAgo * day, state])
                try db.execute(sql: "INSERT INTO hit_decision (hit_id, operator, decision, reason, at) VALUES (?, 'dina', 'x', 'motivo', ?)",
                               arguments: [id, now - daysAgo * day])
            }
            for daysAgo in [40.0, 1.0] {
                try db.execute(sql: "INSERT INTO quarantine (feed, source, line, field, reason, excerpt, created_at) VALUES ('events', 'f', 1, NULL, 'r', '', ?)",
                               arguments: [now - daysAgo * day])
            }
            for period in ["2016-01-01", "2018-11-14"] {
                try db.execute(sql: "INSERT INTO counter (name, period, value) VALUES ('events.seen', ?, 5)", arguments: [period])
            }
        }
    }

    func count(_ f: EngineFixture, _ sql: String) throws -> Int {
        try DatabaseQueue(path: f.databasePath).read { try Int.fetchOne($0, sql: sql) } ?? -1
    }

    @Test("a dry run deletes nothing; apply deletes exactly what is older than the policy, audited; a dispatcher cannot")
    func applies() throws {
        let f = try EngineFixture()
        let root = try f.admin()
        try seed(f)
        #expect(throws: EngineError.self) { _ = try f.engine.applyRetention(dryRun: true, by: Principal(name: "dina", role: .dispatcher)) }
        let dry = try f.engine.applyRetention(dryRun: true, by: root)
        #expect(dry.closedAlerts == 1 && dry.rejectedHits == 1 && dry.quarantine == 1 && dry.counters == 1 && dry.credibleFlags == 0)
        #expect(try count(f, "SELECT count(*) FROM alert") == 3 && count(f, "SELECT count(*) FROM quarantine") == 2)

        let done = try f.engine.applyRetention(dryRun: false, by: root)
        // The confirmed candidate nobody dispatched for 100 days goes too (undecided_hits = 30): it names and places a person.
        #expect(done.total == 5 && done.undecidedHits == 1 && !done.dryRun)
        let alerts = try DatabaseQueue(path: f.databasePath).read { try Int64.fetchAll($0, sql: "SELECT id FROM alert ORDER BY id") }
        #expect(alerts == [2, 3], "the recently closed and the open alert stay")
        #expect(try count(f, "SELECT count(*) FROM alert_transition WHERE alert_id = 1") == 0)
        let hits = try DatabaseQueue(path: f.databasePath).read { try Int64.fetchAll($0, sql: "SELECT id FROM hit ORDER BY id") }
        #expect(hits == [2], "a recent rejection stays")
        #expect(try count(f, "SELECT count(*) FROM hit_decision WHERE hit_id = 1") == 0)
        #expect(try count(f, "SELECT count(*) FROM quarantine") == 1)
        #expect(try count(f, "SELECT count(*) FROM counter WHERE period = '2018-11-14'") == 1 && count(f, "SELECT count(*) FROM counter") == 1)
        let actions = try DatabaseQueue(path: f.databasePath).read { try String.fetchAll($0, sql: "SELECT action FROM audit_log WHERE action LIKE 'retention%' ORDER BY seq") }
        #expect(actions == ["retention.dry_run", "retention.apply"])
        if case .broken(let seq, let problem) = try f.engine.audit.verify() { Issue.record("audit chain broken at \(seq): \(problem)") }
    }

    @Test("the policy is set by an admin from KIND = DAYS lines; bad lines are refused with file:line")
    func policy() throws {
        let f = try EngineFixture()
        let root = try f.admin()
        try f.engine.setRetentionPolicy(text: "# ours\nclosed_alerts = 365\nquarantine = 7\n", source: "retention.conf", by: root)
        #expect(try f.engine.retentionPolicy().closedAlertsDays == 365 && f.engine.retentionPolicy().quarantineDays == 7)
        #expect(throws: EngineError.self) { try f.engine.setRetentionPolicy(text: "faces = 3\n", source: "retention.conf", by: root) }
        try seed(f)
        // Scheduled runs act as the system, audited.
        let r = try f.engine.applyScheduledRetention()
        #expect(r?.closedAlerts == 0 && r?.quarantine == 1)
    }

    @Test("scheduled retention runs once an hour between all the processes on one store, and a stored time in the future does not stop it")
    func scheduledOncePerPeriod() throws {
        let f = try EngineFixture()
        _ = try f.admin()
        try seed(f)
        // A console and two feeds on one store: each calls it at start; it runs once. (Before, each ran it: 3 records.)
        func process(at t: Double) throws -> Engine { try Engine(databasePath: f.databasePath, clock: FixedTimeSource(Date(timeIntervalSince1970: t))) }
        let first = try f.engine.applyScheduledRetention()
        #expect(first?.quarantine == 1, "the first call applies the policy")
        #expect(try process(at: now + 60).applyScheduledRetention() == nil)
        #expect(try process(at: now + 3599).applyScheduledRetention() == nil)
        #expect(try count(f, "SELECT count(*) FROM audit_log WHERE action = 'retention.scheduled'") == 1)
        // An hour later the next caller, whichever it is, runs it.
        #expect(try process(at: now + 3600).applyScheduledRetention() != nil)
        #expect(try process(at: now + 3700).applyScheduledRetention() == nil)
        // An insider who writes a far-future time into the store does not switch purges off: a time ahead of the clock is due.
        try DatabaseQueue(path: f.databasePath).write { try $0.execute(sql: "UPDATE setting SET value = '99999999999' WHERE key = 'retention.last_scheduled'") }
        #expect(try process(at: now + 3800).applyScheduledRetention() != nil)
        // Nor does garbage there.
        try DatabaseQueue(path: f.databasePath).write { try $0.execute(sql: "UPDATE setting SET value = 'nan' WHERE key = 'retention.last_scheduled'") }
        #expect(try process(at: now + 3900).applyScheduledRetention() != nil)
        #expect(try count(f, "SELECT count(*) FROM audit_log WHERE action = 'retention.scheduled'") == 4)
        if case .broken(let seq, let problem) = try f.engine.audit.verify() { Issue.record("audit chain broken at \(seq): \(problem)") }
    }

    @Test("eight processes calling it at once run it once")
    func scheduledUnderRace() async throws {
        let f = try EngineFixture()
        _ = try f.admin()
        try seed(f)
        let path = f.databasePath, t = now
        let ran = try await withThrowingTaskGroup(of: Bool.self) { group in
            for _ in 0..<8 {
                group.addTask { try Engine(databasePath: path, clock: FixedTimeSource(Date(timeIntervalSince1970: t))).applyScheduledRetention() != nil }
            }
            return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(ran == 1)
        #expect(try count(f, "SELECT count(*) FROM audit_log WHERE action = 'retention.scheduled'") == 1)
    }
}
