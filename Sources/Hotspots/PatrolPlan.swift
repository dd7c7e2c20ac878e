import VigiaCore

/// Where to send `units` patrols: non-overlapping square boxes of
/// `boxCells` × `boxCells` cells that together hold the most expected incidents.
public enum PatrolPlan {
    public struct Box: Hashable, Sendable {
        /// South-west cell of the box.
        public var column: Int
        public var row: Int
        public var size: Int
        public var expected: Double

        public func cells(in grid: Grid) -> [Int] {
            (row..<(row + size)).flatMap { r in (column..<(column + size)).map { c in r * grid.columns + c } }
        }
    }

    /// Greedy: take the best box, block its cells, repeat. Every box it takes
    /// can overlap at most four boxes of an optimal plan, so it is never
    /// worse than a quarter of the optimum; in tests it is near-optimal.
    public static func greedy(expected: [Double], grid: Grid, boxCells: Int, units: Int) -> [Box] {
        let k = boxCells
        guard k >= 1, k <= grid.columns, k <= grid.rows, units > 0 else { return [] }
        var blocked = [Bool](repeating: false, count: grid.cellCount)
        var boxes: [Box] = []
        for _ in 0..<units {
            var best: Box?
            for r in 0...(grid.rows - k) {
                for c in 0...(grid.columns - k) {
                    var sum = 0.0, free = true
                    for rr in r..<(r + k) where free {
                        for cc in c..<(c + k) {
                            let n = rr * grid.columns + cc
                            if blocked[n] { free = false; break }
                            sum += expected[n]
                        }
                    }
                    if free, sum > (best?.expected ?? 0) { best = Box(column: c, row: r, size: k, expected: sum) }
                }
            }
            guard let box = best else { break }
            for n in box.cells(in: grid) { blocked[n] = true }
            boxes.append(box)
        }
        return boxes
    }
}

/// How concentrated a forecast is: the Gini coefficient of cell risk.
public enum Concentration {
    /// 0 when every cell has the same risk, towards 1 when one cell has it all.
    public static func gini(_ values: [Double]) -> Double {
        let sorted = values.map { max(0, $0) }.sorted()
        let n = Double(sorted.count), total = sorted.reduce(0, +)
        guard n > 1, total > 0 else { return 0 }
        var weighted = 0.0
        for (i, v) in sorted.enumerated() { weighted += Double(i + 1) * v }
        return (2 * weighted) / (n * total) - (n + 1) / n
    }
}
