import Foundation
import Synchronization

/// Ctrl-C and SIGTERM ask a following feed to stop at the next line
/// boundary, so what it read is committed and audited before it exits.
enum StopSignal {
    static let requested = Atomic<Bool>(false)

    static func install() {
        signal(SIGINT) { _ in StopSignal.requested.store(true, ordering: .relaxed) }
        signal(SIGTERM) { _ in StopSignal.requested.store(true, ordering: .relaxed) }
        // A parent may have started us with these signals blocked (test
        // runners and some supervisors do); a handler that never runs would
        // leave the feed unstoppable.
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        sigaddset(&set, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }
}
