import Foundation
import Testing
@testable import Console
import VigiaCore

/// At 80×24 the help once showed two columns cut off at the right edge, and
/// could not scroll (issue 23): now it is one column that scrolls, with
/// every binding reachable and none cut.
@Suite("Help that fits 80×24")
struct HelpScrollTests {
    static let small = TerminalSize(columns: 80, rows: 24)

    func press(_ state: inout UIState, _ key: Key, _ size: TerminalSize = small) {
        _ = Reducer.reduce(&state, key: key, situation: SituationFixture.make(), size: size)
    }

    @Test("every binding is on some scrolled screen, whole; the scroll stops at the end; golden top and bottom")
    func scrolls() throws {
        var state = UIState(language: .english, glyphs: .unicode)
        state.focus = .alerts
        press(&state, .char("?"))
        #expect(state.overlay == .help && state.helpScroll == 0)
        var seen = "", screens: [String] = []
        for _ in 0..<60 {
            let text = render(SituationFixture.make(), state, Self.small).text
            screens.append(text)
            seen += text
            press(&state, .down)
        }
        let last = Overlays.helpMaxScroll(SituationFixture.make(), state, Self.small)
        #expect(last > 0 && state.helpScroll == last, "the scroll stops at the last line")
        for b in KeyRegistry.bindings { #expect(seen.contains("\(b.keyLabel.padding(toLength: 12, withPad: " ", startingAt: 0)) \(b.english)"), "\(b.action) cut off or missing") }
        #expect(!seen.contains("…"), "a help line was clipped")
        try Golden.check(screens[0], named: "help-80x24-unicode-en")
        try Golden.check(screens.last!, named: "help-80x24-unicode-en-end")
        press(&state, .pageUp); press(&state, .pageUp); press(&state, .pageUp)
        #expect(state.helpScroll == 0)
        // The selection behind the help did not move while it scrolled.
        #expect(state.selected(.alerts) == 0)
    }

    @Test(":help opens it; at 160×45 it fits and does not scroll")
    func paletteAndLarge() {
        var state = UIState(language: .spanish, glyphs: .unicode)
        press(&state, .char(":"))
        for c in "help" { press(&state, .char(c)) }
        press(&state, .enter)
        #expect(state.overlay == .help)
        let large = TerminalSize(columns: 160, rows: 45)
        #expect(Overlays.helpMaxScroll(SituationFixture.make(), state, large) == 0)
        press(&state, .down, large)
        #expect(state.helpScroll == 0)
    }
}
