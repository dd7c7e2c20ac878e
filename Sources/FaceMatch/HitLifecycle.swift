import VigiaCore

/// What an operator does to a face-match candidate.
public enum HitAction: Hashable, Sendable {
    case confirm(by: String)
    case reject(by: String)
    case dispatch
}

/// Why a candidate cannot take an action.
public struct HitTransitionError: Error, CustomStringConvertible, Equatable, Sendable {
    public var reason: String
    public init(reason: String) { self.reason = reason }
    public var description: String { reason }
}

/// A candidate's life cycle (safeguard 4), beside `AlertLifecycle`:
/// Pending → Confirmed once → Confirmed (by a second, different operator) →
/// Dispatched; one rejection, from Pending or Confirmed once, closes it.
/// Dispatch is refused until two different operators confirmed. Whether the
/// second operator is independent of the first (separation of duties) needs
/// the operator list and stays with the engine.
public enum HitLifecycle {
    /// The state after `action`, given who confirmed so far.
    public static func next(from state: HitState, action: HitAction, confirmedBy: [String]) throws -> HitState {
        switch action {
        case .confirm(let name), .reject(let name):
            guard state == .pending || state == .confirmedOnce else {
                throw HitTransitionError(reason: "this candidate is already \(state.rawValue)")
            }
            if case .reject = action { return .rejected }
            if confirmedBy.contains(name) {
                throw HitTransitionError(reason: "you confirmed this candidate already; a second, different operator must confirm")
            }
            return state == .pending ? .confirmedOnce : .confirmed
        case .dispatch:
            guard state == .confirmed else {
                throw HitTransitionError(reason: "dispatch refused: a candidate needs confirmation by two different operators ("
                                         + (state == .rejected ? "it was rejected" : "\(Set(confirmedBy).count)/2 so far") + ") (safeguard 4)")
            }
            return .dispatched
        }
    }
}
