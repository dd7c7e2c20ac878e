import Foundation
import VigiaCore

/// Prospective hotspotting (Bowers, Johnson & Pease 2004): each incident of the
/// last `weeks` weeks adds 1 / ((1 + d)(1 + t)) to every cell within
/// `bandwidthCells`, d the distance in cells and t the age in whole weeks.
public struct ProspectiveHotspot: HotspotModel {
    public var bandwidthCells: Int
    public var weeks: Int

    public init(bandwidthCells: Int = 3, weeks: Int = 8) {
        self.bandwidthCells = bandwidthCells
        self.weeks = weeks
    }

    public var name: String { "prospective" }

    public func forecast(history: EventHistory, grid: Grid, at: Double, horizon: Double) -> [Double] {
        var risk = [Double](repeating: 0, count: grid.cellCount)
        let b = bandwidthCells
        for i in history.range(from: at - Double(weeks) * HotspotTime.week, to: at) {
            let age = ((at - history.times[i]) / HotspotTime.week).rounded(.down)
            let timeFactor = history.weights[i] / (1 + age)
            let cell = Int(history.cells[i])
            let c0 = grid.column(of: cell), r0 = grid.row(of: cell)
            for r in max(0, r0 - b)...min(grid.rows - 1, r0 + b) {
                for c in max(0, c0 - b)...min(grid.columns - 1, c0 + b) {
                    let dc = Double(c - c0), dr = Double(r - r0)
                    let d = (dc * dc + dr * dr).squareRoot()
                    if d <= Double(b) { risk[r * grid.columns + c] += timeFactor / (1 + d) }
                }
            }
        }
        return risk
    }
}
