import Engine
import Foundation
import VigiaCore

/// Names on the map (issue 23): comunas (`C1`…) at city zoom, barrios when
/// zoomed in, each centred on its part of the view, drawn only where the
/// whole name fits inside that district, on cells below the city's top 10 %
/// (a name never hides a hotspot), and clear of another name. Markers and
/// the cursor are drawn over them.
enum MapLabels {
    /// The ramp level a name may cover at most (below the top 10 %).
    static let maximumLevel = 3

    static func draw(_ b: inout ScreenBuffer, _ g: MapGeometry, _ s: Situation, district: [Int?], levels: [Int], zoom: Double) {
        guard let index = s.districts else { return }
        let columns = g.inner.columns
        // The name each cell's district goes by at this zoom.
        func name(_ d: Int) -> String? {
            let district = index.districts[d]
            if zoom >= 2 { return district.name }
            return district.parent.map { "C\($0)" }
        }
        var cells: [String: (rows: Int, columns: Int, count: Int)] = [:]
        var nameOf = [String?](repeating: nil, count: district.count)
        for (i, d) in district.enumerated() {
            guard let d, let n = name(d) else { continue }
            nameOf[i] = n
            let c = cells[n] ?? (0, 0, 0)
            cells[n] = (c.rows + i / columns, c.columns + i % columns, c.count + 1)
        }
        var taken = Set<Int>()
        // Bigger parts of the view first: they have the most room.
        for (n, c) in cells.sorted(by: { ($0.value.count, $1.key) > ($1.value.count, $0.key) }) {
            let label = TerminalSafe.line(n, limit: 40)
            let width = Draw.width(label)
            guard width > 0, width <= columns else { continue }
            let row = c.rows / c.count, centre = c.columns / c.count
            let start = centre - width / 2
            guard start >= 0, start + width <= columns else { continue }
            let span = (start..<(start + width)).map { row * columns + $0 }
            // One free cell either side keeps two names apart.
            let guarded = ((start - 1)...(start + width)).filter { $0 >= 0 && $0 < columns }.map { row * columns + $0 }
            guard span.allSatisfy({ nameOf[$0] == n && levels[$0] <= maximumLevel }), taken.isDisjoint(with: guarded) else { continue }
            taken.formUnion(span)
            b.put(label, row: g.inner.row + row, column: g.inner.column + start, role: .mapBoundary)
        }
    }
}
