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
    /// When what raised it ended at the edge (Frigate's review `end`), if it has.
    public var endedAt: Date?

    public init(alert: Alert, dedupeKey: String?, procedure: String, evidence: [String: String],
                escalateAfterSeconds: Double?, snoozeUntil: Date? = nil, assignedTo: String? = nil, disposition: Disposition? = nil,
                endedAt: Date? = nil) {
        self.endedAt = endedAt
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
    /// Whether this step undoes the one before it (see `withoutUndone`).
    public var isUndo: Bool = false

    public init(alertID: Int64, from: AlertState, to: AlertState, operatorName: String, at: Date, note: String?, isUndo: Bool = false) {
        self.alertID = alertID
        self.from = from
        self.to = to
        self.operatorName = operatorName
        self.at = at
        self.note = note
        self.isUndo = isUndo
    }

    /// The steps that stand, in stored order: each undo removes itself and
    /// the step it reversed, so reports count neither (an undone close is
    /// not a close, nor its undo an acknowledgement).
    public static func withoutUndone(_ steps: [AlertTransition]) -> [AlertTransition] {
        var kept: [AlertTransition] = [], lastKept: [Int64: Int] = [:], removed = Set<Int>()
        for t in steps {
            if t.isUndo, let i = lastKept[t.alertID] {
                removed.insert(i)
                lastKept[t.alertID] = kept.indices.last { $0 != i && !removed.contains($0) && kept[$0].alertID == t.alertID }
                continue
            }
            kept.append(t)
            lastKept[t.alertID] = kept.count - 1
        }
        return kept.enumerated().filter { !removed.contains($0.offset) }.map(\.element)
    }
}

/// One procedure step of an alert ticked off as done, by whom and when.
public struct ProcedureTick: Hashable, Sendable, Codable {
    public var alertID: Int64
    /// 1-based, as the console numbers the steps.
    public var step: Int
    public var operatorName: String
    public var at: Date

    public init(alertID: Int64, step: Int, operatorName: String, at: Date) {
        self.alertID = alertID
        self.step = step
        self.operatorName = operatorName
        self.at = at
    }
}

/// What one shift leaves for the next: written at the end of a shift,
/// shown to the next shift's operators when they sign in.
public struct HandoverNote: Hashable, Sendable, Codable {
    public var operatorName: String
    public var at: Date
    public var text: String

    public init(operatorName: String, at: Date, text: String) {
        self.operatorName = operatorName
        self.at = at
        self.text = text
    }
}

/// A note an operator added to an alert.
public struct AlertNote: Hashable, Sendable, Codable {
    public var alertID: Int64
    public var operatorName: String
    public var at: Date
    public var text: String

    public init(alertID: Int64, operatorName: String, at: Date, text: String) {
        self.alertID = alertID
        self.operatorName = operatorName
        self.at = at
        self.text = text
    }
}

/// The edge says the review or object `trackID` of `cameraID` ended at `at`.
public struct EdgeEnd: Hashable, Sendable {
    public var cameraID: String
    public var trackID: String
    public var at: Date

    public init(cameraID: String, trackID: String, at: Date) {
        self.cameraID = cameraID
        self.trackID = trackID
        self.at = at
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
    /// The feed's time: alerts still New past their `escalate_after` by then
    /// have their escalation recorded in the same transaction.
    public var escalateDueBy: Date?
    /// Reviews or objects that ended: each end time goes on the alert they raised.
    public var ends: [EdgeEnd] = []

    public init(alerts: [StoredAlert] = [], quarantine: [QuarantineItem] = [], counters: [String: Int] = [:],
                position: (source: String, line: Int)? = nil, audit: AuditEntry? = nil) {
        self.alerts = alerts
        self.quarantine = quarantine
        self.counters = counters
        self.position = position
        self.audit = audit
    }
}

/// An alert's newest transition as the store holds it.
public struct LastTransition: Sendable, Equatable {
    public var id: Int64
    public var transition: AlertTransition
    /// Whether it is itself an undo (an undo is not undone).
    public var isUndo: Bool
    /// Who the alert was assigned to before, when it is a forward.
    public var previousAssignee: String?

    public init(id: Int64, transition: AlertTransition, isUndo: Bool, previousAssignee: String?) {
        self.id = id
        self.transition = transition
        self.isUndo = isUndo
        self.previousAssignee = previousAssignee
    }
}

public protocol AlertRepository: Sendable {
    /// Stores a feed batch atomically; returns the new alerts' ids.
    @discardableResult func commit(_ batch: FeedBatch, counterPeriod: String) throws -> [Int64]
    func alert(id: Int64) throws -> StoredAlert?
    /// Alerts not closed, oldest first.
    func openAlerts() throws -> [StoredAlert]
    func countsByState() throws -> [AlertState: Int]
    /// Every alert raised at or before `t`, in the state its transitions up
    /// to `t` left it in (New before the first), oldest first: the queue as
    /// it stood then. The disposition and snooze end are kept only where
    /// that state has them; the assignee and camera health are today's.
    func alerts(asOf t: Date) throws -> [StoredAlert]
    /// When the newest alert was raised (nil: none yet).
    func latestAlertTime() throws -> Date?
    func transitions(alertID: Int64?) throws -> [AlertTransition]
    /// Moves an alert from `from` to `to` if it is still in `from`; false if someone else moved it first.
    func transition(_ t: AlertTransition, disposition: Disposition?, snoozeUntil: Date?, assignedTo: String?,
                    details: CanonicalJSON, audit: AuditEntry) throws -> Bool
    /// The alert's newest transition, with what an undo needs (nil: none yet).
    func lastTransition(alertID: Int64) throws -> LastTransition?
    /// Reverses transition `last` (state back to `last.transition.from`) if it
    /// is still the alert's newest and the alert is still where it left it;
    /// clears the disposition of a close and the end of a snooze, restores the
    /// assignee before a forward. False if anything moved meanwhile.
    func revert(_ last: LastTransition, by operatorName: String, at: Date, details: CanonicalJSON, audit: AuditEntry) throws -> Bool
    /// Records, once per alert, the escalation of every alert still New
    /// past its `escalate_after` by `dueBy`: a New → New transition by the
    /// system at the moment it escalated, audited. Returns how many.
    @discardableResult func recordEscalations(dueBy: Date) throws -> Int
    /// Stores `tick` with its audit record unless that step is already ticked or the alert is closed; false if not stored.
    func tick(_ tick: ProcedureTick, audit: AuditEntry) throws -> Bool
    /// Ticked steps of these alerts, by alert then step.
    func ticks(alertIDs: [Int64]) throws -> [ProcedureTick]
    /// Stores a note with its audit record, in one transaction.
    func addNote(_ note: AlertNote, audit: AuditEntry) throws
    /// Notes of these alerts, oldest first.
    func notes(alertIDs: [Int64]) throws -> [AlertNote]
    /// Stores a shift's handover note with its audit record, in one transaction.
    func addHandover(_ note: HandoverNote, audit: AuditEntry) throws
    /// Handover notes written at or after `since` (and not after `until`), newest first, at most `limit`.
    func handovers(since: Date, until: Date, limit: Int) throws -> [HandoverNote]
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
