import Foundation
import VigiaCore

extension Engine {
    /// The stored retention policy (defaults when none was set).
    public func retentionPolicy() throws -> RetentionPolicy {
        guard let text = try settings.value("retention.policy") else { return RetentionPolicy() }
        return (try? RetentionPolicy(parsing: text, source: "retention.policy")) ?? RetentionPolicy()
    }

    /// Stores a policy (`KIND = DAYS` lines; admin; audited).
    public func setRetentionPolicy(text: String, source: String, by principal: Principal) throws {
        try require(.applyRetention, of: principal)
        do { _ = try RetentionPolicy(parsing: text, source: source) } catch let e as RetentionError {
            throw EngineError.badInput(file: source, line: nil, field: nil, reason: e.text)
        }
        try settings.set("retention.policy", text, audit: AuditEntry(principal: principal, action: .retentionPolicy, subject: source, details: [:]))
    }

    /// Applies the policy now (admin), or reports what it would delete with `dryRun`; audited either way.
    public func applyRetention(dryRun: Bool, by principal: Principal) throws -> RetentionReport {
        try require(.applyRetention, of: principal)
        return try runRetention(dryRun: dryRun, principal: principal, action: dryRun ? .retentionDryRun : .retentionApply)
    }

    /// How often the system applies the policy by itself.
    public static let retentionPeriod: TimeInterval = 3600

    /// The policy an admin set, applied by the system (safeguard 11) when no
    /// process on this store has done so in the last hour: consoles and feeds
    /// call this at start-up and every minute, and between them it runs once
    /// an hour, with one `retention.scheduled` record. Nil when it was not due.
    @discardableResult
    public func applyScheduledRetention() throws -> RetentionReport? {
        let policy = try retentionPolicy(), now = clock.now()
        return try retention.applyScheduled(policy, now: now, every: Self.retentionPeriod, counterCutoff: counterCutoff(policy, now),
                                            audit: retentionAudit(.feed, .retentionScheduled))
    }

    private func runRetention(dryRun: Bool, principal: Principal, action: AuditAction) throws -> RetentionReport {
        let policy = try retentionPolicy(), now = clock.now()
        return try retention.apply(policy, now: now, counterCutoff: counterCutoff(policy, now), dryRun: dryRun, audit: retentionAudit(principal, action))
    }

    private func counterCutoff(_ policy: RetentionPolicy, _ now: Date) -> String {
        String(TimestampFormatter(timeZone: timeZone).string(from: now.addingTimeInterval(-Double(policy.countersDays) * 86_400)).prefix(10))
    }

    private func retentionAudit(_ principal: Principal, _ action: AuditAction) -> (RetentionReport) -> AuditEntry {
        { r in
            AuditEntry(principal: principal, action: action, subject: "retention", details: [
                "closed_alerts": .int(Int64(r.closedAlerts)), "rejected_hits": .int(Int64(r.rejectedHits)),
                "credible_flags": .int(Int64(r.credibleFlags)), "quarantine": .int(Int64(r.quarantine)), "counters": .int(Int64(r.counters)),
                "undecided_hits": .int(Int64(r.undecidedHits)), "dispatched_hits": .int(Int64(r.dispatchedHits)),
                "pending_flags": .int(Int64(r.pendingFlags)),
                "handover_notes": .int(Int64(r.handoverNotes)),
            ])
        }
    }
}
