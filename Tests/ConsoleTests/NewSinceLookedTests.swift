import Foundation
import Testing
@testable import Console
import Engine
import VigiaCore

/// "New since you last looked" (issue 23): items that arrived after the
/// operator last left a pane are marked there and counted in its title and
/// tab, until the operator looks at the pane and leaves it.
@Suite("New since you last looked")
struct NewSinceLookedTests {
    let size = TerminalSize(columns: 160, rows: 45)

    @Test("two alerts after the pane was last left: counted in the title, marked in the gutter; leaving the pane clears them")
    func marksAndClears() throws {
        var s = SituationFixture.make()
        s.alerts[1].createdAt = s.header.now.addingTimeInterval(-10)
        var state = UIState(language: .english, glyphs: .unicode)
        state.seenUntil = [.alerts: s.header.now.addingTimeInterval(-200), .hits: s.header.now, .flags: s.header.now]
        let text = render(s, state, size).text
        #expect(text.contains("Alerts (2, 2 new)"), "\(text.prefix(400))")
        let row = try #require(text.split(separator: "\n").first { $0.contains("#17") })
        #expect(row.contains("│✦P2"), "the unselected new row is marked in the gutter: \(row)")
        #expect(!text.contains("Face hits (1, "), "nothing new there")
        // Looking at the alerts and leaving them: seen.
        _ = Reducer.reduce(&state, key: .char("2"), situation: s, size: size)
        #expect(render(s, state, size).text.contains("Alerts (2, 2 new)"), "still new while looked at")
        _ = Reducer.reduce(&state, key: .char("1"), situation: s, size: size)
        #expect(state.seenUntil[.alerts] == s.header.now)
        let after = render(s, state, size).text
        #expect(after.contains("Alerts (2)") && !after.contains("✦"))
    }

    @Test("in Spanish, in ASCII and in the tabs of a small screen")
    func smallAndSpanish() {
        var s = SituationFixture.make()
        s.alerts[1].createdAt = s.header.now.addingTimeInterval(-10)
        var state = UIState(language: .spanish, glyphs: .ascii)
        state.seenUntil = [.alerts: s.header.now.addingTimeInterval(-200)]
        #expect(render(s, state, size).text.contains("(2, 2 sin ver)"))
        let small = render(s, state, TerminalSize(columns: 80, rows: 24)).text
        #expect(small.contains("(2 *2)"), "\(small.prefix(300))")
    }
}
