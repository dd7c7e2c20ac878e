import Foundation

/// Raises an area alert when threat flags cluster in one district beyond its
/// baseline: in each district, the flags of the last `window` are compared
/// with the count expected from the city's flag rate outside that window
/// (shared evenly among districts, blended with a prior rate while little has
/// been seen), by a one-sided Poisson test. Only flags feed it: ordinary and
/// protest posts, however many, are never flags and can never make a surge.
/// A flag on a protest-shaped post (a march, a square, a hashtag) is not
/// counted, and no alert fires in a district and window where one was seen:
/// an area alert at a demonstration is what safeguard 6 forbids. Those flags
/// still wait for human review one by one.
public struct SurgeDetector: Sendable {
    public struct Settings: Sendable, Equatable {
        public var window: TimeInterval = 30 * 60
        /// Alert when P(X ≥ observed | expected) is below this.
        public var alpha: Double = 0.001
        public var minimumFlags = 3
        /// Prior city-wide rate of located threat flags per hour, and how many hours it weighs.
        public var priorRatePerHour: Double = 2
        public var priorHours: Double = 8
        /// No second alert for the same district within this time.
        public var coolDown: TimeInterval = 2 * 3600
        public var districts = 48
        public init() {}
    }

    public struct Surge: Sendable, Equatable {
        public var district: String
        public var time: Date
        public var observed: Int
        public var expected: Double
        public var pValue: Double
        /// The flags in the window, as the caller identified them.
        public var flags: [String]
    }

    public let settings: Settings
    private var recent: [(time: Date, district: String, id: String)] = []
    private var protestMarks: [(time: Date, district: String)] = []
    private var totalLocated = 0
    private var firstTime: Date?
    private var lastAlert: [String: Date] = [:]

    public init(settings: Settings = Settings()) {
        self.settings = settings
    }

    /// Adds one located flag (in time order); returns a surge if this flag makes one.
    /// A protest-shaped flag only marks its district and window as a place where no surge fires.
    public mutating func add(id: String, district: String, at time: Date, protestShaped: Bool = false) -> Surge? {
        let cut = time.addingTimeInterval(-settings.window)
        protestMarks.removeAll { $0.time <= cut }
        if protestShaped {
            protestMarks.append((time, district))
            return nil
        }
        if firstTime == nil { firstTime = time }
        totalLocated += 1
        recent.append((time, district, id))
        recent.removeAll { $0.time <= cut }
        let inWindow = recent.filter { $0.district == district }
        let outside = Double(totalLocated - recent.count)
        let hours = max(0, time.timeIntervalSince(firstTime ?? time) - settings.window) / 3600
        let cityRate = (settings.priorRatePerHour * settings.priorHours + outside) / (settings.priorHours + hours)
        let expected = cityRate * settings.window / 3600 / Double(max(1, settings.districts))
        let p = Self.poissonUpperTail(inWindow.count, mean: expected)
        guard inWindow.count >= settings.minimumFlags, p < settings.alpha else { return nil }
        if protestMarks.contains(where: { $0.district == district }) { return nil }
        if let last = lastAlert[district], time.timeIntervalSince(last) < settings.coolDown { return nil }
        lastAlert[district] = time
        return Surge(district: district, time: time, observed: inWindow.count, expected: expected, pValue: p, flags: inWindow.map(\.id))
    }

    /// P(X ≥ k) for X ~ Poisson(mean).
    public static func poissonUpperTail(_ k: Int, mean: Double) -> Double {
        guard k > 0 else { return 1 }
        guard mean > 0 else { return 0 }
        var term = exp(-mean), below = 0.0
        for i in 0..<k {
            below += term
            term *= mean / Double(i + 1)
        }
        return max(0, 1 - below)
    }
}
