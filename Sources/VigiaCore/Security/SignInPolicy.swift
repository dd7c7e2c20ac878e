import Foundation

/// When sign-in locks (safeguard 10). Every attempt is reserved in the store
/// before its passphrase is checked, so N guesses started at once count as
/// N. Failures count per name and source (the Unix user and host an attempt
/// comes from) since that pair's last success within `window`: after
/// `allowedFailures` the pair is locked 30 s after its last failure, doubling
/// with each further failure up to `window`. Across all sources a name locks
/// after `nameWideFailures`, so many sources cannot guess without limit; an
/// admin can clear a name's failures (`operator unlock`). A guesser at one
/// account can therefore lock a name only for its own source, never for an
/// admin signing in from another user or host.
public struct SignInPolicy: Sendable, Equatable {
    public var allowedFailures = 5
    public var nameWideFailures = 20
    public var window: TimeInterval = 15 * 60
    public var firstLock: TimeInterval = 30

    public init() {}

    /// Seconds until the next attempt is allowed after `failures` counted
    /// failures, the last at `last`; nil when not locked.
    public func remainingLock(failures: Int, limit: Int, last: Date?, now: Date) -> Int? {
        guard failures >= limit, let last else { return nil }
        let lock = min(window, firstLock * pow(2, Double(failures - limit)))
        let remaining = last.addingTimeInterval(lock).timeIntervalSince(now)
        return remaining > 0 ? Int(remaining.rounded(.up)) : nil
    }
}

/// A reserved sign-in attempt, or the lock that refused it.
public enum SignInReservation: Hashable, Sendable {
    case reserved(id: Int64)
    case locked(retryAfterSeconds: Int)
}

/// How a reserved attempt ended.
public enum SignInOutcome: String, Hashable, Sendable {
    case pending, failed, succeeded
    /// Failures an admin cleared (`operator unlock`); they no longer count.
    case cleared
}
