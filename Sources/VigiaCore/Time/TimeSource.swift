import Foundation
import Synchronization

/// Where "now" comes from: the system clock in live operation, a replay clock
/// in the demo and in tests. (Named apart from the standard library's `Clock`.)
public protocol TimeSource: Sendable {
    func now() -> Date
}

/// The computer's clock.
public struct SystemTimeSource: TimeSource {
    public init() {}
    public func now() -> Date { Date() }
}

/// A fixed instant; for tests and for reports about a past shift.
public struct FixedTimeSource: TimeSource {
    public let instant: Date
    public init(_ instant: Date) { self.instant = instant }
    public func now() -> Date { instant }
}

/// Replays a past period: time starts at `start` when the wall clock reads
/// `wallStart` and runs `speed` times faster than the wall clock.
public struct ReplayClock: TimeSource {
    public let start: Date
    public let speed: Double
    public let wallStart: Date
    private let wall: any TimeSource

    public init(start: Date, speed: Double, wall: any TimeSource = SystemTimeSource()) {
        precondition(speed > 0 && speed.isFinite, "replay speed must be positive")
        self.start = start
        self.speed = speed
        self.wall = wall
        wallStart = wall.now()
    }

    public func now() -> Date {
        start.addingTimeInterval(wall.now().timeIntervalSince(wallStart) * speed)
    }
}

/// A replay clock the presenter can pause: feeds and the console share it.
public final class PausableReplayClock: TimeSource {
    private struct State { var base: Date; var wallBase: Date; var paused: Bool }
    public let speed: Double
    /// Where the replay began; a seek goes no earlier.
    public let start: Date
    /// The replay stops here (the end of the replayed shift), if set.
    public let end: Date?
    private let wall: any TimeSource
    private let state: Mutex<State>

    public init(start: Date, speed: Double, end: Date? = nil, wall: any TimeSource = SystemTimeSource()) {
        precondition(speed > 0 && speed.isFinite, "replay speed must be positive")
        self.speed = speed
        self.start = start
        self.end = end
        self.wall = wall
        state = Mutex(State(base: start, wallBase: wall.now(), paused: false))
    }

    public func now() -> Date {
        let t = state.withLock { s in s.paused ? s.base : s.base.addingTimeInterval(wall.now().timeIntervalSince(s.wallBase) * speed) }
        return end.map { min($0, t) } ?? t
    }

    /// True once the replay reached its end.
    public var finished: Bool { end.map { now() >= $0 } ?? false }

    public var isPaused: Bool { state.withLock { $0.paused } }

    /// Moves replayed time by `seconds` (back when negative), kept between
    /// the start and the end; paused or running, it goes on from there.
    public func seek(by seconds: TimeInterval) {
        let wallNow = wall.now()
        state.withLock { s in
            let t = s.paused ? s.base : s.base.addingTimeInterval(wallNow.timeIntervalSince(s.wallBase) * speed)
            var to = max(start, t.addingTimeInterval(seconds))
            if let end { to = min(end, to) }
            s.base = to
            s.wallBase = wallNow
        }
    }

    public func setPaused(_ paused: Bool) {
        let wallNow = wall.now()
        state.withLock { s in
            guard s.paused != paused else { return }
            if paused { s.base = s.base.addingTimeInterval(wallNow.timeIntervalSince(s.wallBase) * speed) }
            s.wallBase = wallNow
            s.paused = paused
        }
    }
}

/// A clock its owner sets by hand: scripted operators act at the times they
/// would have acted, and tests step time without sleeping.
public final class ManualTimeSource: TimeSource {
    private let current: Mutex<Date>
    public init(_ start: Date) { current = Mutex(start) }
    public func now() -> Date { current.withLock { $0 } }
    public func set(_ date: Date) { current.withLock { $0 = date } }
}
