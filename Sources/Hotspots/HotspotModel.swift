import VigiaCore

/// A place-based forecast: using only events strictly before `at`, score every
/// cell of `grid` for the window [at, at + horizon). Higher is riskier; the
/// scale is the model's own (rankings are what is compared).
public protocol HotspotModel: Sendable {
    var name: String { get }
    func forecast(history: EventHistory, grid: Grid, at: Double, horizon: Double) -> [Double]
}

public enum HotspotTime {
    public static let day = 86_400.0
    public static let week = 7 * 86_400.0
}
