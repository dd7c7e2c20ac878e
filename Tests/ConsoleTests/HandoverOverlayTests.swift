import Foundation
import Testing
@testable import Console
import Engine
import VigiaCore

/// The handover note in the console (issue 23): `:handover TEXT` leaves it,
/// and the next operator to sign in sees it before anything else.
@Suite("Handover note in the console", .serialized)
struct HandoverOverlayTests {
    let size = TerminalSize(columns: 120, rows: 40)
    let driver = ConsoleDriverTests()

    func type(_ s: ConsoleSession, _ text: String) {
        for c in text { s.press(.char(c), size: size) }
        s.press(.enter, size: size)
    }

    @Test(":handover TEXT stores the note; :login as the next operator opens it; keys behind it do nothing; Esc closes it")
    func signIn() throws {
        let room = try ConsoleDriverTests.Room()
        try room.feedEvents()
        let dina = try driver.session(room, "dina")
        dina.press(.char(":"), size: size)
        type(dina, "handover")
        #expect(dina.state.message?.contains("usage: handover TEXT") == true, "the bare word says how: \(dina.state.message ?? "")")
        dina.press(.char(":"), size: size)
        type(dina, "handover C1 tapada a las 14:01, mantenimiento avisado; seguir la alerta")
        #expect(dina.state.message?.contains("Handover note saved") == true, "\(dina.state.message ?? "")")
        let audit = try room.engine.auditTrail(limit: 1000, as: try room.engine.signIn(name: "root", passphrase: "root-passphrase")).records
        #expect(audit.contains { $0.kind == .shiftHandover && $0.operatorName == "dina" })

        let console = try driver.session(room, "sergio")
        #expect(console.state.overlay.map { if case .handover = $0 { true } else { false } } == true, "sergio starts on the notes")
        console.press(.escape, size: size)
        console.press(.char(":"), size: size)
        type(console, "login diego")
        type(console, "diego-passphrase")
        guard case .handover(let notes) = console.state.overlay else { Issue.record("no handover overlay: \(String(describing: console.state.overlay))"); return }
        #expect(notes.map(\.operatorName) == ["dina"])
        let screen = console.screen(size).text
        #expect(screen.contains("Handover: notes from the last shift") && screen.contains("C1 tapada a las 14:01") && screen.contains("dina"), "\(screen)")
        let alert = try #require(console.situation.alerts.first)
        console.press(.char("2"), size: size)
        console.press(.char("a"), size: size)
        #expect(console.situation.alerts.first { $0.id == alert.id }?.state == .new, "a key behind the notes acted")
        #expect(console.state.focus == .map, "a key behind the notes moved the focus")
        console.press(.escape, size: size)
        #expect(console.state.overlay == nil)
        #expect(console.state.message?.contains("Signed in: diego") == true)

        // A console started signed in (vigia console --operator diego) opens on the notes too.
        let started = try driver.session(room, "diego")
        guard case .handover(let first)? = started.state.overlay else { Issue.record("a console started signed in hid the notes"); return }
        #expect(first.map(\.text) == notes.map(\.text))
    }

    @Test("an auditor cannot leave a note from the palette; the refusal is said")
    func refused() throws {
        let room = try ConsoleDriverTests.Room()
        let root = try room.engine.signIn(name: "root", passphrase: "root-passphrase")
        try room.engine.addOperator(name: "ana", role: .auditor, passphrase: "ana-passphrase", by: root)
        let ana = try driver.session(room, "ana")
        ana.press(.char(":"), size: size)
        type(ana, "handover hola")
        #expect(ana.state.message?.hasPrefix("Refused") == true, "\(ana.state.message ?? "")")
    }

    @Test("the notes at 80×24 (golden, es, ASCII): wrapped, scrolled when long, the control characters of a hostile note made harmless")
    func golden() throws {
        let s = SituationFixture.make()
        let small = TerminalSize(columns: 80, rows: 24)
        let at = Date(timeIntervalSince1970: 1_542_318_000)
        var notes = [HandoverNote(operatorName: "dina", at: at, text: "C1 tapada desde las 21:40: mantenimiento avisado, ticket 4411. Seguir la alerta #41 hasta que vuelva la imagen.\nLlamar a la comisaría 1 por la moto de Constitución.\u{1B}[2J")]
        notes += (1...6).map { HandoverNote(operatorName: "diego", at: at.addingTimeInterval(Double(-600 * $0)), text: "nota \($0): todo en orden en la zona \($0), sin novedades para el próximo turno") }
        var state = UIState(language: .spanish, glyphs: .ascii)
        state.overlay = .handover(notes)
        let first = render(s, state, small).text
        #expect(!first.contains("\u{1B}"), "an escape in a note reaches the terminal")
        try Golden.check(first, named: "handover-80x24-ascii-es")
        #expect(first.contains("Relevo: notas del turno anterior") && first.contains("dina"))
        for _ in 0..<40 { _ = Reducer.reduce(&state, key: .down, situation: s, size: small) }
        let end = render(s, state, small).text
        #expect(end.contains("nota 6") && !end.contains("C1 tapada"), "scrolled to the end: \(end)")
        _ = Reducer.reduce(&state, key: .enter, situation: s, size: small)
        #expect(state.overlay == nil)
    }

    @Test("a note's long word (a URL) and wide characters are broken, not cut off; a blank line stays")
    func wrapping() {
        let url = "https://tickets.example/mantenimiento/4411?camara=CAM-004&zona=andenes"
        let pieces = Overlays.wrap("ver \(url) hoy", width: 30)
        #expect(pieces.allSatisfy { Draw.width($0) <= 30 } && pieces.joined().replacingOccurrences(of: " ", with: "") == "ver\(url)hoy", "\(pieces)")
        let wide = Overlays.wrap(String(repeating: "監視", count: 20), width: 9)
        #expect(wide.allSatisfy { Draw.width($0) <= 9 } && wide.joined() == String(repeating: "監視", count: 20), "\(wide)")
        let note = HandoverNote(operatorName: "dina", at: Date(timeIntervalSince1970: 1_542_318_000), text: "uno\n\ndos")
        let lines = Overlays.handoverLines([note], UIState(language: .english, glyphs: .unicode), TerminalSize(columns: 80, rows: 24), zone: TimeZone(identifier: "UTC")!)
        #expect(lines.dropFirst() == ["  uno", "", "  dos"], "\(lines)")
    }
}
