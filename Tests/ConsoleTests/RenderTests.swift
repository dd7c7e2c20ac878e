import Foundation
import Testing
@testable import Console
import VigiaCore

@Suite("Console screens")
struct RenderTests {
    static let sizes = [TerminalSize(columns: 80, rows: 24), TerminalSize(columns: 120, rows: 40), TerminalSize(columns: 160, rows: 45)]

    @Test("golden screens at several sizes, ASCII and Unicode, Spanish and English",
          arguments: [(GlyphSet.ascii, Language.spanish), (.unicode, .english), (.unicode, .spanish), (.ascii, .english)])
    func golden(glyphs: GlyphSet, language: Language) throws {
        for size in Self.sizes {
            var state = UIState(language: language, glyphs: glyphs)
            state.focus = size.columns == 80 ? .map : size.columns == 120 ? .hits : .alerts
            let screen = render(SituationFixture.make(), state, size)
            try Golden.check(screen.text, named: "console-\(size.columns)x\(size.rows)-\(glyphs.rawValue)-\(language.rawValue)")
        }
    }

    @Test("the help overlay lists every binding from the registry; details show procedure, evidence and history")
    func overlays() throws {
        var state = UIState(language: .english, glyphs: .unicode)
        state.focus = .alerts
        state.overlay = .help
        let help = render(SituationFixture.make(), state, TerminalSize(columns: 160, rows: 45)).text
        try Golden.check(help, named: "help-160x45-unicode-en")
        for b in KeyRegistry.bindings { #expect(help.contains(b.english.prefix(20)), "\(b.action) missing from help") }
        state.overlay = .details
        state.selection[.alerts] = 1
        let details = render(SituationFixture.make(), state, TerminalSize(columns: 120, rows: 40)).text
        try Golden.check(details, named: "details-120x40-unicode-en")
        #expect(details.contains("Send the nearest unit.") && details.contains("dwell: 212 s") && details.contains("new → acknowledged (dina)"))
        #expect(details.contains("1. ✓ Look at the platform camera (dina 18:25)") && details.contains("2. □ Send the nearest unit."))
        #expect(details.contains("Notes:") && details.contains("18:26 dina: a man in a red jacket, near the ticket gates"))
        var ascii = UIState(language: .spanish, glyphs: .ascii)
        ascii.focus = .alerts
        ascii.overlay = .details
        ascii.selection[.alerts] = 1
        let plain = render(SituationFixture.make(), ascii, TerminalSize(columns: 80, rows: 24)).text
        try Golden.check(plain, named: "details-80x24-ascii-es")
        #expect(plain.contains("1. [x] Look at the platform camera") && plain.contains("2. [ ] Send the nearest unit."))
    }

    @Test("every size from 80×24 up renders without a glyph past the edge; smaller says too small")
    func sizes() {
        let s = SituationFixture.make()
        for columns in stride(from: 20, through: 200, by: 9) {
            for rows in stride(from: 5, through: 60, by: 7) {
                let size = TerminalSize(columns: columns, rows: rows)
                for focus in Pane.allCases {
                    var state = UIState(language: .spanish, glyphs: .unicode)
                    state.focus = focus
                    let b = render(s, state, size)
                    #expect(b.size == size)
                    let lines = b.text.split(separator: "\n", omittingEmptySubsequences: false)
                    #expect(lines.count == rows)
                    if (columns < 80 || rows < 24) && columns >= 26 { #expect(b.text.contains("demasiado chica")) }
                }
            }
        }
    }
}
