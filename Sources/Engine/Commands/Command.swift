import CameraAlerts
import Foundation
import VigiaCore

/// What an operator asks the engine to do: the one vocabulary the console's
/// keys and the CLI's subcommands build, each case with the permission the
/// engine checks and the audit action it writes. `Engine.perform(_:by:)`
/// runs any of them for a principal only sign-in makes.
public enum Command: Sendable, Equatable {
    case alert(Int64, AlertCommand)
    /// The operator's own last acknowledge, close, snooze or forward on this alert, within 10 s.
    case undo(alert: Int64)
    /// Close every listed alert with one disposition and one reason (at most 1,000).
    case closeAll([Int64], Disposition, reason: String)
    case decideHit(Int64, confirm: Bool, reason: String)
    /// Dispatch on a candidate two people confirmed.
    case dispatchHit(Int64)
    case reviewFlag(Int64, credible: Bool, reason: String)
    /// A note for the next shift, shown to its operators when they sign in.
    case handover(String)

    /// What the engine checks before it acts.
    public var permission: Permission {
        switch self {
        case .alert(_, .closeOverriding): return .overrideConditions
        case .alert, .undo, .closeAll, .handover: return .handleAlerts
        case .decideHit, .dispatchHit: return .decideHits
        case .reviewFlag: return .reviewFlags
        }
    }

    /// The audit record it writes when it succeeds.
    public var auditAction: AuditAction {
        switch self {
        case .alert(_, let c): return c.auditAction
        case .undo: return .alertUndo
        case .closeAll: return .alertCloseBulk
        case .decideHit(_, let confirm, _): return confirm ? .hitConfirm : .hitReject
        case .dispatchHit: return .hitDispatch
        case .reviewFlag(_, let credible, _): return credible ? .flagCredible : .flagNotCredible
        case .handover: return .shiftHandover
        }
    }

    /// Whether `undo` can take it back: dispatches and face or flag decisions cannot be.
    public var undoable: Bool {
        switch self {
        case .alert(_, .acknowledge), .alert(_, .close), .alert(_, .snooze), .alert(_, .forward): return true
        default: return false
        }
    }
}

/// What a command did, for the one who asked.
public enum CommandOutcome: Sendable, Equatable {
    case alert(StoredAlert)
    case closed(BulkCloseResult)
    /// A candidate's new state.
    case hit(HitState)
    /// A candidate dispatched on.
    case dispatched(Int64)
    /// A flag reviewed, with the alert a credible one raised.
    case flag(raisedAlert: Int64?)
    /// A handover note stored.
    case handedOver
}

extension Engine {
    /// Runs `command` for `principal`: role-checked, checked against its life
    /// cycle, timestamped and audited, in one transaction per item.
    @discardableResult
    public func perform(_ command: Command, by principal: Principal) throws -> CommandOutcome {
        try require(command.permission, of: principal)
        switch command {
        case .alert(let id, let c): return .alert(try perform(c, onAlert: id, by: principal))
        case .undo(let id): return .alert(try undoLastAction(onAlert: id, by: principal))
        case .closeAll(let ids, let d, let reason): return .closed(try closeAll(ids, disposition: d, reason: reason, by: principal))
        case .decideHit(let id, let confirm, let reason): return .hit(try decideHit(id: id, confirm: confirm, reason: reason, by: principal))
        case .dispatchHit(let id):
            try dispatchHit(id: id, by: principal)
            return .dispatched(id)
        case .reviewFlag(let id, let credible, let reason):
            return .flag(raisedAlert: try reviewFlag(id: id, credible: credible, reason: reason, by: principal))
        case .handover(let text):
            try writeHandover(text, by: principal)
            return .handedOver
        }
    }
}

extension CommandOutcome {
    /// The alert as it stands after an alert command or an undo.
    public var storedAlert: StoredAlert? { if case .alert(let s) = self { return s } else { return nil } }
    public var bulkClose: BulkCloseResult? { if case .closed(let r) = self { return r } else { return nil } }
    public var hitState: HitState? { if case .hit(let h) = self { return h } else { return nil } }
    public var raisedAlert: Int64? { if case .flag(let a) = self { return a } else { return nil } }
}
