import VigiaCore

/// What an operator does to an alert.
public enum AlertAction: String, Hashable, Sendable, CaseIterable {
    case acknowledge, dispatch, close, hold, snooze, forward, resume
}

/// Why a transition was refused.
public struct AlertTransitionError: Error, CustomStringConvertible, Equatable {
    public var from: AlertState
    public var action: AlertAction

    public var description: String {
        let allowed = AlertLifecycle.actions(from: from).map(\.rawValue).joined(separator: ", ")
        return "cannot \(action.rawValue) an alert that is \(from.rawValue)" + (allowed.isEmpty ? "" : "; possible: \(allowed)")
    }
}

/// The alert life cycle: New → Acknowledged → Dispatched → Closed, plus
/// On hold, Snoozed (returns to New) and Forwarded. Closed is final, but for
/// the closing operator's own undo within 10 s (`Engine.undoLastAction`).
public enum AlertLifecycle {
    public static func next(from state: AlertState, action: AlertAction) throws -> AlertState {
        switch (state, action) {
        case (.new, .acknowledge), (.forwarded, .acknowledge), (.onHold, .acknowledge): return .acknowledged
        case (.acknowledged, .dispatch), (.onHold, .dispatch): return .dispatched
        case (.new, .close), (.acknowledged, .close), (.dispatched, .close), (.onHold, .close), (.forwarded, .close):
            return .closed
        case (.new, .hold), (.acknowledged, .hold), (.dispatched, .hold): return .onHold
        case (.new, .snooze), (.acknowledged, .snooze): return .snoozed
        case (.snoozed, .resume): return .new
        // Taken off hold, the alert is worked again where it was taken on.
        case (.onHold, .resume): return .acknowledged
        case (.new, .forward), (.acknowledged, .forward), (.onHold, .forward): return .forwarded
        default: throw AlertTransitionError(from: state, action: action)
        }
    }

    /// The actions possible from `state`, in a stable order.
    public static func actions(from state: AlertState) -> [AlertAction] {
        AlertAction.allCases.filter { (try? next(from: state, action: $0)) != nil }
    }
}
