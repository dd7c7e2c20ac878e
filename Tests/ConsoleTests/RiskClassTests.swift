import Foundation
import Testing
@testable import Console
import Engine
import VigiaCore

/// The map's shading is an absolute class of the whole city (top 1/5/10/20 %
/// of its cells), not deciles of the cells on screen: before, zooming into a
/// quiet barrio painted a tenth of it at the top of the ramp (issue 23).
@Suite("Map risk classes are the city's, the same at every zoom")
struct RiskClassTests {
    @Test("classes of 100 ranked cells: 1 top-1 %, 4 top-5 %, 5 top-10 %, 10 top-20 %, 80 below, zeros none")
    func exactClasses() {
        var expected = (1...100).map { Double($0) }
        expected.append(0)
        let c = RiskClass.classes(of: expected)
        #expect(c[99] == 5)
        #expect(c[95..<99].allSatisfy { $0 == 4 })
        #expect(c[90..<95].allSatisfy { $0 == 3 })
        #expect(c[80..<90].allSatisfy { $0 == 2 })
        #expect(c[0..<80].allSatisfy { $0 == 1 })
        #expect(c[100] == 0)
        #expect(RiskClass.classes(of: [0, 0]) == [0, 0])
        // Ties share the best class: 3 equal top cells of 100 are all top 1 %.
        var tied = (1...97).map { Double($0) }
        tied += [500, 500, 500]
        #expect(RiskClass.classes(of: tied)[97...].allSatisfy { $0 == 5 })
    }

    @Test("the hottest cell has the top level at zoom 1 and zoom 8; a view of the coolest corner shows no top level")
    func sameAtEveryZoom() throws {
        let s = SituationFixture.make()
        let risk = try #require(s.risk)
        let pane = Rect(row: 0, column: 0, rows: 40, columns: 100)
        let hot = PlanarPoint(x: 2_000, y: 2_000)
        let hotCell = try #require(risk.grid.cell(containing: hot))
        #expect(risk.classes[hotCell] == 5)
        for zoom in [1.0, 8.0] {
            var state = UIState(language: .english, glyphs: .unicode)
            state.zoom = zoom; state.centre = hot
            let g = try #require(MapGeometry(situation: s, state: state, pane: pane))
            let levels = MapView.riskCells(risk, g).levels
            let at = try #require(g.cell(of: hot))
            #expect(levels[at.row * g.inner.columns + at.column] == 9, "zoom \(zoom)")
        }
        // Zoomed into the coolest corner (far from the hot spot): deciles of
        // the view would paint its warmest tenth 9; absolute classes do not.
        var state = UIState(language: .english, glyphs: .unicode)
        state.zoom = 8; state.centre = PlanarPoint(x: 9_500, y: 9_500)
        let g = try #require(MapGeometry(situation: s, state: state, pane: pane))
        let levels = MapView.riskCells(risk, g).levels
        #expect(levels.contains { $0 > 0 })
        #expect(!levels.contains(9))
        #expect(levels.max()! <= MapView.levelOfClass[1])
    }
}
