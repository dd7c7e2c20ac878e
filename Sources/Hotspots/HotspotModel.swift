import Foundation
import VigiaCore

/// An incident placed on the grid: its cell and time, nothing about people.
public struct GridEvent: Hashable, Sendable {
    public var cell: Int
    /// Seconds since the epoch.
    public var time: Double
    /// 1 for a citizen report; less for records that follow patrols (safeguard 8).
    public var weight: Double

    public init(cell: Int, time: Double, weight: Double = 1) {
        self.cell = cell
        self.time = time
        self.weight = weight
    }
}

/// A place-based forecast: fitted on events strictly before `at`, it scores
/// every cell for the window [at, at + horizon).
public protocol HotspotModel: Sendable {
    var name: String { get }
    func forecast(events: [GridEvent], cellCount: Int, at: Double, horizon: Double) -> [Double]
}

/// The naive baseline: each cell's (weighted) count over the last `days` days.
public struct PriorPeriodCounts: HotspotModel {
    public var days: Double

    public init(days: Double = 270) {
        self.days = days
    }

    public var name: String { "prior" }

    public func forecast(events: [GridEvent], cellCount: Int, at: Double, horizon: Double) -> [Double] {
        var risk = [Double](repeating: 0, count: cellCount)
        let start = at - days * 86_400
        for e in events where e.time >= start && e.time < at && e.cell >= 0 && e.cell < cellCount {
            risk[e.cell] += e.weight
        }
        return risk
    }
}
