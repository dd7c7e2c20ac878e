import Foundation
import Testing
@testable import Console

@Suite("Screen buffer")
struct ScreenBufferTests {
    @Test("accents take one cell, CJK and emoji two, combining marks none")
    func widths() {
        var b = ScreenBuffer(size: TerminalSize(columns: 12, rows: 1))
        let end = b.put("Vélez漢🚨e\u{301}", row: 0, column: 0)
        #expect(end == 10)
        #expect(b[0, 5].glyph == "漢" && b[0, 5].width == 2 && b[0, 6].width == 0)
        // The accented grapheme (e + U+0301) stays whole in one cell.
        #expect(b.text == "Vélez漢🚨e\u{301}  ")
    }

    @Test("escape sequences and controls are shown, never sent to the terminal")
    func hostile() {
        var b = ScreenBuffer(size: TerminalSize(columns: 20, rows: 1))
        b.put("a\u{1B}[2Jb\u{7}c\u{202E}d", row: 0, column: 0)
        #expect(!b.text.contains("\u{1B}") && !b.text.contains("\u{7}") && !b.text.contains("\u{202E}"))
        #expect(b.text.hasPrefix("a\u{FFFD}[2Jb\u{FFFD}cd"))
    }

    @Test("text is clipped at the edge, never wrapped; a wide glyph that does not fit is left out")
    func clipping() {
        var b = ScreenBuffer(size: TerminalSize(columns: 5, rows: 2))
        b.put("abcd漢", row: 0, column: 0)
        b.put("xyz", row: 5, column: 0)
        #expect(b.text == "abcd \n     ")
    }

    @Test("below 80×24 the console says so, in Spanish and English")
    func tooSmall() throws {
        try Golden.check(renderTooSmall(size: TerminalSize(columns: 40, rows: 5), language: .spanish).text, named: "too-small-40x5-es")
        try Golden.check(renderTooSmall(size: TerminalSize(columns: 79, rows: 23), language: .english).text, named: "too-small-79x23-en")
    }

    @Test("the language comes from --lang, then LANG; Spanish by default")
    func language() {
        #expect(Language.resolve(flag: "en", environment: ["LANG": "es_AR.UTF-8"]) == .english)
        #expect(Language.resolve(flag: nil, environment: ["LANG": "en_US.UTF-8"]) == .english)
        #expect(Language.resolve(flag: nil, environment: [:]) == .spanish)
    }
}
