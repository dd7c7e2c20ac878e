import Foundation
import VigiaCore

extension Engine {
    /// How often a long-running process (a console, a feed) should call `runScheduledWork`.
    public static let scheduledWorkPeriod: TimeInterval = 60

    /// The system's own duties, for every long-running process on a store to
    /// call at start and about once a minute: lapsed urgent authorisations are
    /// made final (safeguard 3; they are enforced at every use regardless), and
    /// the retention policy is applied when no process on the store has applied
    /// it within the hour (safeguard 11), so many consoles and feeds purge once
    /// an hour between them, not once each.
    public func runScheduledWork() throws {
        _ = try applyAuthorisationLapses()
        // A purge that fails (a busy store) is tried again at the next call; it never stops the caller.
        _ = try? applyScheduledRetention()
    }
}
