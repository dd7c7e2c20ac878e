import Foundation
import Testing
@testable import Console
import Engine
import VigiaCore

/// Names at zoom (issue 23): comunas at city zoom, barrios zoomed in, never
/// over a hotspot, a marker or another name.
@Suite("Map names")
struct MapLabelsTests {
    let size = TerminalSize(columns: 160, rows: 45)

    func mapText(_ s: Situation, _ state: UIState) -> String {
        render(s, state, size).text.split(separator: "\n").filter { $0.contains("│") }.joined(separator: "\n")
    }

    @Test("city zoom names comunas, zoomed in names barrios; only whole names inside their district")
    func levels() {
        var s = SituationFixture.make()
        s.alerts = []; s.hits = []; s.flags = []; s.cameras = []; s.patrol = []; s.trails = []
        var state = UIState(language: .english, glyphs: .unicode)
        let city = mapText(s, state)
        #expect(city.contains("C14") && !city.contains("PALERMO"), "\(city)")
        state.zoom = 2
        let zoomed = mapText(s, state)
        #expect(zoomed.contains("PALERMO") && !zoomed.contains("C14"), "\(zoomed)")
    }

    @Test("a name never covers a cell in the city's top 10 %")
    func notOverHotspots() throws {
        var s = SituationFixture.make()
        s.alerts = []; s.hits = []; s.flags = []; s.cameras = []; s.patrol = []; s.trails = []
        var state = UIState(language: .english, glyphs: .unicode)
        state.zoom = 2
        let layout = Layout(size: size, focus: state.focus)
        let pane = try #require(layout.panes[.map])
        let g = try #require(MapGeometry(situation: s, state: state, pane: pane))
        let (levels, _) = MapView.riskCells(s.risk, g)
        let screen = render(s, state, size)
        for row in 0..<g.inner.rows { for col in 0..<g.inner.columns {
            let cell = screen[g.inner.row + row, g.inner.column + col]
            if cell.role == .mapBoundary, cell.glyph.first?.isLetter == true {
                #expect(levels[row * g.inner.columns + col] <= MapLabels.maximumLevel, "a name over a hotspot at \(row),\(col)")
            }
        } }
        // The whole city in its top class: no name anywhere.
        s.risk!.classes = s.risk!.classes.map { _ in 5 }
        let hot = mapText(s, state)
        #expect(!hot.contains("PALERMO") && !hot.contains("RECOLETA"), "\(hot)")
    }
}
