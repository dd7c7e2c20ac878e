import Foundation
import VigiaCore

/// Retrospective kernel density: incidents in the last `windowDays`, each
/// spread over cell centres by a quartic (biweight) kernel of `bandwidth`
/// metres, K(d) = (1 − (d/h)²)² for d < h.
public struct RetrospectiveKDE: HotspotModel {
    public var bandwidth: Double
    public var windowDays: Double

    public init(bandwidth: Double = 250, windowDays: Double = 180) {
        self.bandwidth = bandwidth
        self.windowDays = windowDays
    }

    public var name: String { "kde" }

    public func forecast(history: EventHistory, grid: Grid, at: Double, horizon: Double) -> [Double] {
        var risk = [Double](repeating: 0, count: grid.cellCount)
        let h2 = bandwidth * bandwidth
        let reach = Int((bandwidth / grid.cellSize).rounded(.up))
        for i in history.range(from: at - windowDays * HotspotTime.day, to: at) {
            let x = history.xs[i], y = history.ys[i], w = history.weights[i]
            let cell = Int(history.cells[i])
            let c0 = grid.column(of: cell), r0 = grid.row(of: cell)
            for r in max(0, r0 - reach)...min(grid.rows - 1, r0 + reach) {
                let cy = grid.originY + (Double(r) + 0.5) * grid.cellSize - y
                for c in max(0, c0 - reach)...min(grid.columns - 1, c0 + reach) {
                    let cx = grid.originX + (Double(c) + 0.5) * grid.cellSize - x
                    let d2 = cx * cx + cy * cy
                    if d2 < h2 {
                        let u = 1 - d2 / h2
                        risk[r * grid.columns + c] += w * u * u
                    }
                }
            }
        }
        return risk
    }
}
