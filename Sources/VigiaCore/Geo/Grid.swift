/// A square grid over planar metres; cells are numbered row by row from the
/// south-west corner (`index = row * columns + column`).
public struct Grid: Hashable, Sendable, Codable {
    public static let defaultCellSize = 150.0

    public let originX: Double
    public let originY: Double
    public let cellSize: Double
    public let columns: Int
    public let rows: Int

    public init(originX: Double, originY: Double, cellSize: Double, columns: Int, rows: Int) {
        precondition(cellSize > 0 && columns > 0 && rows > 0, "grid needs a positive size")
        self.originX = originX
        self.originY = originY
        self.cellSize = cellSize
        self.columns = columns
        self.rows = rows
    }

    /// The smallest grid of `cellSize` cells that covers `bounds`.
    public init(covering bounds: PlanarRect, cellSize: Double = Grid.defaultCellSize) {
        let columns = Swift.max(1, Int((bounds.width / cellSize).rounded(.up)))
        let rows = Swift.max(1, Int((bounds.height / cellSize).rounded(.up)))
        self.init(originX: bounds.minX, originY: bounds.minY, cellSize: cellSize,
                  columns: columns, rows: rows)
    }

    public var cellCount: Int { columns * rows }

    /// The cell holding `p`, or nil outside the grid. Points on an inner edge
    /// belong to the cell to their north / east.
    public func cell(containing p: PlanarPoint) -> Int? {
        guard p.x.isFinite, p.y.isFinite else { return nil }
        let column = Int(((p.x - originX) / cellSize).rounded(.down))
        let row = Int(((p.y - originY) / cellSize).rounded(.down))
        guard column >= 0, column < columns, row >= 0, row < rows else { return nil }
        return row * columns + column
    }

    public func column(of cell: Int) -> Int { cell % columns }
    public func row(of cell: Int) -> Int { cell / columns }

    public func cell(column: Int, row: Int) -> Int? {
        guard column >= 0, column < columns, row >= 0, row < rows else { return nil }
        return row * columns + column
    }

    public func centre(of cell: Int) -> PlanarPoint {
        PlanarPoint(x: originX + (Double(column(of: cell)) + 0.5) * cellSize,
                    y: originY + (Double(row(of: cell)) + 0.5) * cellSize)
    }

    public func bounds(of cell: Int) -> PlanarRect {
        let x = originX + Double(column(of: cell)) * cellSize
        let y = originY + Double(row(of: cell)) * cellSize
        return PlanarRect(minX: x, minY: y, maxX: x + cellSize, maxY: y + cellSize)
    }
}
