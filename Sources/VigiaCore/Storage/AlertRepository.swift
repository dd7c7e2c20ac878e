import Foundation

/// A stored alert with what the dispatcher sees.
public struct StoredAlert: Hashable, Sendable, Codable {
    public var alert: Alert
    public var dedupeKey: String?
    public var procedure: String
    public var evidence: [String: String]
    public var escalateAfterSeconds: Double?
    public var snoozeUntil: Date?
    public var assignedTo: String?
    public var disposition: Disposition?

    public init(alert: Alert, dedupeKey: String?, procedure: String, evidence: [String: String],
                escalateAfterSeconds: Double?, snoozeUntil: Date? = nil, assignedTo: String? = nil, disposition: Disposition? = nil) {
        self.alert = alert
        self.dedupeKey = dedupeKey
        self.procedure = procedure
        self.evidence = evidence
        self.escalateAfterSeconds = escalateAfterSeconds
        self.snoozeUntil = snoozeUntil
        self.assignedTo = assignedTo
        self.disposition = disposition
    }
}

/// One step of an alert's life, with who and when.
public struct AlertTransition: Hashable, Sendable, Codable {
    public var alertID: Int64
    public var from: AlertState
    public var to: AlertState
    public var operatorName: String
    public var at: Date
    public var note: String?

    public init(alertID: Int64, from: AlertState, to: AlertState, operatorName: String, at: Date, note: String?) {
        self.alertID = alertID
        self.from = from
        self.to = to
        self.operatorName = operatorName
        self.at = at
        self.note = note
    }
}

/// What one batch of a feed leaves behind, written in one transaction.
public struct FeedBatch: Sendable {
    public var alerts: [StoredAlert]
    public var quarantine: [QuarantineItem]
    /// Counter name → increment (no content, only counts).
    public var counters: [String: Int]
    /// The feed's source name and how far it has been read (line number).
    public var position: (source: String, line: Int)?
    public var audit: AuditEntry?
    /// Flagged posts (the only posts ever stored).
    public var flags: [FlaggedPost] = []
    /// Face-search candidates above the threshold, each with the authorisation
    /// it was searched under; each is stored with its audit record (safeguard 9).
    public var hits: [(hit: Hit, authorisation: Int64)] = []
    /// How each authorisation was used in this batch (counts and times only).
    public var uses: [AuthorisationUse] = []
    /// Settings the batch changes, e.g. live camera health.
    public var settings: [String: String] = [:]

    public init(alerts: [StoredAlert] = [], quarantine: [QuarantineItem] = [], counters: [String: Int] = [:],
                position: (source: String, line: Int)? = nil, audit: AuditEntry? = nil) {
        self.alerts = alerts
        self.quarantine = quarantine
        self.counters = counters
        self.position = position
        self.audit = audit
    }
}

public protocol AlertRepository: Sendable {
    /// Stores a feed batch atomically; returns the new alerts' ids.
    @discardableResult func commit(_ batch: FeedBatch, counterPeriod: String) throws -> [Int64]
    func alert(id: Int64) throws -> StoredAlert?
    /// Alerts not closed, oldest first.
    func openAlerts() throws -> [StoredAlert]
    func countsByState() throws -> [AlertState: Int]
    /// When the newest alert was raised (nil: none yet).
    func latestAlertTime() throws -> Date?
    func transitions(alertID: Int64?) throws -> [AlertTransition]
    /// Moves an alert from `from` to `to` if it is still in `from`; false if someone else moved it first.
    func transition(_ t: AlertTransition, disposition: Disposition?, snoozeUntil: Date?, assignedTo: String?,
                    details: CanonicalJSON, audit: AuditEntry) throws -> Bool
    func counters(period: String?) throws -> [String: Int]
    /// Counter sums over the periods in [from, to) (periods are local hours, `yyyy-MM-ddTHH`).
    func counters(fromPeriod: String, toPeriod: String) throws -> [String: Int]
    /// Alerts open at some moment of [from, to): created before `to` and not closed before `from`.
    func alerts(activeFrom from: Date, to: Date) throws -> [StoredAlert]
    func feedPosition(source: String) throws -> Int?
    /// Claims a feed source for `holder` unless a live holder has it; returns that holder, or nil when claimed.
    func claimFeed(source: String, holder: String, isAlive: (String) -> Bool) throws -> String?
    func releaseFeed(source: String, holder: String) throws
}

public protocol CameraRepository: Sendable {
    func replace(_ cameras: [Camera], audit: AuditEntry) throws
    func cameras() throws -> [Camera]
}

/// Key–value settings that need an audit record when they change (rules, health).
public protocol SettingsRepository: Sendable {
    func value(_ key: String) throws -> String?
    func set(_ key: String, _ value: String, audit: AuditEntry?) throws
}
