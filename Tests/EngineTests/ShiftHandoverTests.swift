import Foundation
import GRDB
import Testing
@testable import Engine
@_spi(SignIn) import VigiaCore

/// The handover note (issue 23): one shift leaves it, the next shift's
/// operators see it when they sign in; audited, kept as long as closed alerts.
@Suite("Shift handover notes", .serialized)
struct ShiftHandoverTests {
    // Buenos Aires is UTC-3; the standard shifts are 06–14, 14–22, 22–06.
    static let fiveAM = Date(timeIntervalSince1970: 1_542_268_800)      // 2018-11-15 05:00, night shift
    static let tenToTwo = Date(timeIntervalSince1970: 1_542_300_600)    // 13:50, morning shift
    static let fivePastTwo = Date(timeIntervalSince1970: 1_542_301_500) // 14:05, afternoon shift
    static let fivePastTen = Date(timeIntervalSince1970: 1_542_330_300) // 22:05, the next night shift

    final class Desk {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vigia-handover-\(UUID().uuidString)")
        let clock = ManualTimeSource(ShiftHandoverTests.fiveAM)
        let engine: Engine
        var path: String { folder.appendingPathComponent("t.sqlite").path }
        init() throws {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            engine = try Engine(databasePath: folder.appendingPathComponent("t.sqlite").path, clock: clock)
            try engine.addOperator(name: "root", role: .admin, passphrase: "root-passphrase", by: nil)
        }
        deinit { try? FileManager.default.removeItem(at: folder) }
        var root: Principal { get throws { try engine.signIn(name: "root", passphrase: "root-passphrase") } }
    }

    let dina = Principal(name: "dina", role: .dispatcher)
    let ana = Principal(name: "ana", role: .auditor)

    @Test("a note written in the morning shift is shown to the afternoon shift, not to the night after; an older one never")
    func window() throws {
        let desk = try Desk()
        try desk.engine.perform(.handover("del turno noche: nada pendiente"), by: dina)
        desk.clock.set(Self.tenToTwo)
        try desk.engine.perform(.handover("  C2 sin imagen desde 13:10, llamar a mantenimiento.\nSeguir la alerta #4.  "), by: dina)
        desk.clock.set(Self.fivePastTwo)
        let shown = try desk.engine.handoverNotes(as: ana)
        #expect(shown.map(\.text) == ["C2 sin imagen desde 13:10, llamar a mantenimiento.\nSeguir la alerta #4."],
                "the morning's note, trimmed; the night's is two shifts old: \(shown)")
        #expect(shown.first?.operatorName == "dina" && shown.first?.at == Self.tenToTwo)
        #expect(try desk.engine.handoverNotes(at: Self.tenToTwo.addingTimeInterval(60), as: ana).map(\.text)
                == ["C2 sin imagen desde 13:10, llamar a mantenimiento.\nSeguir la alerta #4.", "del turno noche: nada pendiente"],
                "in the morning shift, the night's note and the writer's own, newest first")
        desk.clock.set(Self.fivePastTen)
        #expect(try desk.engine.handoverNotes(as: ana).isEmpty, "the afternoon wrote nothing for the night")
        #expect(try desk.engine.handoverNotes(at: Self.fiveAM.addingTimeInterval(-60), as: ana).isEmpty, "nothing before it was written")
    }

    @Test("at most ten are shown, newest first")
    func limit() throws {
        let desk = try Desk()
        desk.clock.set(Self.tenToTwo.addingTimeInterval(-3_600))
        for i in 1...12 {
            desk.clock.set(desk.clock.now().addingTimeInterval(60))
            try desk.engine.perform(.handover("nota \(i)"), by: dina)
        }
        desk.clock.set(Self.fivePastTwo)
        #expect(try desk.engine.handoverNotes(as: dina).map(\.text) == (3...12).reversed().map { "nota \($0)" })
    }

    @Test("an auditor or a feed cannot write one; an empty, invisible or too long note is refused and nothing is stored")
    func refusals() throws {
        let desk = try Desk()
        for who in [ana, Principal.feed] {
            #expect(throws: EngineError.self, "\(who.name) does not handle alerts") { try desk.engine.perform(.handover("hola"), by: who) }
        }
        for bad in ["", "   ", "\u{200B}\u{200B}", "\n\t", String(repeating: "x", count: Engine.maximumHandoverBytes + 1),
                    String(repeating: "ñ", count: Engine.maximumHandoverBytes / 2 + 1)] {
            #expect(throws: EngineError.self, "\(bad.prefix(8).debugDescription)") { try desk.engine.perform(.handover(bad), by: dina) }
        }
        try desk.engine.perform(.handover(String(repeating: "x", count: Engine.maximumHandoverBytes)), by: dina)
        let stored = try DatabaseQueue(path: desk.path).read { try Int.fetchOne($0, sql: "SELECT count(*) FROM handover_note") }
        #expect(stored == 1, "only the one at the limit")
    }

    @Test("each note is audited with its size and hash, not its text; the chain verifies")
    func audited() throws {
        let desk = try Desk()
        try desk.engine.perform(.handover("llamar a la comisaría 1"), by: dina)
        let record = try #require(try desk.engine.audit.records(from: nil, to: nil).last)
        #expect(record.action == "shift.handover" && record.operatorName == "dina")
        #expect(record.details.contains(#""bytes":24"#) && record.details.contains("\"sha256\":\"") && !record.details.contains("comisaría"),
                "\(record.details)")
        guard case .intact = try desk.engine.audit.verify() else { Issue.record("audit broken"); return }
    }

    @Test("retention deletes notes older than the closed-alert period, and says how many")
    func retention() throws {
        let desk = try Desk()
        try desk.engine.perform(.handover("vieja"), by: dina)
        desk.clock.set(Self.fiveAM.addingTimeInterval(86_400 * 100))
        try desk.engine.perform(.handover("nueva"), by: dina)
        let root = try desk.root
        #expect(try desk.engine.applyRetention(dryRun: true, by: root).handoverNotes == 1)
        #expect(try desk.engine.applyRetention(dryRun: false, by: root).handoverNotes == 1)
        let left = try DatabaseQueue(path: desk.path).read { try String.fetchAll($0, sql: "SELECT text FROM handover_note") }
        #expect(left == ["nueva"])
        let audit = try #require(try desk.engine.audit.records(from: nil, to: nil).last { $0.action == "retention.apply" })
        #expect(audit.details.contains(#""handover_notes":1"#), "\(audit.details)")
    }
}
