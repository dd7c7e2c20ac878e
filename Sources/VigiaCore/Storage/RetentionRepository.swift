import Foundation

/// How long each kind of record is kept (safeguard 11), in days.
public struct RetentionPolicy: Hashable, Sendable, Codable {
    public var closedAlertsDays: Int = 90
    public var rejectedHitsDays: Int = 30
    public var credibleFlagsDays: Int = 180
    public var quarantineDays: Int = 30
    public var countersDays: Int = 730

    public init() {}

    /// `key = days` lines: closed_alerts, rejected_hits, credible_flags, quarantine, counters.
    public init(parsing text: String, source: String) throws {
        self.init()
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let parts = line.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, let days = Int(parts[1]), days >= 1, days <= 36_500 else {
                throw RetentionError(text: "\(source):\(n + 1): expected KIND = DAYS (1 to 36500)")
            }
            switch parts[0] {
            case "closed_alerts": closedAlertsDays = days
            case "rejected_hits": rejectedHitsDays = days
            case "credible_flags": credibleFlagsDays = days
            case "quarantine": quarantineDays = days
            case "counters": countersDays = days
            default: throw RetentionError(text: "\(source):\(n + 1): unknown kind \"\(parts[0])\"; use closed_alerts, rejected_hits, credible_flags, quarantine or counters")
            }
        }
    }
}

public struct RetentionError: Error, CustomStringConvertible { public var text: String; public var description: String { text } }

/// What a retention pass deleted (or, dry, would delete), per kind.
public struct RetentionReport: Hashable, Sendable, Codable {
    public var closedAlerts = 0, rejectedHits = 0, credibleFlags = 0, quarantine = 0, counters = 0
    public var dryRun = false
    public init() {}
    public var total: Int { closedAlerts + rejectedHits + credibleFlags + quarantine + counters }
}

public protocol RetentionRepository: Sendable {
    /// Deletes what the policy no longer keeps as of `now` (nothing when `dryRun`), with its audit entry in the same transaction.
    func apply(_ policy: RetentionPolicy, now: Date, counterCutoff: String, dryRun: Bool, audit: (RetentionReport) -> AuditEntry) throws -> RetentionReport
}
