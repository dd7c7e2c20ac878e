import Testing
@testable import Hotspots
import VigiaCore

@Suite("Patrol plan and concentration")
struct PatrolPlanTests {
    /// The best non-overlapping placement by exhaustive search.
    func optimum(_ expected: [Double], _ grid: Grid, k: Int, units: Int) -> Double {
        var positions: [[Int]] = []
        for r in 0...(grid.rows - k) { for c in 0...(grid.columns - k) {
            positions.append((r..<(r + k)).flatMap { rr in (c..<(c + k)).map { rr * grid.columns + $0 } })
        } }
        func search(_ from: Int, _ left: Int, _ used: Set<Int>) -> Double {
            guard left > 0 else { return 0 }
            var best = 0.0
            for i in from..<positions.count where used.isDisjoint(with: positions[i]) {
                let value = positions[i].reduce(0) { $0 + expected[$1] }
                best = max(best, value + search(i + 1, left - 1, used.union(positions[i])))
            }
            return best
        }
        return search(0, units, [])
    }

    @Test("greedy boxes never overlap and come within a few per cent of the optimum on small cases")
    func nearOptimal() {
        var random = SeededRandom(seed: 3)
        var ratios: [Double] = []
        for _ in 0..<40 {
            let grid = Grid(originX: 0, originY: 0, cellSize: 150, columns: 6, rows: 5)
            let expected = (0..<grid.cellCount).map { _ in random.chance(0.3) ? random.unit() * 5 : random.unit() * 0.3 }
            let boxes = PatrolPlan.greedy(expected: expected, grid: grid, boxCells: 2, units: 3)
            let cells = boxes.flatMap { $0.cells(in: grid) }
            #expect(Set(cells).count == cells.count, "boxes overlap")
            let value = boxes.reduce(0) { $0 + $1.expected }
            let best = optimum(expected, grid, k: 2, units: 3)
            #expect(value >= best / 4 - 1e-9, "below the guaranteed quarter")
            ratios.append(value / best)
        }
        let mean = ratios.reduce(0, +) / Double(ratios.count)
        #expect(mean > 0.95, "mean greedy / optimum = \(mean)")
    }

    @Test("hand-computed: the heaviest 2 × 2 block first")
    func handComputed() {
        let grid = Grid(originX: 0, originY: 0, cellSize: 150, columns: 3, rows: 2)
        let boxes = PatrolPlan.greedy(expected: [1, 5, 5, 0, 5, 5], grid: grid, boxCells: 2, units: 2)
        #expect(boxes == [PatrolPlan.Box(column: 1, row: 0, size: 2, expected: 20)])
    }

    @Test("Gini: 0 for equal risk, (n − 1)/n for all in one cell")
    func gini() {
        #expect(Concentration.gini([2, 2, 2, 2]) == 0)
        #expect(abs(Concentration.gini([0, 0, 0, 8]) - 0.75) < 1e-12)
        #expect(abs(Concentration.gini([1, 2, 3, 4]) - 0.25) < 1e-12)
    }
}
