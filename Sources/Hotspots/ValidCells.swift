import VigiaCore

/// Which cells a forecast is ranked over: the denominator of "share of area".
public enum ValidCells {
    /// Cells with at least one event before `time` (the open_cp convention).
    public static func history(_ history: EventHistory, before time: Double) -> [Int] {
        var seen = [Bool](repeating: false, count: Int(history.cells.max() ?? 0) + 1)
        for i in 0..<history.firstIndex(atOrAfter: time) { seen[Int(history.cells[i])] = true }
        return seen.indices.filter { seen[$0] }
    }

    /// Cells whose centre lies inside any of the polygons.
    public static func boundary(_ polygons: [MultiPolygon], grid: Grid) -> [Int] {
        (0..<grid.cellCount).filter { c in
            let centre = grid.centre(of: c)
            return polygons.contains { $0.contains(centre) }
        }
    }
}
