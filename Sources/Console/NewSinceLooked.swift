import Engine
import Foundation

/// "New since you last looked" (issue 23): a list pane's items that arrived
/// after its operator last left it. A pane counts as looked at while it has
/// the focus; leaving it marks what it held as seen. Kept per console
/// session, in the situation's own time (a replay's clock in a replay).
enum NewSinceLooked {
    /// When each list pane was last left (or the console opened).
    static func start(_ state: inout UIState, at now: Date) {
        for pane in [Pane.alerts, .hits, .flags] where state.seenUntil[pane] == nil { state.seenUntil[pane] = now }
    }

    /// The focus moved from `from`: what it held until now is seen.
    static func left(_ from: Pane, _ state: inout UIState, at now: Date) {
        guard from != .map, from != .cameras else { return }
        state.seenUntil[from] = now
    }

    static func isNew(_ time: Date, in pane: Pane, _ state: UIState) -> Bool {
        guard let seen = state.seenUntil[pane] else { return false }
        return time > seen
    }

    /// How many of the pane's items are new.
    static func count(_ pane: Pane, _ s: Situation, _ state: UIState) -> Int {
        switch pane {
        case .map, .cameras: return 0
        case .alerts: return s.alerts.filter { isNew($0.createdAt, in: .alerts, state) }.count
        case .hits: return s.hits.filter { isNew($0.time, in: .hits, state) }.count
        case .flags: return s.flags.filter { isNew($0.time, in: .flags, state) }.count
        }
    }
}
