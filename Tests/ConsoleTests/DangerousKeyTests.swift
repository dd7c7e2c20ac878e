import Foundation
import Testing
@testable import Console
import Engine
import VigiaCore

/// Help says dangerous keys ask first: the first press only asks, naming the
/// item; the answer decides; nothing else typed meanwhile acts.
@Suite("Dangerous keys ask first")
struct DangerousKeyTests {
    let size = TerminalSize(columns: 160, rows: 45)

    @Test("d on an alert asks, naming it; other keys are swallowed; y dispatches that alert, n and Esc do nothing")
    func dispatchAlert() {
        let situation = SituationFixture.make()
        var state = UIState(language: .english, glyphs: .unicode)
        state.focus = .alerts
        Reducer.follow(&state, situation: situation)
        let id = state.selectedIDs[.alerts]!
        #expect(Reducer.reduce(&state, key: .char("d"), situation: situation, size: size).command == nil)
        guard case .prompt(let p)? = state.overlay, case .dispatchAlert(id, _) = p.purpose else { Issue.record("no question: \(String(describing: state.overlay))"); return }
        let screen = render(situation, state, size).text
        #expect(screen.contains("Dispatch a unit to alert #\(id)"), "\(screen)")
        for key in [Key.char("a"), .char("c"), .char("d"), .enter] {
            #expect(Reducer.reduce(&state, key: key, situation: situation, size: size).command == nil)
            #expect(state.overlay != nil, "the question stays open on \(key)")
        }
        #expect(Reducer.reduce(&state, key: .char("y"), situation: situation, size: size).command == .alert(id, .dispatch))
        #expect(state.overlay == nil)
        for no in [Key.char("n"), .escape] {
            _ = Reducer.reduce(&state, key: .char("d"), situation: situation, size: size)
            #expect(Reducer.reduce(&state, key: no, situation: situation, size: size).command == nil)
            #expect(state.overlay == nil)
        }
    }

    @Test("d on a candidate asks first; y sends the dispatch to the engine, which decides")
    func dispatchHit() {
        let situation = SituationFixture.make()
        var state = UIState(language: .spanish, glyphs: .ascii)
        state.focus = .hits
        Reducer.follow(&state, situation: situation)
        #expect(Reducer.reduce(&state, key: .char("d"), situation: situation, size: size).command == nil)
        #expect(render(situation, state, size).text.contains("¿Despachar una unidad por el candidato #5? (s/n)"))
        #expect(Reducer.reduce(&state, key: .char("s"), situation: situation, size: size).command == .dispatchHit(5))
    }

    @Test("every key the registry marks dangerous asks before it acts")
    func everyDangerousKeyAsks() {
        let situation = SituationFixture.make()
        for binding in KeyRegistry.bindings where binding.dangerous {
            var state = UIState(language: .english, glyphs: .unicode)
            state.focus = binding.context ?? .alerts
            Reducer.follow(&state, situation: situation)
            let reaction = Reducer.reduce(&state, key: binding.keys[0], situation: situation, size: size)
            #expect(reaction.command == nil && !reaction.effects.contains(.quit) && state.overlay != nil,
                    "\(binding.english) acted at once: \(String(describing: reaction))")
        }
    }
}
