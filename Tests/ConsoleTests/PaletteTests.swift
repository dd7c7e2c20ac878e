import Testing
@testable import Console
import Engine
import VigiaCore

/// Tab in the `:` palette (issue 23): finishes a command or its value; when
/// several fit, runs to what they share and lists them.
@Suite("Palette completion")
struct PaletteTests {
    let themes = ["dark", "light", "high-contrast", "monochrome"]

    @Test("commands, then their values; one fit is finished, several go to their common prefix and are listed, none leaves the text")
    func completion() {
        #expect(Palette.complete("th", themes: themes) == ("theme ", []))
        #expect(Palette.complete("theme hi", themes: themes) == ("theme high-contrast", []))
        #expect(Palette.complete("theme ", themes: themes) == ("theme ", ["dark", "high-contrast", "light", "monochrome"]))
        #expect(Palette.complete("l", themes: themes) == ("l", ["lang", "login"]))
        #expect(Palette.complete("lo", themes: themes) == ("login ", []))
        #expect(Palette.complete("h", themes: themes) == ("h", ["handover", "help", "horizon"]))
        #expect(Palette.complete("ha", themes: themes) == ("handover ", []), "handover takes its text after a space")
        #expect(Palette.complete("he", themes: themes) == ("help", []))
        #expect(Palette.complete("hor", themes: themes) == ("horizon ", []))
        #expect(Palette.complete("horizon 1", themes: themes) == ("horizon 168", []))
        #expect(Palette.complete("model ", themes: themes).choices == UIState.models)
        #expect(Palette.complete("model p", themes: themes) == ("model pr", ["prior", "prospective"]))
        #expect(Palette.complete("q", themes: themes) == ("quit", []), "a command with no value gets no space")
        #expect(Palette.complete("zz", themes: themes) == ("zz", []))
        #expect(Palette.complete("login di", themes: themes) == ("login di", []), "names are not listed: no operator list in the palette")
        #expect(Palette.complete("lang es x", themes: themes) == ("lang es x", []))
        #expect(Palette.complete("", themes: themes).choices == Palette.commands)
    }

    @Test("in the console: : th Tab Tab shows the themes after the text, hi Tab Enter asks the terminal for that theme")
    func throughTheReducer() {
        let s = SituationFixture.make()
        let size = TerminalSize(columns: 160, rows: 45)
        var state = UIState(language: .english, glyphs: .unicode)
        _ = Reducer.reduce(&state, key: .char(":"), situation: s, size: size)
        for c in "th" { _ = Reducer.reduce(&state, key: .char(c), situation: s, size: size) }
        _ = Reducer.reduce(&state, key: .tab, situation: s, size: size)
        #expect(state.overlay == .prompt(Prompt(purpose: .command, text: "theme ")), "Tab completes in the prompt; it does not switch panes")
        #expect(state.focus == .map)
        _ = Reducer.reduce(&state, key: .tab, situation: s, size: size)
        #expect(state.overlay == .prompt(Prompt(purpose: .command, text: "theme ", choices: ["dark", "high-contrast", "light", "monochrome"])))
        #expect(render(s, state, size).text.contains("dark  high-contrast  light  monochrome"), "the choices are on screen")
        for c in "hi" { _ = Reducer.reduce(&state, key: .char(c), situation: s, size: size) }
        _ = Reducer.reduce(&state, key: .tab, situation: s, size: size)
        #expect(state.overlay == .prompt(Prompt(purpose: .command, text: "theme high-contrast")), "typing clears the choices; one fit leaves none")
        let enter = Reducer.reduce(&state, key: .enter, situation: s, size: size)
        #expect(enter.command == .setTheme("high-contrast"))
    }
}
