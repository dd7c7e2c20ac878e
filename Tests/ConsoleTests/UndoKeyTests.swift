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
        #expect(Reducer.reduce(&state, key: .char("u"), situation: s, size: size).command == nil)
        #expect(state.message == "Nothing to undo")
        state.lastActedAlert = 17
        #expect(Reducer.reduce(&state, key: .char("u"), situation: s, size: size).command == .undoAlert(17))
        var auditor = UIState(language: .english, glyphs: .unicode)
        auditor.lastActedAlert = 17
        #expect(Reducer.reduce(&auditor, key: .char("u"), situation: SituationFixture.make(role: .auditor), size: size).command == nil)
        #expect(auditor.message?.hasPrefix("Refused") == true)
    }

    @Test("x ticks the selected alert's next procedure step; with none left it says so; an auditor is refused")
    func tickKey() {
        let s = SituationFixture.make()
        let size = TerminalSize(columns: 160, rows: 45)
        var state = UIState(language: .english, glyphs: .unicode)
        state.focus = .alerts
        state.selection[.alerts] = 1
        #expect(Reducer.reduce(&state, key: .char("x"), situation: s, size: size).command == .alert(17, .tickStep(2)), "step 1 is done already")
        var done = s
        done.alerts[1].steps = done.alerts[1].steps.map { .init(text: $0.text, done: "dina 18:30") }
        #expect(Reducer.reduce(&state, key: .char("x"), situation: done, size: size).command == nil)
        #expect(state.message == "No steps left to tick")
        var auditor = UIState(language: .english, glyphs: .unicode)
        auditor.focus = .alerts
        #expect(Reducer.reduce(&auditor, key: .char("x"), situation: SituationFixture.make(role: .auditor), size: size).command == nil)
        #expect(auditor.message?.hasPrefix("Refused") == true)
    }

    @Test("N asks for a note on the selected alert; Enter saves it; an empty Enter saves nothing; keys typed go into the note")
    func noteKey() {
        let s = SituationFixture.make()
        let size = TerminalSize(columns: 160, rows: 45)
        var state = UIState(language: .english, glyphs: .unicode)
        state.focus = .alerts
        state.selection[.alerts] = 1
        #expect(Reducer.reduce(&state, key: .char("N"), situation: s, size: size).command == nil)
        #expect(state.overlay == .prompt(Prompt(purpose: .note(id: 17))))
        for c in "a red jacket" { #expect(Reducer.reduce(&state, key: .char(c), situation: s, size: size).command == nil, "typed, not a command: \(c)") }
        #expect(Reducer.reduce(&state, key: .enter, situation: s, size: size).command == .alert(17, .note("a red jacket")))
        _ = Reducer.reduce(&state, key: .char("N"), situation: s, size: size)
        #expect(Reducer.reduce(&state, key: .enter, situation: s, size: size).command == nil && state.overlay == nil)
    }

    @Test("C closes the listed alerts: it asks for one disposition, naming how many (and that no filter is on), then one reason; Esc cancels")
    func bulkCloseKey() {
        let s = SituationFixture.make()
        let size = TerminalSize(columns: 160, rows: 45)
        var state = UIState(language: .english, glyphs: .unicode)
        state.focus = .alerts
        #expect(Reducer.reduce(&state, key: .char("C"), situation: s, size: size).command == nil)
        #expect(state.overlay == .prompt(Prompt(purpose: .bulkDisposition(ids: [41, 17], unfiltered: true))))
        #expect(render(s, state, size).text.contains("Close the 2 alerts in the queue, NO filter?"), "without a filter it says so")
        _ = Reducer.reduce(&state, key: .escape, situation: s, size: size)
        state.filters[.alerts] = "loitering"
        _ = Reducer.reduce(&state, key: .char("C"), situation: s, size: size)
        #expect(state.overlay == .prompt(Prompt(purpose: .bulkDisposition(ids: [17], unfiltered: false))))
        #expect(render(s, state, size).text.contains("Close the 1 alerts shown?"))
        #expect(Reducer.reduce(&state, key: .char("a"), situation: s, size: size).command == nil, "swallowed")
        _ = Reducer.reduce(&state, key: .char("2"), situation: s, size: size)
        #expect(state.overlay == .prompt(Prompt(purpose: .bulkReason(ids: [17], disposition: .falseAlarm))))
        for c in "staff" { _ = Reducer.reduce(&state, key: .char(c), situation: s, size: size) }
        #expect(Reducer.reduce(&state, key: .enter, situation: s, size: size).command == .bulkClose([17], .falseAlarm, reason: "staff"))
        _ = Reducer.reduce(&state, key: .char("C"), situation: s, size: size)
        _ = Reducer.reduce(&state, key: .escape, situation: s, size: size)
        #expect(state.overlay == nil)
    }
}
