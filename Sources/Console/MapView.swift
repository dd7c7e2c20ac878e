import Engine
import Foundation
import VigiaCore

/// The district map: boundaries rasterised at the pane's aspect, risk shaded
/// per cell, markers on top, a cursor, the forecast's quality and a legend.
enum MapView {
    static func draw(_ b: inout ScreenBuffer, _ pane: Rect, _ s: Situation, _ state: UIState, focused: Bool) {
        let l = state.language, glyphs = state.glyphs, sep = glyphs.separator
        Draw.box(&b, pane, title: Strings.text("pane.map", l), focused: focused, glyphs: glyphs)
        guard let g = MapGeometry(situation: s, state: state, pane: pane) else {
            b.put(Strings.text("map.none", l), row: pane.row + 2, column: pane.column + 2, role: .warning)
            return
        }
        // The forecast line: what is shown and how good it has been.
        if let r = s.risk {
            let line = forecastLine(r, l, separator: sep, dash: glyphs.dash)
            b.put(Draw.clip(line, pane.columns - 4, glyphs), row: pane.row + 1, column: pane.column + 2, role: .paneTitle)
        }
        let ramp = glyphs.riskRamp
        // District of every cell, then boundaries where a neighbour differs.
        var district = [Int?](repeating: nil, count: g.inner.rows * g.inner.columns)
        if let index = s.districts {
            for row in 0..<g.inner.rows { for col in 0..<g.inner.columns {
                district[row * g.inner.columns + col] = index.index(containing: g.point(row: row, column: col))
            } }
        }
        let (levels, sums) = riskCells(s.risk, g)
        for row in 0..<g.inner.rows {
            for col in 0..<g.inner.columns {
                let i = row * g.inner.columns + col
                let here = district[i]
                let right = col + 1 < g.inner.columns ? district[i + 1] : here
                let below = row + 1 < g.inner.rows ? district[i + g.inner.columns] : here
                var glyph = " ", role: StyleRole = .normal
                let level = levels[i]
                if here != nil || level > 0 {
                    glyph = ramp[level]
                    role = .risk(level)
                }
                if s.districts != nil, level < 3, right != here || below != here {
                    glyph = right != here && below != here ? glyphs.boundaryCorner : right != here ? glyphs.boundaryVertical : glyphs.boundaryHorizontal
                    role = .mapBoundary
                }
                b.put(glyph, row: g.inner.row + row, column: g.inner.column + col, role: role)
            }
        }
        MapLabels.draw(&b, g, s, district: district, levels: levels, zoom: state.zoom)
        // What the map drew, so the legend lists every glyph shown and only those.
        var shown = Set<Legend>()
        func mark(_ p: PlanarPoint?, _ glyph: String, _ role: StyleRole, _ entry: Legend) {
            guard let p, let c = g.cell(of: p) else { return }
            shown.insert(entry)
            b.put(glyph, row: g.inner.row + c.row, column: g.inner.column + c.column, role: role)
        }
        for box in s.patrol { mark(box.centre, glyphs.patrolMarker, .patrol, .patrol) }
        if state.zoom >= 4 { for c in s.cameras where c.online { mark(c.position, glyphs.cameraMarker, .cameraOnline, .camera) } }
        for c in s.cameras where !c.online { mark(c.position, glyphs.offlineMarker, .cameraOffline, .offline) }
        for trail in s.trails { for p in trail { mark(p, glyphs.trailMarker, .trail, .trail) } }
        // Flags, candidates and alerts: one glyph per cell and kind, a count beyond one, dim when the newest is old.
        let markers = MapMarkers(s, g)
        for kind in MapMarkers.Kind.allCases {
            for (i, marks) in markers.cells {
                guard let m = marks[kind] else { continue }
                shown.insert(MapMarkers.legend(kind, m))
                if m.isOld(at: s.header.now) { shown.insert(.old) }
                b.put(MapMarkers.glyph(kind, m, glyphs), row: g.inner.row + i / g.inner.columns, column: g.inner.column + i % g.inner.columns,
                      role: MapMarkers.role(kind, m, now: s.header.now))
            }
        }
        // The selected item, then the cursor.
        let cursor = state.cursor ?? g.centre
        if let c = g.cell(of: cursor) {
            let cell = b[g.inner.row + c.row, g.inner.column + c.column]
            b.put(cell.glyph == " " ? "+" : cell.glyph, row: g.inner.row + c.row, column: g.inner.column + c.column, role: .mapCursor)
        }
        let cursorCell = g.cell(of: cursor).map { $0.row * g.inner.columns + $0.column }
        let here = cursorCell.flatMap { markers.summary(cell: $0, l, separator: ", ") }
        let line = cursorLine(s, state, g, cursor, level: cursorCell.map { levels[$0] }, expected: cursorCell.map { sums[$0] }, here: here)
        b.put(Draw.clip(line, pane.columns - 4, glyphs), row: pane.row + pane.rows - 3, column: pane.column + 2)
        let entries = Legend.allCases.filter(shown.contains).map { $0.text(glyphs, l) }
        let legend = (entries.isEmpty ? "" : entries.joined(separator: " ") + sep)
            + "\(Strings.text("map.risk", l)) \(levelOfClass.dropFirst().map { ramp[$0] }.joined()) \(Strings.text("map.classes", l))\(sep)×\(Int(state.zoom))"
        b.put(Draw.clip(legend, pane.columns - 4, glyphs), row: pane.row + pane.rows - 2, column: pane.column + 2, role: .hint)
    }

