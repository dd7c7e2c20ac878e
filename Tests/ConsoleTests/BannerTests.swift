import Foundation
import Testing
@testable import Console
import Engine
import VigiaCore

/// A new P1 is announced without taking the keyboard (issue 23): a banner on
/// the message row, beyond the bell; 2 shows it, Esc dismisses it, 30 s end it.
@Suite("New P1 banner")
struct BannerTests {
    let size = TerminalSize(columns: 80, rows: 24)

    @Test("only a new priority-1 alert raises the banner; the newest wins; it ends after 30 s")
    func arrivals() {
        let s = SituationFixture.make()
        var state = UIState(language: .english, glyphs: .unicode)
        let t = Date(timeIntervalSince1970: 1_542_318_300)
        Reducer.arrivals(&state, fresh: s.alerts.filter { $0.priority != 1 }, now: t)
        #expect(state.banner == nil, "a P2 is not announced")
        Reducer.arrivals(&state, fresh: s.alerts, now: t)
        #expect(state.banner?.alertID == 41)
        Reducer.arrivals(&state, fresh: [], now: t.addingTimeInterval(29))
        #expect(state.banner != nil)
        Reducer.arrivals(&state, fresh: [], now: t.addingTimeInterval(30))
        #expect(state.banner == nil)
    }

    @Test("the banner shows on the message row at 80×24 (golden); a message outranks it; Esc dismisses it; 2 selects the alert")
    func keys() throws {
        let s = SituationFixture.make()
        var state = UIState(language: .english, glyphs: .unicode)
        state.focus = .hits
        state.banner = Banner(alertID: 41, title: s.alerts[0].title, shownAt: Date())
        let screen = render(s, state, size).text
        try Golden.check(screen, named: "banner-80x24-unicode-en")
        #expect(screen.contains("▲ P1 #41 Surge of threat flags in CONSTITUCIÓN"))
        var ascii = UIState(language: .spanish, glyphs: .ascii)
        ascii.banner = state.banner
        #expect(render(s, ascii, size).text.contains("! P1 #41 Surge of threat flags") && render(s, ascii, size).text.contains("Esc la descarta"))

        var dismissed = state
        _ = Reducer.reduce(&dismissed, key: .escape, situation: s, size: size)
        #expect(dismissed.banner == nil && dismissed.focus == .hits)

        var shown = state
        shown.selection[.alerts] = 1
        _ = Reducer.reduce(&shown, key: .char("2"), situation: s, size: size)
        #expect(shown.banner == nil && shown.focus == .alerts && shown.selection[.alerts] == 0, "the new P1 is selected")
    }
}
