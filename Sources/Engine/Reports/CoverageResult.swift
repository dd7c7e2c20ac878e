import Foundation
import Hotspots

/// A forecast's score at one share of the area, pooled over its periods,
/// with 95 % intervals: what the reports, `backtest` and `predict` print.
public struct CoverageResult: Codable, Sendable, Equatable {
    public var percentOfArea: Double
    public var hitRate: Double
    public var pai: Double
    public var captured: Int
    public var cells: Int
    /// Incidents scored (the hit rate's denominator).
    public var incidents: Int
    /// n*: the most incidents the same number of cells could have held.
    public var bestPossible: Int
    /// captured ÷ n* (NIJ's prediction efficiency); nil when no valid cell had an incident.
    public var pei: Double?
    public var hitRateInterval: Interval95?
    public var paiInterval: Interval95?
    /// Only over enough periods to bootstrap.
    public var peiInterval: Interval95?
    /// How the intervals were computed: `wilson` or `bootstrap`.
    public var interval: String
    /// Forecast periods pooled.
    public var periods: Int

    public init(_ a: CoverageAccuracy) {
        percentOfArea = a.percent; hitRate = a.hitRate; pai = a.pai; captured = a.captured; cells = a.flaggedCells
        incidents = a.incidents; bestPossible = a.bestPossible; pei = a.pei
        hitRateInterval = a.hitRateInterval; paiInterval = a.paiInterval; peiInterval = a.peiInterval
        interval = a.method.rawValue; periods = a.periods
    }

    /// Each coverage of a run of periods.
    public static func pooled(_ periods: [Backtest.PeriodScore]) -> [CoverageResult] {
        Accuracy.summarise(periods).map(CoverageResult.init)
    }
}
