import Foundation
import Testing
@testable import Console
import Engine
import VigiaCore

/// The mouse (issue 23): a click focuses and selects, a second click opens
/// the details, a tab click shows its pane, the wheel scrolls the list under
/// the pointer or zooms the map. The mouse never acts on an item.
@Suite("Mouse")
struct MouseTests {
    let s = SituationFixture.make()
    let wide = TerminalSize(columns: 160, rows: 45)
    let small = TerminalSize(columns: 80, rows: 24)

    func press(_ state: inout UIState, _ kind: MouseEvent.Kind, row: Int, column: Int, size: TerminalSize) -> Reaction {
        Reducer.reduce(&state, key: .mouse(MouseEvent(kind, row: row, column: column)), situation: s, size: size)
    }

    /// Where `text` is drawn on the screen (row, column), from the rendered screen itself.
    func find(_ text: String, _ state: UIState, _ size: TerminalSize) -> (row: Int, column: Int)? {
        for (row, line) in render(s, state, size).text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if let r = line.range(of: text) { return (row, line.distance(from: line.startIndex, to: r.lowerBound)) }
        }
        return nil
    }

    @Test("a click on an alert's row focuses the alerts and selects it; a second click opens its details; nothing is acted on")
    func clickSelects() throws {
        var state = UIState(language: .english, glyphs: .unicode)
        let at = try #require(find("#17", state, wide))
        let r = press(&state, .press, row: at.row, column: at.column, size: wide)
        #expect(r.command == nil && state.focus == .alerts && state.selectedIDs[.alerts] == 17 && state.overlay == nil)
        #expect(press(&state, .press, row: at.row, column: at.column, size: wide).command == nil)
        #expect(state.overlay == .details, "the second click on the selected row opens its details")
        _ = Reducer.reduce(&state, key: .escape, situation: s, size: wide)
        let hit = try #require(find("#5", state, wide))
        _ = press(&state, .press, row: hit.row, column: hit.column, size: wide)
        #expect(state.focus == .hits && state.selectedIDs[.hits] == 5 && state.overlay == nil)
    }

    @Test("the wheel moves through the list under the pointer, and zooms the map under it")
    func wheel() throws {
        var state = UIState(language: .english, glyphs: .unicode)
        let at = try #require(find("#41", state, wide))
        _ = press(&state, .wheelDown, row: at.row, column: at.column, size: wide)
        #expect(state.focus == .alerts && state.selected(.alerts) == 1)
        _ = press(&state, .wheelUp, row: at.row, column: at.column, size: wide)
        #expect(state.selected(.alerts) == 0)
        _ = press(&state, .wheelUp, row: 20, column: 40, size: wide)
        #expect(state.focus == .map && state.zoom == 2)
        _ = press(&state, .wheelDown, row: 20, column: 40, size: wide)
        #expect(state.zoom == 1)
    }

    @Test("a click on the map moves its cursor to that cell: the cursor line names the barrio clicked")
    func clickMap() throws {
        var state = UIState(language: .english, glyphs: .unicode)
        state.focus = .alerts
        _ = press(&state, .press, row: 10, column: 30, size: wide)
        #expect(state.focus == .map && state.cursor != nil)
        let line = render(s, state, wide).text
        #expect(line.contains("cursor: "), "\(line)")
    }

    @Test("at 80×24 a click on a tab shows its pane; a click under a prompt or on the handover notes does nothing, the wheel scrolls the notes")
    func tabsAndOverlays() throws {
        var state = UIState(language: .spanish, glyphs: .ascii)
        let tab = try #require(find("3 Candidatos", state, small))
        _ = press(&state, .press, row: tab.row, column: tab.column + 2, size: small)
        #expect(state.focus == .hits)
        let flags = try #require(find("4 Señales", state, small))
        _ = press(&state, .press, row: flags.row, column: flags.column, size: small)
        #expect(state.focus == .flags)

        _ = Reducer.reduce(&state, key: .char("/"), situation: s, size: small)
        let before = state
        _ = press(&state, .press, row: tab.row, column: tab.column, size: small)
        #expect(state == before, "a click moved something under an open prompt")

        var notes = UIState(language: .english, glyphs: .unicode)
        notes.overlay = .handover((1...12).map { HandoverNote(operatorName: "dina", at: Date(timeIntervalSince1970: 1_542_318_000 + Double($0)), text: "note \($0)") })
        _ = press(&notes, .press, row: 1, column: 1, size: small)
        #expect(notes.overlay != nil && notes.focus == .map)
        _ = press(&notes, .wheelDown, row: 5, column: 5, size: small)
        #expect(notes.helpScroll == 1)
    }

    @Test("below 80×24 only the notice is drawn: a click selects nothing behind it")
    func tooSmall() throws {
        var state = UIState(language: .english, glyphs: .unicode)
        let before = state
        _ = press(&state, .press, row: 3, column: 3, size: TerminalSize(columns: 60, rows: 20))
        _ = press(&state, .wheelDown, row: 3, column: 3, size: TerminalSize(columns: 60, rows: 20))
        #expect(state == before)
    }

    @Test("typeahead is dropped when a prompt gives way to anything else (the handover notes after :login), not while it is edited")
    func promptGivesWay() {
        let command = Overlay.prompt(Prompt(purpose: .command, text: "lo"))
        #expect(ConsoleApp.samePrompt(command, .prompt(Prompt(purpose: .command, text: "log"))))
        #expect(!ConsoleApp.samePrompt(command, .handover([])))
        #expect(!ConsoleApp.samePrompt(command, .prompt(Prompt(purpose: .passphrase(name: "diego")))))
        #expect(!ConsoleApp.samePrompt(command, nil))
    }
}
