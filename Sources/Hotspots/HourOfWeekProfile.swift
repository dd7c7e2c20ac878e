import Foundation
import VigiaCore

/// When incidents happen: the share of a week's incidents in each local hour
/// (168 bins), per coarse block of cells, shrunk towards the citywide profile
/// so that sparse blocks borrow its shape, and smoothed over neighbouring
/// hours. It turns an all-day ranking into one for the hours a window covers.
public struct HourOfWeekProfile: Sendable {
    public let blockCells: Int
    let blockColumns: Int
    /// shares[block * 168 + hour], each block summing to 1; hour 0 is Monday 00:00 local.
    let shares: [Double]
    let citywide: [Double]
    let timeZone: TimeZone

    /// Profiles from the events of the last `days` before `before`.
    public init(history: EventHistory, grid: Grid, before: Double, days: Double = 365, blockCells: Int = 10,
                pseudoCount: Double = 200, timeZone: TimeZone) {
        self.blockCells = blockCells
        self.timeZone = timeZone
        blockColumns = (grid.columns + blockCells - 1) / blockCells
        let blockRows = (grid.rows + blockCells - 1) / blockCells
        var counts = [Double](repeating: 0, count: blockColumns * blockRows * 168)
        var city = [Double](repeating: 0, count: 168)
        var offsets = OffsetCache(timeZone: timeZone)
        for i in history.range(from: before - days * HotspotTime.day, to: before) {
            let hour = offsets.hourOfWeek(history.times[i])
            let cell = Int(history.cells[i])
            let block = (grid.row(of: cell) / blockCells) * blockColumns + grid.column(of: cell) / blockCells
            counts[block * 168 + hour] += history.weights[i]
            city[hour] += history.weights[i]
        }
        let cityProfile = Self.smoothed(Self.normalised(city.map { $0 + 0.01 }))
        citywide = cityProfile
        var shares = counts
        for b in 0..<(blockColumns * blockRows) {
            let row = Array(counts[(b * 168)..<((b + 1) * 168)])
            let total = row.reduce(0, +)
            // Empirical Bayes: the block's counts plus `pseudoCount` events shaped like the city.
            let mixed = (0..<168).map { row[$0] + pseudoCount * cityProfile[$0] }
            let profile = Self.smoothed(Self.normalised(mixed))
            for h in 0..<168 { shares[b * 168 + h] = total > 0 ? profile[h] : cityProfile[h] }
        }
        self.shares = shares
    }

    func block(of cell: Int, grid: Grid) -> Int {
        (grid.row(of: cell) / blockCells) * blockColumns + grid.column(of: cell) / blockCells
    }

    /// The share of a week's incidents, in `cell`'s block, falling in [from, to).
    public func share(cell: Int, grid: Grid, from: Double, to: Double) -> Double {
        let b = block(of: cell, grid: grid)
        var offsets = OffsetCache(timeZone: timeZone)
        var total = 0.0, t = from
        while t < to {
            let next = min(to, ((t / 3600).rounded(.down) + 1) * 3600)
            total += shares[b * 168 + offsets.hourOfWeek(t)] * (next - t) / 3600
            t = next
        }
        return total
    }

    /// The `count` local hours of the day (0–23) with most incidents in `cell`'s block.
    public func peakHours(cell: Int, grid: Grid, count: Int = 3) -> [Int] {
        let b = block(of: cell, grid: grid)
        var byHour = [Double](repeating: 0, count: 24)
        for h in 0..<168 { byHour[h % 24] += shares[b * 168 + h] }
        return byHour.indices.sorted { byHour[$0] != byHour[$1] ? byHour[$0] > byHour[$1] : $0 < $1 }.prefix(count).sorted()
    }

    static func normalised(_ v: [Double]) -> [Double] {
        let total = v.reduce(0, +)
        return total > 0 ? v.map { $0 / total } : v.map { _ in 1 / Double(v.count) }
    }

    /// A circular 1-2-1 filter over neighbouring hours.
    static func smoothed(_ v: [Double]) -> [Double] {
        let n = v.count
        return (0..<n).map { i in (v[(i + n - 1) % n] + 2 * v[i] + v[(i + 1) % n]) / 4 }
    }

    /// Local hour of the week for instants, caching the zone offset per UTC hour.
    struct OffsetCache {
        let timeZone: TimeZone
        var hour = Int.min, offset = 0

        mutating func hourOfWeek(_ t: Double) -> Int {
            let utcHour = Int((t / 3600).rounded(.down))
            if utcHour != hour {
                hour = utcHour
                offset = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: t))
            }
            let local = Int(((t + Double(offset)) / 3600).rounded(.down))
            // 1970-01-01 was a Thursday: shift so that 0 is Monday 00:00.
            return ((local + 72) % 168 + 168) % 168
        }
    }
}

/// Any model, re-weighted by when its window falls: risk × (share of the week
/// in the window) ÷ (window ÷ week), per block.
public struct ShiftAware: HotspotModel {
    public var base: any HotspotModel
    public var timeZone: TimeZone
    public var blockCells: Int

    public init(_ base: any HotspotModel, timeZone: TimeZone, blockCells: Int = 10) {
        self.base = base
        self.timeZone = timeZone
        self.blockCells = blockCells
    }

    public var name: String { base.name + "+when" }

    public func forecast(history: EventHistory, grid: Grid, at: Double, horizon: Double) -> [Double] {
        reweight(base.forecast(history: history, grid: grid, at: at, horizon: horizon), history: history, grid: grid, at: at, horizon: horizon)
    }

    func reweight(_ risk: [Double], history: EventHistory, grid: Grid, at: Double, horizon: Double) -> [Double] {
        let profile = HourOfWeekProfile(history: history, grid: grid, before: at, blockCells: blockCells, timeZone: timeZone)
        var blockFactor: [Int: Double] = [:]
        return risk.enumerated().map { cell, r in
            guard r > 0 else { return 0 }
            let b = profile.block(of: cell, grid: grid)
            if let f = blockFactor[b] { return r * f }
            let f = profile.share(cell: cell, grid: grid, from: at, to: at + horizon) / (horizon / HotspotTime.week)
            blockFactor[b] = f
            return r * f
        }
    }

    public func makeForecaster() -> any HotspotForecaster { Forecaster(model: self, inner: base.makeForecaster()) }

    public func makeForecaster(resumingFrom state: Data?, grid: Grid) -> any HotspotForecaster {
        Forecaster(model: self, inner: base.makeForecaster(resumingFrom: state, grid: grid))
    }

    struct Forecaster: HotspotForecaster {
        let model: ShiftAware
        var inner: any HotspotForecaster
        mutating func forecast(history: EventHistory, grid: Grid, at: Double, horizon: Double) -> [Double] {
            model.reweight(inner.forecast(history: history, grid: grid, at: at, horizon: horizon), history: history, grid: grid,
                           at: at, horizon: horizon)
        }
        var fitSummary: [String: Double] { inner.fitSummary }
        var state: Data? { inner.state }
    }
}
