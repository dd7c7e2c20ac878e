import CameraAlerts
import Foundation
import VigiaCore

/// A short undo for the alert actions a dispatcher takes by reflex:
/// acknowledge, close, snooze and forward. Dispatch (a unit is already on
/// its way) and face or flag decisions are not undoable. An undo is a
/// transition of its own, by the same operator, in the history and the
/// audit chain; it never erases the action it reverses.
extension Engine {
    /// How long after an action it can be undone, in seconds of real time.
    public static let undoWindowSeconds: Double = 10

    /// The undo window on this engine's clock: a replay at ×30 runs 30 s of
    /// shift time per real second, so its window is 30 times longer.
    var undoWindowOnClock: Double {
        let speed = (clock as? ReplayClock)?.speed ?? (clock as? PausableReplayClock)?.speed ?? 1
        return Self.undoWindowSeconds * speed
    }

    /// Reverses `principal`'s own last action on alert `id`, if it was an
    /// acknowledge, close, snooze or forward taken in the last
    /// `undoWindowSeconds`, and nobody has moved the alert since.
    @discardableResult
    func undoLastAction(onAlert id: Int64, by principal: Principal) throws -> StoredAlert {
        try require(.handleAlerts, of: principal)
        func refuse(_ reason: String) -> EngineError { .badInput(file: "alert \(id)", line: nil, field: nil, reason: reason) }
        guard try alerts.alert(id: id) != nil else { throw refuse("no alert \(id)") }
        guard let last = try alerts.lastTransition(alertID: id) else { throw refuse("nothing to undo: the alert has not been acted on") }
        let t = last.transition
        guard !last.isUndo else { throw refuse("the last action was already undone") }
        guard t.operatorName == principal.name else {
            throw refuse("the last action was \(TerminalSafe.line(t.operatorName, limit: 64))'s: only your own action can be undone")
        }
        let action: String
        switch t.to {
        case .acknowledged: action = "acknowledge"
        case .closed: action = "close"
        case .snoozed: action = "snooze"
        case .forwarded: action = "forward"
        case .dispatched: throw refuse("a dispatch cannot be undone: the unit is already on its way; close or hold the alert instead")
        default: throw refuse("\(t.from.rawValue) → \(t.to.rawValue) cannot be undone")
        }
        let now = clock.now()
        let age = now.timeIntervalSince(t.at)
        guard age >= 0, age <= undoWindowOnClock else {
            throw refuse("too late to undo the \(action): undo works for \(Int(Self.undoWindowSeconds)) s after it")
        }
        let details: CanonicalJSON = ["from": .string(t.to.rawValue), "to": .string(t.from.rawValue), "undo": true, "undoes": .string(action)]
        let moved = try alerts.revert(last, by: principal.name, at: now, details: details,
                                      audit: AuditEntry(principal: principal, action: Command.undo(alert: id).auditAction, subject: String(id), details: details))
        guard moved else { throw refuse("someone else changed this alert first; look again") }
        guard let after = try alerts.alert(id: id) else { throw refuse("no alert \(id)") }
        return after
    }
}
