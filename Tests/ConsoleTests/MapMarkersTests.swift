import Foundation
import Testing
@testable import Console
import Engine
import VigiaCore

/// Markers that aggregate and fade (issue 23): one glyph per cell and kind,
/// a count beyond one, dim when the newest item is over an hour old; the
/// legend lists the glyphs shown and only those.
@Suite("Map markers")
struct MapMarkersTests {
    let size = TerminalSize(columns: 160, rows: 45)

    /// The fixture with `n` new alerts stacked on the first alert's corner, `minutesOld` old.
    func stacked(_ n: Int, minutesOld: Double) -> Situation {
        var s = SituationFixture.make()
        let first = s.alerts[0]
        s.alerts = (0..<n).map { i in
            var a = first
            a.id = 100 + Int64(i)
            a.createdAt = s.header.now.addingTimeInterval(-minutesOld * 60 - Double(i))
            return a
        }
        return s
    }

    func markerCell(_ s: Situation, _ state: UIState) throws -> (Cell, String) {
        let layout = Layout(size: size, focus: state.focus)
        let pane = try #require(layout.panes[.map])
        let g = try #require(MapGeometry(situation: s, state: state, pane: pane))
        let c = try #require(g.cell(of: s.alerts[0].position!))
        let screen = render(s, state, size)
        return (screen[g.inner.row + c.row, g.inner.column + c.column], screen.text)
    }

    @Test("one new alert is ▲; five on one corner are a 5; twelve are +; the cursor line counts them")
    func counts() throws {
        let state = UIState(language: .english, glyphs: .unicode)
        #expect(try markerCell(stacked(1, minutesOld: 1), state).0.glyph == "▲")
        let (five, text) = try markerCell(stacked(5, minutesOld: 1), state)
        #expect(five.glyph == "5" && five.role == .alertNew)
        #expect(text.contains("2–9 + = how many (+: 10 or more)"), "the legend explains the count once one is shown")
        #expect(try markerCell(stacked(12, minutesOld: 1), state).0.glyph == "+")
        var ascii = UIState(language: .english, glyphs: .ascii)
        ascii.focus = .map
        #expect(try markerCell(stacked(12, minutesOld: 1), ascii).0.glyph == "&", "no border or ramp glyph in ASCII")
        // The cursor on that corner says what is there.
        var s = stacked(5, minutesOld: 1)
        var onIt = state
        onIt.cursor = s.alerts[0].position
        s.flags = []
        #expect(render(s, onIt, size).text.contains("here: 5 alerts"))
    }

    @Test("markers whose newest item is over an hour old are dim, and the legend says so; a fresh one in the same cell keeps it bright")
    func fading() throws {
        let state = UIState(language: .english, glyphs: .unicode)
        let (old, text) = try markerCell(stacked(3, minutesOld: 90), state)
        #expect(old.glyph == "3" && old.role == .mapMarkerOld)
        #expect(text.contains("dim: > 1 h old"))
        var mixed = stacked(3, minutesOld: 90)
        mixed.alerts[0].createdAt = mixed.header.now.addingTimeInterval(-60)
        #expect(try markerCell(mixed, state).0.role == .alertNew)
        #expect(!(try markerCell(stacked(1, minutesOld: 1), state).1.contains("dim:")), "no dim entry when nothing is dim")
    }

    @Test("the legend lists only the glyphs on the map")
    func legend() throws {
        var s = SituationFixture.make()
        s.trails = []; s.patrol = []
        let text = render(s, UIState(language: .english, glyphs: .unicode), size).text
        #expect(text.contains("▲ alert") && !text.contains("▣ patrol") && !text.contains("• trail") && !text.contains("how many"))
        s.alerts = []; s.hits = []; s.flags = []; s.cameras = []
        let bare = render(s, UIState(language: .english, glyphs: .unicode), size).text
        #expect(!bare.contains("▲ alert") && bare.contains("risk ·░▒▓█"))
    }
}
