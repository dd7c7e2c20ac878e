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
    /// A close while the rule's close condition does not hold yet: needs
    /// `overrideConditions` (a supervisor) and a reason, both audited.
    case closeOverriding(Disposition, note: String?, reason: String)
    case snooze(minutes: Int)
    case forward(to: String, message: String)
    /// Ticks off step N (1-based) of the alert's procedure; not a life-cycle
    /// step: the state stays, the tick is stored and audited.
    case tickStep(Int)
    /// Adds a note (at most `maximumNoteBytes`, in words), on any alert,
    /// closed ones too; audited as `alert.note`; the state stays.
    case note(String)

    /// The audit record's action: an override is its own, so auditors find every one.
    public var auditAction: AuditAction {
        switch self {
        case .acknowledge: return .alertAcknowledge
        case .dispatch: return .alertDispatch
        case .hold: return .alertHold
        case .resume: return .alertResume
        case .close: return .alertClose
        case .closeOverriding: return .alertCloseOverride
        case .snooze: return .alertSnooze
        case .forward: return .alertForward
        case .tickStep: return .alertStep
        case .note: return .alertNote
        }
    }

    /// The life-cycle action, nil for what leaves the state as it is.
    var action: AlertAction? {
        switch self {
        case .acknowledge: return .acknowledge
        case .dispatch: return .dispatch
        case .hold: return .hold
        case .resume: return .resume
        case .close, .closeOverriding: return .close
        case .snooze: return .snooze
        case .forward: return .forward
        case .tickStep, .note: return nil
        }
    }
}

extension Engine {
    /// How long an alert can be snoozed, in minutes (a day at most).
    public static let snoozeMinutes = 1...1440
}

