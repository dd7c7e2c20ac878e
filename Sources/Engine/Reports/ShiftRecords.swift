import Foundation
import VigiaCore

/// What a shift left in storage, read once; the summary is computed from it
/// without further I/O, so tests can hand-build a shift and know the answers.
public struct ShiftRecords: Sendable {
    public var start: Date
    public var end: Date
    public var timeZone: TimeZone
    /// Alerts open at some moment of the shift, with all their transitions.
    public var alerts: [StoredAlert]
    public var transitions: [AlertTransition]
    /// Rule id → kind (`offline`, `tamper`, …) from the rules in force.
    public var ruleKinds: [String: String]
    /// Rules whose every alert needs a unit sent (`dispatch = required`).
    public var dispatchRequired: Set<String>
    /// Candidates made in the shift, each with its first decision's time, if any.
    public var hits: [(hit: Hit, firstDecision: Date?)]
    /// Flags still stored whose post is from before the shift's end.
    public var flags: [FlaggedPost]
    /// Counter sums over the shift's hours.
    public var counters: [String: Int]
    /// Audit records written in the shift.
    public var audit: [AuditRecord]
    public var verification: AuditVerification
    public var threshold: Double?
    public var thresholdSetAt: Date?
    /// Procedure steps ticked on those alerts.
    public var ticks: [ProcedureTick] = []

    public init(start: Date, end: Date, timeZone: TimeZone, alerts: [StoredAlert] = [], transitions: [AlertTransition] = [],
                ruleKinds: [String: String] = [:], dispatchRequired: Set<String> = [], hits: [(hit: Hit, firstDecision: Date?)] = [], flags: [FlaggedPost] = [],
                counters: [String: Int] = [:], audit: [AuditRecord] = [], verification: AuditVerification = .intact(records: 0, lastHash: AuditRecord.genesisHash),
                threshold: Double? = nil, thresholdSetAt: Date? = nil) {
        self.start = start; self.end = end; self.timeZone = timeZone; self.alerts = alerts; self.transitions = transitions
        self.ruleKinds = ruleKinds; self.dispatchRequired = dispatchRequired; self.hits = hits; self.flags = flags; self.counters = counters; self.audit = audit
        self.verification = verification; self.threshold = threshold; self.thresholdSetAt = thresholdSetAt
    }
}

extension Engine {
    /// Reads what the summary of [start, end) needs.
    func shiftRecords(start: Date, end: Date) throws -> ShiftRecords {
        let alerts = try self.alerts.alerts(activeFrom: start, to: end)
        let ids = Set(alerts.map(\.alert.id))
        let transitions = AlertTransition.withoutUndone(try self.alerts.transitions(alertID: nil).filter { ids.contains($0.alertID) })
        var kinds: [String: String] = [:], required = Set<String>()
        for r in (try? currentRules()) ?? [] {
            kinds[r.id] = r.kind.rawValue
            if r.requiresDispatch { required.insert(r.id) }
        }
        let hits = try faceSearch.hits(states: nil).filter { $0.time >= start && $0.time < end }.map { h in
            (hit: h, firstDecision: try faceSearch.decisions(hitID: h.id).map(\.at).min())
        }
        let flags = try social.flags(states: nil).filter { $0.post.time < end }
        let setting = try thresholdSetting()
        let threshold = (setting?["threshold"] as? NSNumber)?.doubleValue
        let setAt = (setting?["calibrated_at"] as? NSNumber).map { Date(timeIntervalSince1970: $0.doubleValue) }
        var records = ShiftRecords(start: start, end: end, timeZone: timeZone, alerts: alerts, transitions: transitions, ruleKinds: kinds,
                            dispatchRequired: required, hits: hits, flags: flags, counters: try counters(from: start, to: end), audit: try audit.records(from: start, to: end),
                            verification: try audit.verify(), threshold: threshold, thresholdSetAt: setAt)
        records.ticks = try self.alerts.ticks(alertIDs: alerts.map(\.alert.id))
        return records
    }
}
