import Foundation
import Testing
@testable import Console
import Engine
import VigiaCore

/// Every text field that reaches the screen, filled with what an attacker
/// would send: escape sequences, controls, bidi overrides, zero-width
/// characters, emoji and a huge line. The screen shows them inert.
@Suite("Hostile text on screen")
struct HostileTextTests {
    static let evil = "\u{1B}]0;owned\u{07}\u{1B}[2J\u{1B}[31mRED\u{202E}evil\u{2066}x\u{200B}\u{200D}\u{FEFF}💣👩‍👩‍👧\u{0}\u{7F}\u{9B}31m" + String(repeating: "W", count: 20_000)

    static func hostile() -> Situation {
        var s = SituationFixture.make(role: .supervisor)
        let e = evil
        s.header.operatorName = "dina" + e
        s.alerts = s.alerts.map { a in
            var a = a
            a.title = e; a.camera = e; a.rule = e; a.procedure = e; a.evidence = [e: e]; a.history = [e]
            return a
        }
        s.hits = s.hits.map { h in
            var h = h
            h.candidate = e; h.orderReference = e; h.court = e; h.camera = e
            return h
        }
        s.flags = s.flags.map { f in
            var f = f
            f.text = e; f.phrases = [e, e]; f.district = e
            return f
        }
        s.cameras = s.cameras.map { c in var c = c; c.name = e; c.id = e; c.health = e; return c }
        return s
    }

    @Test("no control or bidi character reaches the terminal; every row keeps its width", arguments: [GlyphSet.unicode, .ascii])
    func inert(glyphs: GlyphSet) {
        let s = Self.hostile()
        for size in [TerminalSize(columns: 80, rows: 24), TerminalSize(columns: 160, rows: 45)] {
            for focus in Pane.allCases {
                for overlay in [nil, Overlay.details, .help] {
                    var state = UIState(language: .english, glyphs: glyphs)
                    state.focus = focus
                    state.overlay = overlay
                    let b = render(s, state, size)
                    for row in 0..<size.rows {
                        var width = 0
                        for column in 0..<size.columns {
                            let cell = b[row, column]
                            width += cell.width
                            for scalar in cell.glyph.unicodeScalars {
                                #expect(!TerminalSafe.isUnsafe(scalar) && scalar.value >= 0x20 && !(0x7F...0x9F).contains(scalar.value),
                                         "U+\(String(scalar.value, radix: 16)) reached the screen at \(row),\(column) (\(focus), \(String(describing: overlay)))")
                            }
                        }
                        #expect(width == size.columns, "row \(row) is \(width) cells wide at \(size.columns)")
                    }
                }
            }
        }
    }
}
