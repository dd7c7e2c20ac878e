import Foundation
import VigiaCore

/// Rolling-origin backtest: each period is forecast using only events
/// strictly before its start, then scored against the events inside it.
public enum Backtest {
    public struct PeriodScore: Sendable {
        public var start: Double
        public var incidents: Int
        public var coverage: [CoverageScore]

        public init(start: Double, incidents: Int, coverage: [CoverageScore]) {
            self.start = start
            self.incidents = incidents
            self.coverage = coverage
        }
    }

    public struct ModelScore: Sendable {
        public var name: String
        /// Over all periods: captured and incidents summed, then divided.
        public var coverage: [CoverageScore]
        /// The same with 95 % intervals (see `Accuracy.summarise`).
        public var accuracy: [CoverageAccuracy] { Accuracy.summarise(periods) }
        public var periods: [PeriodScore]
        /// The model's own account of its last fit (e.g. ETAS θ and ω).
        public var fit: [String: Double]
    }

    /// Period starts from `from`, every `horizon` seconds, while before `to`.
    public static func periodStarts(from: Double, to: Double, horizon: Double) -> [Double] {
        guard horizon > 0 else { return [] }
        return Array(stride(from: from, to: to, by: horizon))
    }

    /// `resumingFrom` is a fit made no later than the first period start.
    public static func run(model: any HotspotModel, history: EventHistory, grid: Grid, validCells: [Int],
                           periodStarts: [Double], horizon: Double, percents: [Double], resumingFrom state: Data? = nil) -> ModelScore {
        var periods: [PeriodScore] = []
        var forecaster = model.makeForecaster(resumingFrom: state, grid: grid)
        var captured = [Int](repeating: 0, count: percents.count)
        var best = [Int](repeating: 0, count: percents.count)
        var total = 0
        for start in periodStarts {
            let risk = forecaster.forecast(history: history, grid: grid, at: start, horizon: horizon)
            // Incidents outside the valid cells still count in the denominator:
            // a forecast is not excused for missing them.
            let cells = history.range(from: start, to: start + horizon).map { Int(history.cells[$0]) }
            let scores = Coverage.score(risk: risk, validCells: validCells, incidentCells: cells, percents: percents)
            periods.append(PeriodScore(start: start, incidents: cells.count, coverage: scores))
            for (i, s) in scores.enumerated() { captured[i] += s.captured; best[i] += s.bestPossible }
            total += cells.count
        }
        let coverage = percents.enumerated().map { i, percent in
            let hitRate = total > 0 ? Double(captured[i]) / Double(total) : 0
            return CoverageScore(percent: percent, hitRate: hitRate, pai: hitRate / (percent / 100), captured: captured[i],
                                 flaggedCells: Coverage.flaggedCount(validCells: validCells.count, percent: percent), bestPossible: best[i])
        }
        return ModelScore(name: model.name, coverage: coverage, periods: periods, fit: forecaster.fitSummary)
    }
}
