import CameraAlerts
import Foundation
import VigiaCore

/// An alert as the queue shows it: with escalation and age worked out.
public struct AlertQueueItem: Codable, Sendable, Equatable {
    public var stored: StoredAlert
    /// Priority after escalation (1 is highest).
    public var effectivePriority: Int
    public var escalated: Bool
    public var ageSeconds: Double
}

/// The alert part of the Situation the console renders.
public struct AlertQueueSnapshot: Codable, Sendable {
    public var at: Date
    /// Open alerts by effective priority, then oldest first.
    public var items: [AlertQueueItem]
    public var countsByState: [String: Int]
    public var cameraHealth: [String: String]
}

/// What an operator asks of an alert, with what each action needs.
public enum AlertCommand: Sendable, Equatable {
    case acknowledge, dispatch, hold, resume
    case close(Disposition, note: String?)
    case snooze(minutes: Int)
    case forward(to: String, message: String)

    var action: AlertAction {
        switch self {
        case .acknowledge: return .acknowledge
        case .dispatch: return .dispatch
        case .hold: return .hold
        case .resume: return .resume
        case .close: return .close
        case .snooze: return .snooze
        case .forward: return .forward
        }
    }
}

extension Engine {
    /// Applies `command` to alert `id` for `principal`: role-checked, checked
    /// against the life cycle, timestamped and audited.
    @discardableResult
    public func perform(_ command: AlertCommand, onAlert id: Int64, by principal: Principal) throws -> StoredAlert {
        try require(.handleAlerts, of: principal)
        // Escalations that came due are on record before anyone acts, with or without a feed running.
        try alerts.recordEscalations(dueBy: clock.now())
        guard var stored = try alerts.alert(id: id) else {
            throw EngineError.badInput(file: "alert", line: nil, field: String(id), reason: "no alert \(id)")
        }
        // A snooze that has run out is over now, whether or not anyone looked.
        if stored.alert.state == .snoozed, (stored.snoozeUntil ?? .distantFuture) <= clock.now() {
            _ = try alerts.transition(
                AlertTransition(alertID: id, from: .snoozed, to: .new, operatorName: Principal.feed.name, at: clock.now(), note: "snooze ended"),
                disposition: nil, snoozeUntil: nil, assignedTo: nil, details: ["from": "snoozed", "to": "new"],
                audit: AuditEntry(principal: .feed, action: "alert.resume", subject: String(id), details: ["reason": "snooze ended"]))
            stored = try alerts.alert(id: id) ?? stored
        }
        let from = stored.alert.state
        let to: AlertState
        do { to = try AlertLifecycle.next(from: from, action: command.action) } catch let e as AlertTransitionError {
            throw EngineError.badInput(file: "alert \(id)", line: nil, field: nil, reason: e.description)
        }
        let now = clock.now()
        var details: [String: CanonicalJSON] = ["from": .string(from.rawValue), "to": .string(to.rawValue)]
        var disposition: Disposition?, snoozeUntil: Date?, assigned: String?, note: String?
        switch command {
        case .close(let d, let n):
            // The acknowledgement condition: an alert about a camera's state
            // (offline, tampered) stays open while that state lasts.
            if d != .duplicate, let camera = stored.alert.cameraID, let condition = Self.condition(of: stored),
               try cameraHealth()[camera] == condition {
                throw EngineError.badInput(file: "alert \(id)", line: nil, field: "disposition",
                                           reason: "camera \(TerminalSafe.line(camera, limit: 64)) is still \(condition): the alert can be closed once it is back "
                                               + "(hold it meanwhile), or closed as duplicate")
            }
            disposition = d
            note = n
            details["disposition"] = .string(d.rawValue)
        case .snooze(let minutes):
            guard (1...1440).contains(minutes) else {
                throw EngineError.badInput(file: "alert \(id)", line: nil, field: "minutes", reason: "snooze for 1 to 1440 minutes")
            }
            snoozeUntil = now.addingTimeInterval(Double(minutes) * 60)
            details["minutes"] = .int(Int64(minutes))
        case .forward(let target, let message):
            guard let op = try operators.credential(named: target)?.op, op.active, op.role.allows(.handleAlerts) else {
                throw EngineError.badInput(file: "alert \(id)", line: nil, field: "to", reason: "\(target) is not an operator who handles alerts")
            }
            guard !message.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw EngineError.badInput(file: "alert \(id)", line: nil, field: "message", reason: "forwarding needs a message")
            }
            assigned = target
            note = "to \(target): \(message)"
            details["to_operator"] = .string(target)
            details["previous_assigned"] = stored.assignedTo.map(CanonicalJSON.string) ?? .null
        default:
            break
        }
        let moved = try alerts.transition(
            AlertTransition(alertID: id, from: from, to: to, operatorName: principal.name, at: now, note: note),
            disposition: disposition, snoozeUntil: snoozeUntil, assignedTo: assigned, details: .object(details),
            audit: AuditEntry(principal: principal, action: "alert.\(command.action.rawValue)", subject: String(id), details: .object(details)))
        guard moved else {
            throw EngineError.badInput(file: "alert \(id)", line: nil, field: nil, reason: "someone else changed this alert first; look again")
        }
        return try alerts.alert(id: id) ?? stored
    }

    /// Each camera's health as the last committed feed batch left it.
    func cameraHealth() throws -> [String: String] {
        (try settings.value("camera.health")).flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: String] } ?? [:]
    }

    /// The camera state an alert is about, if it is about one: "offline" or
    /// "tampered" (older alerts are recognised by their evidence).
    static func condition(of stored: StoredAlert) -> String? {
        if let c = stored.evidence["condition"] { return c }
        if stored.evidence["silent_seconds"] != nil { return "offline" }
        return nil
    }

    /// The open alerts, escalated where unacknowledged too long; expired snoozes return to New first.
    public func alertQueue(at now: Date? = nil, as principal: Principal) throws -> AlertQueueSnapshot {
        try require(.readAll, of: principal)
        let now = now ?? clock.now()
        // Reading writes nothing: a snooze that ran out by `now` shows as New
        // here, and becomes New in the store when someone acts on the alert.
        var ended = 0
        let open = try alerts.openAlerts().map { s -> StoredAlert in
            guard s.alert.state == .snoozed, (s.snoozeUntil ?? .distantFuture) <= now else { return s }
            var back = s
            back.alert.state = .new
            back.snoozeUntil = nil
            ended += 1
            return back
        }
        let items = open.filter { $0.alert.state != .snoozed }.map { s -> AlertQueueItem in
            let age = now.timeIntervalSince(s.alert.createdAt)
            let escalated = s.alert.state == .new && (s.escalateAfterSeconds.map { age > $0 } ?? false)
            return AlertQueueItem(stored: s, effectivePriority: escalated ? max(1, s.alert.priority - 1) : s.alert.priority,
                                  escalated: escalated, ageSeconds: age)
        }.sorted { ($0.effectivePriority, $0.stored.alert.createdAt, $0.stored.alert.id) < ($1.effectivePriority, $1.stored.alert.createdAt, $1.stored.alert.id) }
        var counts: [String: Int] = [:]
        for (state, n) in try alerts.countsByState() { counts[state.rawValue] = n }
        if ended > 0 {
            counts["snoozed", default: 0] -= ended
            counts["new", default: 0] += ended
            if counts["snoozed"] == 0 { counts["snoozed"] = nil }
        }
        let health = try cameraHealth()
        return AlertQueueSnapshot(at: now, items: items, countsByState: counts, cameraHealth: health)
    }
}
