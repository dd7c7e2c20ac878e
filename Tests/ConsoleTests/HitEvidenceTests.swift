import Foundation
import Testing
@testable import Console
import Engine
import VigiaCore

/// A reviewer weighs a candidate with its evidence (issue 23): the threshold
/// in force and the margin above it, the rank, the camera's name.
@Suite("Face review shows its evidence")
struct HitEvidenceTests {
    @Test("Enter on a candidate: similarity, threshold and margin, rank, camera and its name")
    func details() {
        var situation = SituationFixture.make()
        situation.hits[0].threshold = 0.2483
        situation.hits[0].rank = 2
        situation.hits[0].cameraName = "Plaza de Mayo \u{1B}]52;c;x\u{07}"
        var state = UIState(language: .english, glyphs: .unicode)
        state.focus = .hits
        Reducer.follow(&state, situation: situation)
        let size = TerminalSize(columns: 160, rows: 45)
        _ = Reducer.reduce(&state, key: .enter, situation: situation, size: size)
        let screen = render(situation, state, size).text
        #expect(screen.contains("similarity 0.712 · threshold 0.248 (+0.464) · rank 2"), "\(screen)")
        #expect(screen.contains("C-0031 Plaza de Mayo"), "\(screen)")
        #expect(!screen.contains("\u{1B}"), "a camera name from a feed is shown inert")
        var spanish = state
        spanish.language = .spanish
        #expect(render(situation, spanish, size).text.contains("umbral 0.248 (+0.464) · puesto 2"))
    }
}
