import Foundation

/// How long each kind of record is kept (safeguard 11), in days. Every kind
/// that names or places a person has a ceiling, so no policy can keep one
/// forever: undecided and dispatched face candidates (who, which camera,
/// when), unreviewed and credible flags (text, handle, place), rejected
/// candidates.
public struct RetentionPolicy: Hashable, Sendable, Codable {
    public var closedAlertsDays: Int = 90
    public var rejectedHitsDays: Int = 30
    public var credibleFlagsDays: Int = 180
    public var quarantineDays: Int = 30
    public var countersDays: Int = 730
    /// Candidates nobody decided (pending, confirmed once, confirmed but not dispatched), by the time of the sighting.
    public var undecidedHitsDays: Int = 30
    /// Candidates acted on, by their last decision.
    public var dispatchedHitsDays: Int = 730
    /// Flags nobody reviewed, by the post's time.
    public var pendingFlagsDays: Int = 30

    public init() {}

    /// Each kind's key, its ceiling in days, and whether it names or places a person.
    public static let kinds: [(key: String, ceiling: Int, personal: Bool)] = [
        ("closed_alerts", 3_650, false), ("rejected_hits", 365, true), ("credible_flags", 1_825, true), ("quarantine", 365, false),
        ("counters", 36_500, false), ("undecided_hits", 90, true), ("dispatched_hits", 1_825, true), ("pending_flags", 90, true),
    ]

    public subscript(key: String) -> Int? {
        get {
            switch key {
            case "closed_alerts": return closedAlertsDays
            case "rejected_hits": return rejectedHitsDays
            case "credible_flags": return credibleFlagsDays
            case "quarantine": return quarantineDays
            case "counters": return countersDays
            case "undecided_hits": return undecidedHitsDays
            case "dispatched_hits": return dispatchedHitsDays
            case "pending_flags": return pendingFlagsDays
            default: return nil
            }
        }
        set {
            guard let v = newValue else { return }
            switch key {
            case "closed_alerts": closedAlertsDays = v
            case "rejected_hits": rejectedHitsDays = v
            case "credible_flags": credibleFlagsDays = v
            case "quarantine": quarantineDays = v
            case "counters": countersDays = v
            case "undecided_hits": undecidedHitsDays = v
            case "dispatched_hits": dispatchedHitsDays = v
            case "pending_flags": pendingFlagsDays = v
            default: break
            }
        }
    }

    /// `KIND = DAYS` lines; a kind left out keeps its default; a kind above
    /// its ceiling is refused with the line.
    public init(parsing text: String, source: String) throws {
        self.init()
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let parts = line.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, let days = Int(parts[1]), days >= 1 else {
                throw RetentionError(text: "\(source):\(n + 1): expected KIND = DAYS (a whole number of days, at least 1)")
            }
            guard let kind = Self.kinds.first(where: { $0.key == parts[0] }) else {
                throw RetentionError(text: "\(source):\(n + 1): unknown kind \"\(parts[0])\"; use \(Self.kinds.map(\.key).joined(separator: ", "))")
            }
            guard days <= kind.ceiling else {
                throw RetentionError(text: "\(source):\(n + 1): \(kind.key) = \(days) would keep \(kind.personal ? "records that name or place a person" : "them") almost without limit; at most \(kind.ceiling) days")
            }
            self[kind.key] = days
        }
    }

    /// The policy as `KIND = DAYS` lines.
    public var text: String { Self.kinds.map { "\($0.key) = \(self[$0.key] ?? 0)" }.joined(separator: "\n") }
}

public struct RetentionError: Error, CustomStringConvertible { public var text: String; public var description: String { text } }

/// What a retention pass deleted (or, dry, would delete), per kind.
public struct RetentionReport: Hashable, Sendable, Codable {
    public var closedAlerts = 0, rejectedHits = 0, credibleFlags = 0, quarantine = 0, counters = 0
    public var undecidedHits = 0, dispatchedHits = 0, pendingFlags = 0
    /// Shift handover notes, kept as long as closed alerts.
    public var handoverNotes = 0
    public var dryRun = false
    public init() {}
    public var total: Int { closedAlerts + rejectedHits + credibleFlags + quarantine + counters + undecidedHits + dispatchedHits + pendingFlags + handoverNotes }
}

public protocol RetentionRepository: Sendable {
    /// Deletes what the policy no longer keeps as of `now` (nothing when `dryRun`), with its audit entry in the same transaction.
    func apply(_ policy: RetentionPolicy, now: Date, counterCutoff: String, dryRun: Bool, audit: (RetentionReport) -> AuditEntry) throws -> RetentionReport
    /// A scheduled pass: as `apply`, but only when no scheduled pass by any
    /// process on this store ran in the `every` seconds before `now` (a stored
    /// time after `now`, from a clock set back, counts as due). The check, the
    /// new time, the deletion and the audit entry are one transaction, so
    /// consoles and feeds on one store run it once per period between them.
    /// Nil when it was not due.
    func applyScheduled(_ policy: RetentionPolicy, now: Date, every: TimeInterval, counterCutoff: String,
                        audit: (RetentionReport) -> AuditEntry) throws -> RetentionReport?
}
