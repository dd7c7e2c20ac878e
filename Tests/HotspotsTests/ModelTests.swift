import Foundation
import Testing
@testable import Hotspots
import VigiaCore

@Suite("Hotspot models")
struct ModelTests {
    let day = HotspotTime.day
    /// A 5 × 5 grid of 100 m cells.
    let grid = Grid(originX: 0, originY: 0, cellSize: 100, columns: 5, rows: 5)

    func event(column: Int, row: Int, day d: Double, weight: Double = 1) -> GridEvent {
        GridEvent(cell: row * 5 + column, time: d * day, x: (Double(column) + 0.5) * 100, y: (Double(row) + 0.5) * 100, weight: weight)
    }

    @Test("recency weights by exp(−age/τ), hand-computed")
    func recency() {
        let history = EventHistory(events: [event(column: 0, row: 0, day: 90), event(column: 0, row: 0, day: 99),
                                            event(column: 1, row: 0, day: 50)])
        let risk = RecencyWeightedCounts(timeConstantDays: 10).forecast(history: history, grid: grid, at: 100 * day, horizon: day)
        #expect(abs(risk[0] - (exp(-1.0) + exp(-0.1))) < 1e-12)
        #expect(abs(risk[1] - exp(-5.0)) < 1e-12)
        #expect(risk[2] == 0)
    }

    @Test("the quartic kernel: 1 at the event's cell centre, (1 − (100/250)²)² one cell away")
    func kde() {
        let history = EventHistory(events: [event(column: 2, row: 2, day: 1)])
        let risk = RetrospectiveKDE(bandwidth: 250, windowDays: 10).forecast(history: history, grid: grid, at: 2 * day, horizon: day)
        #expect(risk[12] == 1)
        #expect(abs(risk[13] - pow(1 - 0.16, 2)) < 1e-12)
        #expect(abs(risk[18] - pow(1 - 2 * 0.16, 2)) < 1e-12) // diagonal: d² = 2·100²
        #expect(abs(risk[14] - pow(1 - 0.64, 2)) < 1e-12)      // 200 m away, inside the bandwidth
        #expect(risk[0] == 0)                                   // 283 m away (2√2 cells): outside
    }

    @Test("prospective: 1/((1+d)(1+t)) with t in whole weeks")
    func prospective() {
        let history = EventHistory(events: [event(column: 2, row: 2, day: 0), event(column: 2, row: 2, day: 13)])
        let risk = ProspectiveHotspot(bandwidthCells: 1, weeks: 8).forecast(history: history, grid: grid, at: 14 * day, horizon: day)
        // Ages: 2 weeks (t = 2) and 1 day (t = 0).
        #expect(abs(risk[12] - (1.0 / 3 + 1)) < 1e-12)
        #expect(abs(risk[13] - (1.0 / 3 + 1) / 2) < 1e-12)
        #expect(risk[18] == 0) // diagonal distance √2 > 1 cell
    }

    @Test("a forecast never sees the future: events at or after `at` are ignored")
    func noPeeking() {
        let history = EventHistory(events: [event(column: 0, row: 0, day: 10), event(column: 1, row: 0, day: 10.5)])
        for model in [RecencyWeightedCounts() as any HotspotModel, PriorPeriodCounts(), RetrospectiveKDE(), ProspectiveHotspot()] {
            let risk = model.forecast(history: history, grid: grid, at: 10 * day, horizon: day)
            #expect(risk.allSatisfy { $0 == 0 }, "\(model.name)")
        }
    }

    @Test("a backtest scores each period against its own incidents only")
    func backtest() {
        let history = EventHistory(events: [
            event(column: 0, row: 0, day: 1), event(column: 0, row: 0, day: 2),
            event(column: 0, row: 0, day: 10.2), event(column: 4, row: 4, day: 10.5), event(column: 0, row: 0, day: 11.3),
        ])
        let valid = ValidCells.history(history, before: 10 * day)
        #expect(valid == [0])
        let score = Backtest.run(model: PriorPeriodCounts(days: 30), history: history, grid: grid, validCells: valid,
                                 periodStarts: Backtest.periodStarts(from: 10 * day, to: 12 * day, horizon: day),
                                 horizon: day, percents: [100])
        #expect(score.periods.map(\.incidents) == [2, 1])
        #expect(score.periods.map { $0.coverage[0].captured } == [1, 1])
        #expect(score.coverage[0].captured == 2 && abs(score.coverage[0].hitRate - 2.0 / 3) < 1e-12)
    }

    @Test("models are deterministic")
    func deterministic() {
        var random = SeededRandom(seed: 5)
        let events = (0..<500).map { _ in event(column: random.int(in: 0...4), row: random.int(in: 0...4), day: random.unit() * 100) }
        let history = EventHistory(events: events)
        for model in [RecencyWeightedCounts() as any HotspotModel, RetrospectiveKDE(), ProspectiveHotspot()] {
            let a = model.forecast(history: history, grid: grid, at: 100 * day, horizon: day)
            let b = model.forecast(history: EventHistory(events: events.reversed()), grid: grid, at: 100 * day, horizon: day)
            #expect(Coverage.rank(risk: a, validCells: Array(0..<25)) == Coverage.rank(risk: b, validCells: Array(0..<25)))
        }
    }
}