extension Engine {
    /// Applies `command` to alert `id` for `principal`: role-checked, checked
    /// against the life cycle, timestamped and audited.
    @discardableResult
    func perform(_ command: AlertCommand, onAlert id: Int64, by principal: Principal) throws -> StoredAlert {
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
                audit: AuditEntry(principal: .feed, action: .alertResume, subject: String(id), details: ["reason": "snooze ended"]))
            stored = try alerts.alert(id: id) ?? stored
        }
        guard let action = command.action else {
            if case .tickStep(let step) = command { try tick(step: step, of: stored, by: principal) }
            if case .note(let text) = command { try addNote(text, to: stored, by: principal) }
            return try alerts.alert(id: id) ?? stored
        }
        let from = stored.alert.state
        let to: AlertState
        do { to = try AlertLifecycle.next(from: from, action: action) } catch let e as AlertTransitionError {
            throw EngineError.badInput(file: "alert \(id)", line: nil, field: nil, reason: e.description)
        }
        let now = clock.now()
        var details: [String: CanonicalJSON] = ["from": .string(from.rawValue), "to": .string(to.rawValue)]
        var disposition: Disposition?, snoozeUntil: Date?, assigned: String?, note: String?
        switch command {
        case .close(_, let n?) where n.utf8.count > Self.maximumNoteBytes, .closeOverriding(_, let n?, _) where n.utf8.count > Self.maximumNoteBytes:
            throw EngineError.badInput(file: "alert \(id)", line: nil, field: "note", reason: "a note is at most \(Self.maximumNoteBytes) bytes")
        case .close(let d, let n):
            // The close condition (`close_when = camera_online`, the default of
            // offline and tamper rules): the alert stays open while its camera is down.
            if d != .duplicate, let held = try heldCondition(of: stored) {
                throw EngineError.badInput(file: "alert \(id)", line: nil, field: "disposition",
                                           reason: "camera \(TerminalSafe.line(stored.alert.cameraID ?? "?", limit: 64)) is still \(held): the alert can be closed once it is back "
                                               + "(hold it meanwhile), closed as duplicate, or closed by a supervisor with an override and a reason")
            }
            disposition = d
            note = n
            details["disposition"] = .string(d.rawValue)
        case .closeOverriding(let d, let n, let reason):
            try require(.overrideConditions, of: principal)
            let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
            // A reason a reader can see: some letter or digit, not only spaces, controls or invisible characters.
            guard Self.hasWords(reason), reason.utf8.count <= 1_024 else {
                throw EngineError.badInput(file: "alert \(id)", line: nil, field: "override", reason: "an override needs a reason in words (1 to 1024 bytes)")
            }
            disposition = d
            note = n.map { "\($0) (override: \(reason))" } ?? "override: \(reason)"
            details["disposition"] = .string(d.rawValue)
            details["override_reason"] = .string(reason)
            // What did not hold when the supervisor closed it (null: it held after all).
            details["condition_held"] = try heldCondition(of: stored).map(CanonicalJSON.string) ?? .null
        case .snooze(let minutes):
            guard Self.snoozeMinutes.contains(minutes) else {
                throw EngineError.badInput(file: "alert \(id)", line: nil, field: "minutes", reason: "snooze for 1 to 1440 minutes")
            }
            snoozeUntil = now.addingTimeInterval(Double(minutes) * 60)
            details["minutes"] = .int(Int64(minutes))
        case .forward(let target, let message):
            guard let op = try operators.credential(named: target)?.op, op.active, op.role.allows(.handleAlerts) else {
                throw EngineError.badInput(file: "alert \(id)", line: nil, field: "to", reason: "\(target) is not an operator who handles alerts")
            }
            guard !message.trimmingCharacters(in: .whitespaces).isEmpty, message.utf8.count <= Self.maximumNoteBytes else {
                throw EngineError.badInput(file: "alert \(id)", line: nil, field: "message", reason: "forwarding needs a message of at most \(Self.maximumNoteBytes) bytes")
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
            audit: AuditEntry(principal: principal, action: command.auditAction, subject: String(id), details: .object(details)))
        guard moved else {
            throw EngineError.badInput(file: "alert \(id)", line: nil, field: nil, reason: "someone else changed this alert first; look again")
        }
        return try alerts.alert(id: id) ?? stored
    }

    /// The longest note on a close or message on a forward.
    public static let maximumNoteBytes = 2_048

    /// Each camera's health: online or offline as the last committed feed
    /// batch left it, and tampered while one of its tamper alerts is open
    /// (closing it, once the view is checked, clears the state).
    func cameraHealth(open: [StoredAlert]) throws -> [String: String] {
        var health = try feedHealth()
        var tamperRules: Set<String>?
        for a in open {
            guard let camera = a.alert.cameraID, health[camera] != CameraHealth.offline.rawValue else { continue }
            var tamper = a.evidence["condition"] == CameraHealth.tampered.rawValue
            if !tamper, a.evidence["reason"] != nil, a.evidence["condition"] == nil {
                if tamperRules == nil { tamperRules = Set(((try? currentRules()) ?? []).filter { $0.kind == .tamper }.map(\.id)) }
                tamper = tamperRules!.contains(a.alert.ruleID)
            }
            if tamper { health[camera] = CameraHealth.tampered.rawValue }
        }
        return health
    }

    /// Online or offline, as the last committed feed batch left each camera.
    func feedHealth() throws -> [String: String] {
        var health = (try settings.value("camera.health")).flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: String] } ?? [:]
        // Databases from before tampering was read from open alerts stored "tampered" for ever.
        for (id, h) in health where h == CameraHealth.tampered.rawValue { health[id] = CameraHealth.online.rawValue }
        return health
    }

    /// Where the feed keeps each camera's newest event time.
    static let lastEventSetting = "camera.last_event"

    /// Each camera's newest event (not face probes) as the last feed batch recorded it, in seconds since 1970.
    func storedLastEvents() throws -> [String: Double] {
        guard let text = try settings.value(Self.lastEventSetting),
              let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else { return [:] }
        // Entry by entry, so one bad value (a raw edit) costs only its camera; times outside 1970–2200 are dropped.
        return object.compactMapValues { value in
            guard let n = value as? NSNumber else { return nil }
            return (0..<7_289_654_400).contains(n.doubleValue) ? n.doubleValue : nil
        }
    }

    /// When each offline camera was found offline, as the last feed batch recorded it.
    func storedOfflineSince() throws -> [String: Double] {
        guard let text = try settings.value("camera.offline_since"),
              let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: NSNumber] else {
            // Older databases: offline cameras without a time; any heartbeat brings them back.
            let health = try feedHealth()
            return Dictionary(uniqueKeysWithValues: health.filter { $0.value == CameraHealth.offline.rawValue }.map { ($0.key, -Double.infinity) })
        }
        return object.mapValues(\.doubleValue)
    }

    /// The camera state that keeps an alert from closing, if its close
    /// condition does not hold now: "offline" while a `camera_online`
    /// alert's camera is down (alerts from before `close_when` are
    /// recognised by their evidence), nil when it may close.
    func heldCondition(of stored: StoredAlert) throws -> String? {
        guard let camera = stored.alert.cameraID else { return nil }
        // Only "offline" holds an alert, and that is the feed's word alone.
        let health = try feedHealth()[camera]
        if let rule = stored.evidence["close_when"] {
            guard rule == AlertRule.CloseCondition.cameraOnline.rawValue else { return nil }
            return health == CameraHealth.offline.rawValue ? health : nil
        }
        let legacy = stored.evidence["condition"] ?? (stored.evidence["silent_seconds"] != nil ? "offline" : nil)
        return legacy != nil && health == legacy ? legacy : nil
    }

    /// The open alerts, escalated where unacknowledged too long; expired snoozes return to New first.
    /// With `asOf`, the queue as it stood at `now`: only alerts raised by
    /// then, each in its state then, and the counts of then (a view of the
    /// past: `--at`, a replay of a stored shift).
    public func alertQueue(at now: Date? = nil, asOf: Bool = false, as principal: Principal) throws -> AlertQueueSnapshot {
        try require(.readAll, of: principal)
        let now = now ?? clock.now()
        let then = asOf ? try alerts.alerts(asOf: now) : nil
        // Reading writes nothing: a snooze that ran out by `now` shows as New
        // here, and becomes New in the store when someone acts on the alert.
        var ended = 0
        let open = try (then?.filter { $0.alert.state != .closed } ?? alerts.openAlerts()).map { s -> StoredAlert in
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
        if let then {
            for s in then { counts[s.alert.state.rawValue, default: 0] += 1 }
        } else {
            for (state, n) in try alerts.countsByState() { counts[state.rawValue] = n }
        }
        if ended > 0 {
            counts["snoozed", default: 0] -= ended
            counts["new", default: 0] += ended
            if counts["snoozed"] == 0 { counts["snoozed"] = nil }
        }
        let health = try cameraHealth(open: open)
        return AlertQueueSnapshot(at: now, items: items, countsByState: counts, cameraHealth: health)
    }
}
