import Foundation
import Testing
@testable import Console
import Engine
import VigiaCore

/// The camera pane (issue 23): health in words and glyphs, the newest event
/// and open alerts per camera, `v` from an alert to its camera, details and
/// `g` to centre the map on it.
@Suite("Camera pane")
struct CameraPaneTests {
    let small = TerminalSize(columns: 80, rows: 24)
    let wide = TerminalSize(columns: 160, rows: 45)

    @Test("golden at 80×24 (Unicode, English; ASCII, Spanish) and its details; health is a word, not only a colour")
    func golden() throws {
        let s = SituationFixture.make()
        var state = UIState(language: .english, glyphs: .unicode)
        _ = Reducer.reduce(&state, key: .char("5"), situation: s, size: small)
        #expect(state.focus == .cameras)
        let text = render(s, state, small).text
        try Golden.check(text, named: "cameras-80x24-unicode-en")
        #expect(text.contains("✖ DOWN") && text.contains("C-0099 last event 40m"), "\(text)")
        #expect(text.contains("C-0042 last event 8s 1 open"))
        #expect(text.contains("Andén 2, estación Constitución · CONSTITUCIÓN"))
        state.language = .spanish; state.glyphs = .ascii
        let es = render(s, state, small).text
        try Golden.check(es, named: "cameras-80x24-ascii-es")
        #expect(es.contains("x CAÍDA") && es.contains("ltimo evento 40m"), "\(es)")
        state.language = .english; state.glyphs = .unicode
        _ = Reducer.reduce(&state, key: .down, situation: s, size: small)
        _ = Reducer.reduce(&state, key: .enter, situation: s, size: small)
        let details = render(s, state, small).text
        try Golden.check(details, named: "cameras-details-80x24-unicode-en")
        #expect(details.contains("P2 #17 acked Loitering on the platform"), "the alerts open on the camera are listed")
        #expect(details.contains("last event: 18:44:52 (8s)"), "\(details)")
    }

    @Test("v on an alert goes to its camera, even past a camera filter that hid it; an area alert says it has none")
    func jumpFromAlert() throws {
        let s = SituationFixture.make()
        var state = UIState(language: .english, glyphs: .unicode)
        state.filters[.cameras] = "plaza"
        state.focus = .alerts
        // #41 (selected first) is an area alert: no camera to go to.
        _ = Reducer.reduce(&state, key: .char("v"), situation: s, size: wide)
        #expect(state.focus == .alerts)
        #expect(state.message == Strings.text("msg.nocamera", .english))
        _ = Reducer.reduce(&state, key: .down, situation: s, size: wide)
        _ = Reducer.reduce(&state, key: .char("v"), situation: s, size: wide)
        #expect(state.focus == .cameras)
        #expect(state.filters[.cameras] == nil, "the filter that hid C-0042 is cleared")
        let rows = PaneItems.cameras(s, state)
        #expect(rows[state.selected(.cameras)].id == "C-0042")
        // g centres the map on it.
        _ = Reducer.reduce(&state, key: .char("g"), situation: s, size: wide)
        #expect(state.centre == PlanarPoint(x: 7_500, y: 8_000))
        let text = render(s, state, wide).text
        let selected = try #require(text.split(separator: "\n").first { $0.contains(">◦ online") })
        #expect(selected.contains("C-0042"))
    }

    @Test("the selection follows the camera, not the row, when the order changes")
    func selectionKeepsCamera() {
        var s = SituationFixture.make()
        var state = UIState(language: .english, glyphs: .unicode)
        state.focus = .cameras
        _ = Reducer.reduce(&state, key: .down, situation: s, size: wide)
        #expect(PaneItems.cameras(s, state)[state.selected(.cameras)].id == "C-0042")
        // C-0042 goes down: the engine now lists it first.
        s.cameras = [s.cameras[1], s.cameras[0]]
        s.cameras[0].health = "offline"; s.cameras[0].online = false
        Reducer.follow(&state, situation: s)
        #expect(state.selected(.cameras) == 0)
        #expect(PaneItems.cameras(s, state)[0].id == "C-0042")
    }

    @Test("a hostile camera name, district or health is shown, never sent to the terminal")
    func hostile() {
        var s = SituationFixture.make()
        let e = "\u{1B}]52;c;ZXZpbA==\u{07}\u{1B}[2J"
        s.cameras = s.cameras.map { c in var c = c; c.name = e; c.district = e; c.health = e; return c }
        var state = UIState(language: .english, glyphs: .unicode)
        state.focus = .cameras
        var text = render(s, state, small).text
        state.overlay = .details
        text += render(s, state, small).text
        #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
    }

    @Test("a last event from an impossible time draws an age, never traps; the filter knows the words on screen")
    func impossibleTimes() {
        var s = SituationFixture.make()
        s.cameras[0].lastEvent = Date(timeIntervalSince1970: -1e19)
        s.cameras[1].lastEvent = Date(timeIntervalSince1970: 1e19)
        var state = UIState(language: .english, glyphs: .unicode)
        state.focus = .cameras
        #expect(render(s, state, small).text.contains("C-0099"))
        #expect(Draw.age(.nan) == "0s" && Draw.age(-.infinity) == "0s" && Draw.age(-5) == "0s")
        state.filters[.cameras] = "down"
        #expect(PaneItems.cameras(s, state).map(\.id) == ["C-0099"], "DOWN is what the screen says, so it is what a filter finds")
        state.language = .spanish
        state.filters[.cameras] = "caída"
        #expect(PaneItems.cameras(s, state).map(\.id) == ["C-0099"])
        // A camera with no place: g says so instead of doing nothing.
        s.cameras[0].position = nil
        state.filters[.cameras] = nil
        state.selection[.cameras] = 0
        _ = Reducer.reduce(&state, key: .char("g"), situation: s, size: small)
        #expect(state.message == Strings.text("msg.noplace", .spanish))
    }
}
