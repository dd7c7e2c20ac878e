import Foundation
import Testing
@testable import Console
import Engine
import VigiaCore

/// After `:login` a dispatcher must see who they are, what is unhandled and
/// whether the audit chain holds, at every size (issue 23: 80×24 dropped the
/// counts, 100×30 the operator's role and the audit status).
@Suite("The title bar keeps operator, unhandled counts and audit status")
struct TitleBarTests {
    @Test("at 80, 100, 120 and 160 columns, Spanish and English, ASCII and Unicode", arguments: [80, 100, 120, 160])
    func essentialsKept(columns: Int) {
        for language in [Language.spanish, .english] {
            for glyphs in [GlyphSet.ascii, .unicode] {
                let situation = SituationFixture.make()
                let state = UIState(language: language, glyphs: glyphs)
                let title = String(render(situation, state, TerminalSize(columns: columns, rows: 24)).text.split(separator: "\n")[0])
                #expect(title.contains("dina"), "\(columns): \(title)")
                #expect(title.contains(Strings.text("title.unhandled", language)) && title.contains("1"), "\(columns): \(title)")
                #expect(title.contains(language == .spanish ? "auditoría" : "audit"), "\(columns): \(title)")
                if columns >= 80 { #expect(title.contains(Strings.text("role.dispatcher", language)), "\(columns): \(title)") }
            }
        }
    }

    @Test("a tampered audit chain is never dropped, even at 80×24")
    func tamperedShown() {
        var situation = SituationFixture.make()
        situation.header.auditIntact = false
        let state = UIState(language: .english, glyphs: .unicode)
        let title = String(render(situation, state, TerminalSize(columns: 80, rows: 24)).text.split(separator: "\n")[0])
        #expect(title.contains("AUDIT TAMPERED!"), "\(title)")
    }
}
