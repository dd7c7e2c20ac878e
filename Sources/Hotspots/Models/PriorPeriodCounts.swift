import VigiaCore

/// The naive baseline: each cell's (weighted) count over the last `days` days.
public struct PriorPeriodCounts: HotspotModel {
    public var days: Double

    public init(days: Double = 270) {
        self.days = days
    }

    public var name: String { "prior" }

    public func forecast(history: EventHistory, grid: Grid, at: Double, horizon: Double) -> [Double] {
        var risk = [Double](repeating: 0, count: grid.cellCount)
        for i in history.range(from: at - days * HotspotTime.day, to: at) {
            risk[Int(history.cells[i])] += history.weights[i]
        }
        return risk
    }
}