    /// The legend's entries, in its order.
    enum Legend: CaseIterable {
        case alert, hit, flag, count, old, camera, offline, patrol, trail
        func text(_ glyphs: GlyphSet, _ l: Language) -> String {
            switch self {
            case .alert: return "\(glyphs.alertMarker) \(Strings.text("legend.alert", l))"
            case .hit: return "\(glyphs.hitMarker) \(Strings.text("legend.hit", l))"
            case .flag: return "\(glyphs.flagMarker) \(Strings.text("legend.flag", l))"
            case .count: return "2\(glyphs.dash)9 \(glyphs.manyMarker) " + Strings.text("legend.count", l, n: glyphs.manyMarker)
            case .old: return Strings.text("legend.old", l)
            case .camera: return "\(glyphs.cameraMarker) \(Strings.text("legend.camera", l))"
            case .offline: return "\(glyphs.offlineMarker) \(Strings.text("legend.offline", l))"
            case .patrol: return "\(glyphs.patrolMarker) \(Strings.text("legend.patrol", l))"
            case .trail: return "\(glyphs.trailMarker) \(Strings.text("legend.trail", l))"
            }
        }
    }

    /// The ramp level (0–9) each absolute risk class is drawn with.
    static let levelOfClass = [0, 1, 3, 5, 7, 9]

    /// Expected incidents under each map cell (the grid cells whose centres
    /// fall in it), and its level: the highest absolute class among those
    /// grid cells (top 1 %, 5 %, 10 %, 20 % of the city's cells, or below),
    /// the same in every view and at every zoom.
    static func riskCells(_ risk: Situation.RiskLayer?, _ g: MapGeometry) -> (levels: [Int], expected: [Double]) {
        var levels = [Int](repeating: 0, count: g.inner.rows * g.inner.columns)
        var sums = [Double](repeating: 0, count: levels.count)
        guard let r = risk else { return (levels, sums) }
        let grid = r.grid
        if g.metresPerColumn >= grid.cellSize {
            for cell in 0..<min(grid.cellCount, r.expected.count) where r.expected[cell] > 0 {
                guard let c = g.cell(of: grid.centre(of: cell)) else { continue }
                let i = c.row * g.inner.columns + c.column
                sums[i] += r.expected[cell]
                if cell < r.classes.count { levels[i] = max(levels[i], levelOfClass[Int(r.classes[cell])]) }
            }
        } else {
            // Zoomed in, a map cell is smaller than a grid cell: its share of the grid cell underneath.
            let share = g.metresPerColumn * g.metresPerRow / (grid.cellSize * grid.cellSize)
            for row in 0..<g.inner.rows { for col in 0..<g.inner.columns {
                if let cell = grid.cell(containing: g.point(row: row, column: col)), cell < r.expected.count {
                    sums[row * g.inner.columns + col] = r.expected[cell] * share
                    if cell < r.classes.count { levels[row * g.inner.columns + col] = levelOfClass[Int(r.classes[cell])] }
                }
            } }
        }
        return (levels, sums)
    }

    /// What is shown and how good it has been: horizon, model, recent hit rate with its interval and PAI, and Gini (safeguard 8).
    static func forecastLine(_ r: Situation.RiskLayer, _ l: Language, separator sep: String, dash: String) -> String {
        let horizon = r.horizonHours >= 168 ? "7 d" : "\(Int(r.horizonHours)) h"
        var line = "\(Strings.text("map.horizon", l)) \(horizon)\(sep)\(Strings.text("map.model", l)) \(r.model)"
        if let hit = r.hitRate, let pai = r.pai {
            var quality = "PAI \(String(format: "%.1f", pai))"
            if let i = r.hitRateInterval {
                quality = "\(Strings.text("map.interval", l)) \(Int((i.lower * 100).rounded()))\(dash)\(Int((i.upper * 100).rounded())) %, " + quality
            }
            line += "\(sep)\(Strings.text("map.hitrate", l)) \(Int((hit * 100).rounded())) % (\(quality))"
        }
        return line + "\(sep)\(Strings.text("map.gini", l)) \(String(format: "%.2f", r.gini))"
    }

    /// "top 5 %", or "below the top 20 %".
    static func className(_ c: Int, _ l: Language) -> String {
        let share: Int
        switch c {
        case 5: share = 1
        case 4: share = 5
        case 3: share = 10
        case 2: share = 20
        default: return Strings.text("map.below", l)
        }
        return Strings.text("map.topshare", l, n: "\(share)")
    }

    /// The district under the cursor, what the cell holds (`here`), then its risk and counts.
    static func cursorLine(_ s: Situation, _ state: UIState, _ g: MapGeometry, _ p: PlanarPoint, level: Int?, expected: Double?, here: String? = nil) -> String {
        let l = state.language, sep = state.glyphs.separator
        guard let d = s.districts?.district(containing: p) else { return "\(Strings.text("legend.cursor", l)): \(Strings.text("map.outside", l))" }
        var line = "\(Strings.text("legend.cursor", l)): \(d.name)" + (d.parent.map { " (\($0))" } ?? "")
        if let here { line += "\(sep)\(Strings.text("map.here", l)): \(here)" }
        if let r = s.risk, let cell = r.grid.cell(containing: p), cell < r.expected.count {
            if level != nil, cell < r.classes.count { line += "\(sep)\(Strings.text("map.risk", l)) \(className(Int(r.classes[cell]), l))" }
            if let expected { line += "\(sep)\(Strings.text("map.expected", l)) \(String(format: "%.2f", expected))" }
            if let peak = r.peakHours[cell], !peak.isEmpty { line += "\(sep)\(Strings.text("map.peak", l)) \(peak.map(String.init).joined(separator: ","))" }
            line += "\(sep)\(Strings.text("map.recent", l)): \(r.recent[cell])"
        }
        return line
    }
}
