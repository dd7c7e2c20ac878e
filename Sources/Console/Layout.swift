import Engine
import VigiaCore

/// A rectangle of cells.
public struct Rect: Sendable, Equatable {
    public var row: Int, column: Int, rows: Int, columns: Int
    public init(row: Int, column: Int, rows: Int, columns: Int) { self.row = row; self.column = column; self.rows = rows; self.columns = columns }
}

/// Where each pane goes at a size: wide (≥ 160×45) shows everything, narrower
/// shows tabs and one pane at a time.
public struct Layout: Sendable, Equatable {
    public static let wide = TerminalSize(columns: 160, rows: 45)
    public var isWide: Bool
    public var panes: [Pane: Rect]
    /// Row of the tab bar (narrow layouts only).
    public var tabRow: Int?
    public var hintRow: Int
    public var messageRow: Int

    public init(size: TerminalSize, focus: Pane) {
        isWide = size.columns >= Self.wide.columns && size.rows >= Self.wide.rows
        hintRow = size.rows - 1
        messageRow = size.rows - 2
        let top = isWide ? 1 : 2
        let height = size.rows - top - 2
        if isWide {
            let mapColumns = size.columns * 3 / 5
            let right = size.columns - mapColumns
            // The right column: alerts get the most room, then candidates and flags, then the cameras.
            let alerts = height * 3 / 10, hits = height / 4, flags = height / 4
            panes = [.map: Rect(row: top, column: 0, rows: height, columns: mapColumns),
                     .alerts: Rect(row: top, column: mapColumns, rows: alerts, columns: right),
                     .hits: Rect(row: top + alerts, column: mapColumns, rows: hits, columns: right),
                     .flags: Rect(row: top + alerts + hits, column: mapColumns, rows: flags, columns: right),
                     .cameras: Rect(row: top + alerts + hits + flags, column: mapColumns, rows: height - alerts - hits - flags, columns: right)]
            tabRow = nil
        } else {
            panes = [focus: Rect(row: top, column: 0, rows: height, columns: size.columns)]
            tabRow = 1
        }
    }
}

/// The map's projection onto a pane: character cells are about twice as tall
/// as wide, so a row spans twice the metres of a column.
public struct MapGeometry: Sendable {
    public var inner: Rect
    public var metresPerColumn: Double
    public var centre: PlanarPoint

    public init?(situation: Situation, state: UIState, pane: Rect) {
        // Inside the border, below the forecast line, above the cursor and legend lines.
        inner = Rect(row: pane.row + 2, column: pane.column + 1, rows: max(0, pane.rows - 5), columns: max(0, pane.columns - 2))
        guard inner.rows > 0, inner.columns > 0 else { return nil }
        let world: PlanarRect
        if let d = situation.districts { world = d.bounds }
        else if let g = situation.risk?.grid {
            world = PlanarRect(minX: g.originX, minY: g.originY, maxX: g.originX + Double(g.columns) * g.cellSize, maxY: g.originY + Double(g.rows) * g.cellSize)
        } else { return nil }
        let fit = max((world.maxX - world.minX) / Double(inner.columns), (world.maxY - world.minY) / (2 * Double(inner.rows)))
        metresPerColumn = max(1, fit / max(1, state.zoom))
        centre = state.centre ?? PlanarPoint(x: (world.minX + world.maxX) / 2, y: (world.minY + world.maxY) / 2)
    }

    public var metresPerRow: Double { 2 * metresPerColumn }

    /// The centre of cell (row, column) inside the map, in metres.
    public func point(row: Int, column: Int) -> PlanarPoint {
        PlanarPoint(x: centre.x + (Double(column) - Double(inner.columns) / 2 + 0.5) * metresPerColumn,
                    y: centre.y + (Double(inner.rows) / 2 - Double(row) - 0.5) * metresPerRow)
    }

    /// The cell a point falls in, if it is on the map.
    public func cell(of p: PlanarPoint) -> (row: Int, column: Int)? {
        let c = Int(((p.x - centre.x) / metresPerColumn + Double(inner.columns) / 2).rounded(.down))
        let r = Int((Double(inner.rows) / 2 - (p.y - centre.y) / metresPerRow).rounded(.down))
        guard r >= 0, r < inner.rows, c >= 0, c < inner.columns else { return nil }
        return (r, c)
    }
}

/// The items a list pane shows, after the filter, in display order.
enum PaneItems {
    // Without a filter the situation's own arrays are returned as they are:
    // a frame with thousands of items then builds no text for them.
    static func alerts(_ s: Situation, _ state: UIState) -> [Situation.AlertItem] {
        guard let filter = state.filters[.alerts], !filter.isEmpty else { return s.alerts }
        return s.alerts.filter { matches(filter, "\($0.id) \($0.rule) \($0.camera ?? "") \($0.title) \($0.state.rawValue)") }
    }
    static func hits(_ s: Situation, _ state: UIState) -> [Situation.HitItem] {
        guard let filter = state.filters[.hits], !filter.isEmpty else { return s.hits }
        return s.hits.filter { matches(filter, "\($0.id) \($0.candidate) \($0.camera) \($0.orderReference) \($0.court)") }
    }
    static func flags(_ s: Situation, _ state: UIState) -> [Situation.FlagItem] {
        guard let filter = state.filters[.flags], !filter.isEmpty else { return s.flags }
        return s.flags.filter { matches(filter, "\($0.id) \($0.category.rawValue) \($0.district ?? "") \($0.text)") }
    }
    static func cameras(_ s: Situation, _ state: UIState) -> [Situation.CameraMarker] {
        guard let filter = state.filters[.cameras], !filter.isEmpty else { return s.cameras }
        return s.cameras.filter { matches(filter, "\($0.id) \($0.name) \($0.district ?? "") \($0.health) \(CameraPane.word($0, state.language))") }
    }
    static func count(_ pane: Pane, _ s: Situation, _ state: UIState) -> Int {
        switch pane {
        case .map: return 0
        case .alerts: return alerts(s, state).count
        case .hits: return hits(s, state).count
        case .flags: return flags(s, state).count
        case .cameras: return cameras(s, state).count
        }
    }
    /// The ids of a list pane's items, in order.
    static func ids(_ pane: Pane, _ s: Situation, _ state: UIState) -> [Int64] {
        switch pane {
        case .map: return []
        case .alerts: return alerts(s, state).map(\.id)
        case .hits: return hits(s, state).map(\.id)
        case .flags: return flags(s, state).map(\.id)
        case .cameras: return cameras(s, state).map { CameraPane.key($0.id) }
        }
    }
    static func id(_ pane: Pane, at row: Int, _ s: Situation, _ state: UIState) -> Int64? {
        let all = ids(pane, s, state)
        return all.indices.contains(row) ? all[row] : nil
    }
    static func matches(_ filter: String, _ text: String) -> Bool {
        filter.isEmpty || text.lowercased().contains(filter.lowercased())
    }
}
