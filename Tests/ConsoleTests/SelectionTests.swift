import Foundation
import Testing
@testable import Console
import Engine
import VigiaCore

/// The highlight belongs to an item, not to a row: when the queue is
/// rebuilt (a new alert on top, an escalation reordering it), a key acts on
/// the item the dispatcher saw highlighted.
@Suite("Selection follows the item")
struct SelectionTests {
    let size = TerminalSize(columns: 160, rows: 45)

    @Test("a new alert above the highlighted one: the highlight and the action stay on it")
    func newAlertAbove() {
        var situation = SituationFixture.make()
        var state = UIState(language: .english, glyphs: .unicode)
        state.focus = .alerts
        Reducer.follow(&state, situation: situation)
        _ = Reducer.reduce(&state, key: .down, situation: situation, size: size)
        #expect(state.selected(.alerts) == 1 && state.selectedIDs[.alerts] == 17)
        var arrived = situation.alerts[0]
        arrived.id = 99
        situation.alerts.insert(arrived, at: 0)
        Reducer.follow(&state, situation: situation)
        #expect(state.selected(.alerts) == 2, "the highlight moved with alert 17")
        #expect(Reducer.reduce(&state, key: .char("a"), situation: situation, size: size).command == .alert(17, .acknowledge))
    }

    @Test("the highlighted alert leaves the list: the row stays and selects what is there")
    func itemGone() {
        var situation = SituationFixture.make()
        var state = UIState(language: .english, glyphs: .unicode)
        state.focus = .alerts
        Reducer.follow(&state, situation: situation)
        #expect(state.selectedIDs[.alerts] == 41)
        situation.alerts.removeFirst()
        Reducer.follow(&state, situation: situation)
        #expect(state.selected(.alerts) == 0 && state.selectedIDs[.alerts] == 17)
        #expect(Reducer.reduce(&state, key: .char("a"), situation: situation, size: size).command == .alert(17, .acknowledge))
    }
}
