import Foundation
import Testing
@testable import Console
import Engine
import VigiaCore

/// `/` narrows the focused pane only and says so in its title; forward asks
/// for the recipient and then the message (issue 23).
@Suite("Filters that show themselves; forward with a message")
struct FilterAndForwardTests {
    let size = TerminalSize(columns: 160, rows: 45)

    func type(_ text: String, _ state: inout UIState, _ situation: Situation) -> EngineCommand? {
        var last: EngineCommand?
        for c in text { last = Reducer.reduce(&state, key: .char(c), situation: situation, size: size).command }
        return last
    }

    @Test("a filter on the alerts pane narrows it alone, the title shows it with the true count, an empty Enter clears it")
    func scopedFilter() {
        let situation = SituationFixture.make()
        #expect(situation.alerts.count == 2 && !situation.hits.isEmpty)
        var state = UIState(language: .english, glyphs: .unicode)
        state.focus = .alerts
        Reducer.follow(&state, situation: situation)
        _ = Reducer.reduce(&state, key: .char("/"), situation: situation, size: size)
        _ = type("C-0042", &state, situation)
        _ = Reducer.reduce(&state, key: .enter, situation: situation, size: size)
        #expect(state.filters == [.alerts: "C-0042"])
        #expect(PaneItems.alerts(situation, state).map(\.id) == [17])
        #expect(PaneItems.hits(situation, state).count == situation.hits.count, "the face pane is not filtered by the alerts' filter")
        let screen = render(situation, state, size).text
        #expect(screen.contains("Alerts (1 of 2) /C-0042"), "\(screen)")
        #expect(screen.contains("Face hits (\(situation.hits.count))"), "\(screen)")
        #expect(Reducer.reduce(&state, key: .char("a"), situation: situation, size: size).command == .alert(17, .acknowledge),
                "the highlight is on the one alert shown")

        // Another pane keeps its own (empty) filter.
        state.focus = .hits
        #expect(state.filter == "")
        state.focus = .alerts
        #expect(state.filter == "C-0042")

        // An empty Enter clears it; Esc on an open prompt leaves it as it was.
        _ = Reducer.reduce(&state, key: .char("/"), situation: situation, size: size)
        _ = type("zzz", &state, situation)
        _ = Reducer.reduce(&state, key: .escape, situation: situation, size: size)
        #expect(state.filters[.alerts] == "C-0042")
        _ = Reducer.reduce(&state, key: .char("/"), situation: situation, size: size)
        _ = Reducer.reduce(&state, key: .enter, situation: situation, size: size)
        #expect(state.filters.isEmpty)
        #expect(render(situation, state, size).text.contains("Alerts (2)"))
    }

    @Test("on the map / says which panes it filters and opens nothing")
    func mapHasNoFilter() {
        let situation = SituationFixture.make()
        var state = UIState(language: .spanish, glyphs: .ascii)
        state.focus = .map
        _ = Reducer.reduce(&state, key: .char("/"), situation: situation, size: size)
        #expect(state.overlay == nil)
        #expect(state.message?.contains("Tab") == true)
    }

    @Test("forward asks for the operator, then the message; an empty message forwards nothing")
    func forwardMessage() {
        let situation = SituationFixture.make()
        var state = UIState(language: .english, glyphs: .unicode)
        state.focus = .alerts
        Reducer.follow(&state, situation: situation)
        let id = state.selectedIDs[.alerts]!
        _ = Reducer.reduce(&state, key: .char("f"), situation: situation, size: size)
        _ = type("sergio", &state, situation)
        #expect(Reducer.reduce(&state, key: .enter, situation: situation, size: size).command == nil)
        guard case .prompt(let p)? = state.overlay, case .forwardMessage(id, "sergio") = p.purpose else {
            Issue.record("no message question: \(String(describing: state.overlay))"); return
        }
        #expect(render(situation, state, size).text.contains("#\(id) → sergio · Message"))
        #expect(Reducer.reduce(&state, key: .enter, situation: situation, size: size).command == nil, "no message, nothing sent")
        #expect(state.message?.contains("needs a message") == true)

        _ = Reducer.reduce(&state, key: .char("f"), situation: situation, size: size)
        _ = type("sergio", &state, situation)
        _ = Reducer.reduce(&state, key: .enter, situation: situation, size: size)
        _ = type("check platform 2", &state, situation)
        #expect(Reducer.reduce(&state, key: .enter, situation: situation, size: size).command == .alert(id, .forward(to: "sergio", message: "check platform 2")))
    }
}
