import Foundation
import GRDB
import VigiaCore

/// Retention (safeguard 11): deletes, per kind, what is older than the policy keeps.
public struct RetentionStore: RetentionRepository {
    let database: VigiaDatabase

    /// Where the last scheduled pass's time (seconds since 1970, as text) is kept.
    static let lastScheduledKey = "retention.last_scheduled"

    public func apply(_ policy: RetentionPolicy, now: Date, counterCutoff: String, dryRun: Bool,
                      audit: (RetentionReport) -> AuditEntry) throws -> RetentionReport {
        try run(policy, now: now, counterCutoff: counterCutoff, dryRun: dryRun, every: nil, audit: audit)!
    }

    public func applyScheduled(_ policy: RetentionPolicy, now: Date, every: TimeInterval, counterCutoff: String,
                               audit: (RetentionReport) -> AuditEntry) throws -> RetentionReport? {
        // A read first, so a process that is not due does not take the write lock at all.
        let last = try database.read { db in try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [Self.lastScheduledKey]) }
        if !Self.isDue(last: last, now: now, every: every) { return nil }
        return try run(policy, now: now, counterCutoff: counterCutoff, dryRun: false, every: every, audit: audit)
    }

    static func isDue(last: String?, now: Date, every: TimeInterval) -> Bool {
        guard let last, let t = Double(last), t.isFinite else { return true }
        let since = now.timeIntervalSince1970 - t
        return since >= every || since < 0
    }

    private func run(_ policy: RetentionPolicy, now: Date, counterCutoff: String, dryRun: Bool, every: TimeInterval?,
                     audit: (RetentionReport) -> AuditEntry) throws -> RetentionReport? {
        let t = now.timeIntervalSince1970
        func cutoff(_ days: Int) -> Double { t - Double(days) * 86_400 }
        let report: RetentionReport? = try database.write(audit: nil) { db in
            if let every {
                // Again under the write lock: another process may have run it since the read.
                let last = try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [Self.lastScheduledKey])
                if !Self.isDue(last: last, now: now, every: every) { return nil }
                try db.execute(sql: "INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)", arguments: [Self.lastScheduledKey, String(t)])
            }
            var r = RetentionReport()
            r.dryRun = dryRun
            // Alerts closed before the cut-off (by their last transition), with their history.
            let alerts = "SELECT alert_id FROM alert_transition WHERE alert_id IN (SELECT id FROM alert WHERE state = 'closed') GROUP BY alert_id HAVING max(at) < ?"
            let hits = "SELECT hit_id FROM hit_decision WHERE hit_id IN (SELECT id FROM hit WHERE state = 'rejected') GROUP BY hit_id HAVING max(at) < ?"
            let flags = "SELECT flag_id FROM flag_decision WHERE flag_id IN (SELECT id FROM flag WHERE state = 'credible') GROUP BY flag_id HAVING max(at) < ?"
            r.closedAlerts = try Int.fetchOne(db, sql: "SELECT count(*) FROM (\(alerts))", arguments: [cutoff(policy.closedAlertsDays)]) ?? 0
            r.rejectedHits = try Int.fetchOne(db, sql: "SELECT count(*) FROM (\(hits))", arguments: [cutoff(policy.rejectedHitsDays)]) ?? 0
            r.credibleFlags = try Int.fetchOne(db, sql: "SELECT count(*) FROM (\(flags))", arguments: [cutoff(policy.credibleFlagsDays)]) ?? 0
            // Candidates nobody decided, by the sighting's time; dispatched ones by their last decision; flags nobody reviewed, by the post's time.
            let undecided = "SELECT id FROM hit WHERE state IN ('pending', 'confirmedOnce', 'confirmed') AND time < ?"
            let dispatched = "SELECT hit_id FROM hit_decision WHERE hit_id IN (SELECT id FROM hit WHERE state = 'dispatched') GROUP BY hit_id HAVING max(at) < ?"
            let pending = "SELECT id FROM flag WHERE state = 'pending' AND post_time < ?"
            r.undecidedHits = try Int.fetchOne(db, sql: "SELECT count(*) FROM (\(undecided))", arguments: [cutoff(policy.undecidedHitsDays)]) ?? 0
            r.dispatchedHits = try Int.fetchOne(db, sql: "SELECT count(*) FROM (\(dispatched))", arguments: [cutoff(policy.dispatchedHitsDays)]) ?? 0
            r.pendingFlags = try Int.fetchOne(db, sql: "SELECT count(*) FROM (\(pending))", arguments: [cutoff(policy.pendingFlagsDays)]) ?? 0
            r.quarantine = try Int.fetchOne(db, sql: "SELECT count(*) FROM quarantine WHERE created_at < ?", arguments: [cutoff(policy.quarantineDays)]) ?? 0
            r.handoverNotes = try Int.fetchOne(db, sql: "SELECT count(*) FROM handover_note WHERE at < ?", arguments: [cutoff(policy.closedAlertsDays)]) ?? 0
            r.counters = try Int.fetchOne(db, sql: "SELECT count(*) FROM counter WHERE period < ?", arguments: [counterCutoff]) ?? 0
            if !dryRun {
                let a = cutoff(policy.closedAlertsDays), h = cutoff(policy.rejectedHitsDays), f = cutoff(policy.credibleFlagsDays)
                // Each kind with its history table: (ids to go, cut-off, child table, child column, table).
                let kinds: [(String, Double, String, String, String)] = [
                    (alerts, a, "alert_transition", "alert_id", "alert"),
                    (hits, h, "hit_decision", "hit_id", "hit"),
                    (flags, f, "flag_decision", "flag_id", "flag"),
                    (undecided, cutoff(policy.undecidedHitsDays), "hit_decision", "hit_id", "hit"),
                    (dispatched, cutoff(policy.dispatchedHitsDays), "hit_decision", "hit_id", "hit"),
                    (pending, cutoff(policy.pendingFlagsDays), "flag_decision", "flag_id", "flag"),
                ]
                try db.execute(sql: "CREATE TEMP TABLE IF NOT EXISTS gone (id INTEGER)")
                for (select, cut, child, column, table) in kinds {
                    try db.execute(sql: "DELETE FROM gone")
                    try db.execute(sql: "INSERT INTO gone \(select)", arguments: [cut])
                    try db.execute(sql: "DELETE FROM \(child) WHERE \(column) IN (SELECT id FROM gone)")
                    // An alert's procedure ticks and notes go with it.
                    if table == "alert" {
                        try db.execute(sql: "DELETE FROM alert_step WHERE alert_id IN (SELECT id FROM gone)")
                        try db.execute(sql: "DELETE FROM alert_note WHERE alert_id IN (SELECT id FROM gone)")
                    }
                    try db.execute(sql: "DELETE FROM \(table) WHERE id IN (SELECT id FROM gone)")
                }
                try db.execute(sql: "DELETE FROM gone")
                try db.execute(sql: "DELETE FROM quarantine WHERE created_at < ?", arguments: [cutoff(policy.quarantineDays)])
                try db.execute(sql: "DELETE FROM handover_note WHERE at < ?", arguments: [cutoff(policy.closedAlertsDays)])
                try db.execute(sql: "DELETE FROM counter WHERE period < ?", arguments: [counterCutoff])
            }
            try database.appendAudit(audit(r), in: db)
            return r
        }
        if !dryRun, let report, report.total > 0 { try database.purgeJournal() }
        return report
    }
}
