import Foundation

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
