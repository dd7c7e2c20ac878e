import Foundation
import VigiaCore

/// A place-based forecast: using only events strictly before `at`, score every
/// cell of `grid` for the window [at, at + horizon). Higher is riskier; the
/// scale is the model's own (rankings are what is compared).
public protocol HotspotModel: Sendable {
    var name: String { get }
    func forecast(history: EventHistory, grid: Grid, at: Double, horizon: Double) -> [Double]
    /// A forecaster for a run of forecasts at increasing times (a backtest, a
    /// live console): models with a costly fit carry it from one call to the
    /// next. The default just calls `forecast`.
    func makeForecaster() -> any HotspotForecaster
    /// The same, resuming from `state` that an earlier forecaster returned
    /// (fitted on data up to some earlier time). Models without a fit ignore it.
    func makeForecaster(resumingFrom state: Data?, grid: Grid) -> any HotspotForecaster
}

/// Forecasts at increasing times, possibly reusing earlier fits.
public protocol HotspotForecaster {
    mutating func forecast(history: EventHistory, grid: Grid, at: Double, horizon: Double) -> [Double]
    /// What the last fit found, for reports (empty for models without a fit).
    var fitSummary: [String: Double] { get }
    /// The last fit as bytes to cache, or nil for models without a fit.
    var state: Data? { get }
}

extension HotspotModel {
    public func makeForecaster() -> any HotspotForecaster { StatelessForecaster(model: self) }
    public func makeForecaster(resumingFrom state: Data?, grid: Grid) -> any HotspotForecaster { makeForecaster() }
}

extension HotspotForecaster {
    public var state: Data? { nil }
}

struct StatelessForecaster: HotspotForecaster {
    let model: any HotspotModel
    mutating func forecast(history: EventHistory, grid: Grid, at: Double, horizon: Double) -> [Double] {
        model.forecast(history: history, grid: grid, at: at, horizon: horizon)
    }
    var fitSummary: [String: Double] { [:] }
}

public enum HotspotTime {
    public static let day = 86_400.0
    public static let week = 7 * 86_400.0
}
