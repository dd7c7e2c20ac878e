import Testing
@testable import Hotspots
import VigiaCore

@Suite("Hit rate and PAI")
struct CoverageTests {
    @Test("hand-computed: 10 valid cells, 5 incidents")
    func handComputed() {
        // Risk ranks cells 3 > 7 > 1 > others; ties broken by lower index.
        var risk = [Double](repeating: 0, count: 12)
        risk[3] = 9; risk[7] = 5; risk[1] = 2; risk[11] = 1
        let valid = Array(0..<10)
        let incidents = [3, 3, 7, 0, 9]
        let scores = Coverage.score(risk: risk, validCells: valid, incidentCells: incidents, percents: [10, 20, 40])
        // 10 %: 1 cell (3) → 2 of 5. 20 %: cells 3, 7 → 3 of 5. 40 %: 3, 7, 1, 0 → 4 of 5.
        #expect(scores.map(\.captured) == [2, 3, 4])
        #expect(scores.map(\.flaggedCells) == [1, 2, 4])
        #expect(scores[0].hitRate == 0.4 && scores[0].pai == 4)
        #expect(abs(scores[2].pai - 2) < 1e-12)
    }

    @Test("no incidents: zero hit rate, not a division by zero")
    func empty() {
        let s = Coverage.score(risk: [1, 2], validCells: [0, 1], incidentCells: [], percents: [50])
        #expect(s[0].hitRate == 0 && s[0].pai == 0)
    }
}

@Suite("Prior-period counts")
struct PriorPeriodCountsTests {
    @Test("counts only the window before the forecast time, with weights")
    func window() {
        let day = 86_400.0
        let events = [GridEvent(cell: 0, time: 10 * day), GridEvent(cell: 0, time: 19 * day),
                      GridEvent(cell: 1, time: 19.5 * day, weight: 0.25), GridEvent(cell: 1, time: 20 * day),
                      GridEvent(cell: 2, time: 5 * day)]
        let grid = Grid(originX: 0, originY: 0, cellSize: 150, columns: 3, rows: 1)
        let risk = PriorPeriodCounts(days: 10).forecast(history: EventHistory(events: events), grid: grid, at: 20 * day, horizon: day)
        #expect(risk == [2, 0.25, 0])
    }
}
