import Testing
@testable import Console
import Engine
import VigiaCore

/// `u` undoes the alert acted on last, wherever the selection has moved.
@Suite("Undo key")
struct UndoKeyTests {
    @Test("u with nothing acted on says so; after an action it asks to undo that alert; an auditor is refused")
    func undoKey() {
        let s = SituationFixture.make()
        let size = TerminalSize(columns: 160, rows: 45)
        var state = UIState(language: .english, glyphs: .unicode)
        state.focus = .hits
        #expect(Reducer.reduce(&state, key: .char("u"), situation: s, size: size) == nil)
        #expect(state.message == "Nothing to undo")
        state.lastActedAlert = 17
        #expect(Reducer.reduce(&state, key: .char("u"), situation: s, size: size) == .undoAlert(17))
        var auditor = UIState(language: .english, glyphs: .unicode)
        auditor.lastActedAlert = 17
        #expect(Reducer.reduce(&auditor, key: .char("u"), situation: SituationFixture.make(role: .auditor), size: size) == nil)
        #expect(auditor.message?.hasPrefix("Refused") == true)
    }
}
