import Testing
@testable import Console
import Engine
import VigiaCore

/// The reducer returns a reaction set and at most one command; a command's
/// result comes back to it as a `CommandResult` (issue 19, item 5).
@Suite("Reactions")
struct ReactionTests {
    let size = TerminalSize(columns: 160, rows: 45)

    @Test("a key with no binding does nothing, not even a redraw; a key that moves the focus asks only for a redraw")
    func redrawOnlyWhenTheStateChanged() {
        let s = SituationFixture.make()
        var state = UIState(language: .english, glyphs: .unicode)
        #expect(Reducer.reduce(&state, key: .char("ñ"), situation: s, size: size) == .none)
        #expect(Reducer.reduce(&state, key: .char("2"), situation: s, size: size) == Reaction(.redraw))
        #expect(Reducer.reduce(&state, key: .char("2"), situation: s, size: size) == .none, "already there")
    }

    @Test("the horizon key reloads the forecast, a review view rebuilds, quit with nothing unhandled quits; each with no command")
    func effects() {
        var state = UIState(language: .english, glyphs: .unicode)
        let horizon = Reducer.reduce(&state, key: .char("t"), situation: SituationFixture.make(), size: size)
        #expect(horizon == Reaction([.redraw, .reloadForecast]) && state.horizonHours == 24)
        var auditor = UIState(language: .english, glyphs: .unicode)
        #expect(Reducer.reduce(&auditor, key: .char("A"), situation: SituationFixture.make(role: .auditor), size: size) == Reaction([.redraw, .rebuild]))
        var quiet = SituationFixture.make()
        quiet.alerts = []; quiet.hits = []; quiet.flags = []
        var leaving = UIState(language: .english, glyphs: .unicode)
        #expect(Reducer.reduce(&leaving, key: .char("q"), situation: quiet, size: size).effects.contains(.quit))
    }

    @Test("a key asks for at most one command and does not run it: acknowledging leaves the message line and the undo target alone until the result comes back")
    func oneCommandThenItsResult() {
        let s = SituationFixture.make()
        var state = UIState(language: .english, glyphs: .unicode)
        state.focus = .alerts
        Reducer.follow(&state, situation: s)
        let id = s.alerts[0].id
        let reaction = Reducer.reduce(&state, key: .char("a"), situation: s, size: size)
        #expect(reaction.command == .alert(id, .acknowledge))
        #expect(state.message == nil && state.lastActedAlert == nil)
        let after = Reducer.result(&state, .performed(.alert(id, .acknowledge), .dispatched(id)))
        #expect(after.effects.contains(.rebuild))
        #expect(state.lastActedAlert == id)
        #expect(state.message == "Done (u undoes for 10 s)")
    }

    @Test("results write the message line: refused says why, a sign-in names the role and rebuilds, a tick keeps the undo target, a stopped feed does not hide another message")
    func resultsAsActions() {
        var state = UIState(language: .english, glyphs: .unicode)
        _ = Reducer.result(&state, .refused("dispatcher may not: audit.export"))
        #expect(state.message == "Refused: dispatcher may not: audit.export")
        _ = Reducer.result(&state, .feedStopped("disk full"))
        #expect(state.message == "Refused: dispatcher may not: audit.export", "the earlier message stays")
        state.message = nil
        _ = Reducer.result(&state, .feedStopped("disk full"))
        #expect(state.message?.hasSuffix(": disk full") == true)
        #expect(Reducer.result(&state, .signedIn(name: "sergio", role: .supervisor)).effects.contains(.rebuild))
        #expect(state.message?.contains("sergio") == true && state.message?.contains("supervisor") == true)
        state.lastActedAlert = 9
        _ = Reducer.result(&state, .performed(.alert(17, .tickStep(2)), .dispatched(17)))
        #expect(state.lastActedAlert == 9 && state.message == "#17: step done 2")
        _ = Reducer.result(&state, .readOnly)
        #expect(state.message?.isEmpty == false)
    }
}
