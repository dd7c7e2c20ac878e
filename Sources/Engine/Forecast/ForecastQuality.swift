import Foundation
import Hotspots
import VigiaCore

/// How good a model has been lately: its daily forecasts of the last days
/// before a time, scored at one share of the area, with a 95 % interval.
public struct ForecastQuality: Codable, Sendable, Equatable {
    public var days: Int
    public var coverage: CoverageResult
}

extension Engine {
    /// `predict`: the forecast with the model's recent quality (last 7 daily
    /// forecasts at 5 % of the area) and its spread across districts.
    public func predict(at: Date, horizon: Double, model name: String = "recency", top: Int = 20, policeWeight: Double = 0,
                        spreadFactor: Double = DistrictSpread.defaultFactor, as principal: Principal) throws -> ForecastReport {
        var (report, _, input) = try forecast(at: at, horizon: horizon, model: name, top: top, policeWeight: policeWeight,
                                              spreadFactor: spreadFactor, as: principal)
        report.quality = recentQuality(model: name, input: input, at: at.timeIntervalSince1970)
        return report
    }

    /// The model's daily forecasts for the `days` days before `t`, pooled at
    /// `percent` of the area; nil for an unknown model or when no incident fell.
    func recentQuality(model name: String, input: HotspotInput, at t: Double, days: Int = 7, percent: Double = 5) -> ForecastQuality? {
        let base = name.replacingOccurrences(of: "+when", with: "")
        guard let model = ModelCatalogue.model(named: base, timeZone: timeZone) else { return nil }
        let starts = Backtest.periodStarts(from: t - Double(days) * HotspotTime.day, to: t, horizon: HotspotTime.day)
        guard let first = starts.first else { return nil }
        let valid = ValidCells.history(input.history, before: first)
        let score = Backtest.run(model: model, history: input.history, grid: input.grid, validCells: valid, periodStarts: starts,
                                 horizon: HotspotTime.day, percents: [percent])
        guard let c = CoverageResult.pooled(score.periods).first, c.incidents > 0 else { return nil }
        return ForecastQuality(days: starts.count, coverage: c)
    }
}
