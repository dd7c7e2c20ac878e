import Foundation
import Testing
@testable import Console
import Engine
@_spi(SignIn) import VigiaCore

/// The shift and audit views that cover the panes.
@Suite("Review views")
struct ReviewViewTests {
    static let start = Date(timeIntervalSince1970: 1_542_301_200)

    static func summary() -> ShiftSummary {
        func at(_ s: Double) -> Date { start.addingTimeInterval(s) }
        let alerts = [1, 2, 3].map { i in
            StoredAlert(alert: Alert(id: Int64(i), ruleID: i == 3 ? "cam-off" : "r", cameraID: "C\(i)", priority: i, createdAt: at(Double(i) * 600), title: "t"),
                        dedupeKey: nil, procedure: "", evidence: [:], escalateAfterSeconds: nil)
        }
        let records = ShiftRecords(
            start: start, end: at(4 * 3600), timeZone: SituationFixture.zone, alerts: alerts,
            transitions: [AlertTransition(alertID: 1, from: .new, to: .acknowledged, operatorName: "dina", at: at(645), note: nil),
                          AlertTransition(alertID: 2, from: .new, to: .acknowledged, operatorName: "diego", at: at(1500), note: nil)],
            ruleKinds: ["cam-off": "offline"],
            counters: ["faces.probes_received": 120, "faces.no_match": 117, "posts.classified": 900, "flags.threat_place": 2],
            audit: [AuditRecord.sealing(AuditEntry(principal: Principal(name: "sergio", role: .supervisor), action: .watchlistAdd, subject: "W-9"),
                                        sequence: 7, time: at(60), previousHash: AuditRecord.genesisHash)])
        return ShiftSummaryBuilder.build(records, forecast: nil, generatedAt: at(4 * 3600))
    }

    static func auditLines() -> [Situation.AuditLine] {
        [
            Situation.AuditLine(sequence: 3, time: start.addingTimeInterval(300), operatorName: "dina", role: "dispatcher", action: "alert.acknowledge",
                                subject: "41", details: "{}"),
            Situation.AuditLine(sequence: 2, time: start.addingTimeInterval(200), operatorName: "feed", role: "system", action: "ingest.events",
                                subject: "cam\u{1B}[2Jera\u{202E}s.jsonl", details: #"{"lines":12}"#),
            Situation.AuditLine(sequence: 1, time: start.addingTimeInterval(100), operatorName: "ana", role: "auditor", action: "login", subject: "ana", details: "{}"),
        ]
    }

    @Test("the shift view at two sizes, Spanish and English; the audit view filtered, hostile text shown inert")
    func golden() throws {
        var s = SituationFixture.make(role: .supervisor)
        s.review = .shift(Self.summary())
        var state = UIState(language: .spanish, glyphs: .unicode)
        state.review = .shift
        try Golden.check(render(s, state, TerminalSize(columns: 120, rows: 40)).text, named: "shift-120x40-unicode-es")
        state.language = .english
        state.glyphs = .ascii
        let narrow = render(s, state, TerminalSize(columns: 80, rows: 24)).text
        try Golden.check(narrow, named: "shift-80x24-ascii-en")
        #expect(narrow.contains("Shift summary so far") && narrow.contains("3 created"))

        var a = SituationFixture.make(role: .auditor)
        a.review = .audit(Self.auditLines(), total: 3)
        state.review = .audit
        state.glyphs = .unicode
        let all = render(a, state, TerminalSize(columns: 120, rows: 40)).text
        try Golden.check(all, named: "audit-120x40-unicode-en")
        #expect(!all.contains("\u{1B}") && !all.contains("\u{202E}") && all.contains("#2"))
        state.filter = "dina"
        let one = render(a, state, TerminalSize(columns: 120, rows: 40)).text
        #expect(one.contains("alert.acknowledge") && !one.contains("ingest.events") && one.contains("1 shown of 3"))
    }

    @Test("S and A open and close the views for the roles that may; pane actions do nothing under them")
    func keys() {
        let size = TerminalSize(columns: 120, rows: 40)
        var state = UIState(language: .english, glyphs: .unicode)
        let dispatcher = SituationFixture.make(role: .dispatcher)
        #expect(Reducer.reduce(&state, key: .char("S"), situation: dispatcher, size: size).command == nil)
        #expect(state.review == nil && state.message?.contains("Refused") == true)
        #expect(Reducer.reduce(&state, key: .char("A"), situation: SituationFixture.make(role: .supervisor), size: size).command == nil)
        #expect(state.review == nil, "the audit trail is for auditors and admins")

        let auditor = SituationFixture.make(role: .auditor)
        #expect(Reducer.reduce(&state, key: .char("A"), situation: auditor, size: size).effects.contains(.rebuild))
        #expect(state.review == .audit)
        #expect(Reducer.reduce(&state, key: .function(7), situation: auditor, size: size).effects.contains(.rebuild))
        #expect(state.review == .shift, "F7 switches to the shift view")
        _ = Reducer.reduce(&state, key: .down, situation: auditor, size: size)
        _ = Reducer.reduce(&state, key: .pageDown, situation: auditor, size: size)
        #expect(state.reviewScroll == 21)

        let supervisor = SituationFixture.make(role: .supervisor)
        state.focus = .alerts
        #expect(Reducer.reduce(&state, key: .char("a"), situation: supervisor, size: size).command == nil, "no acknowledging through the shift view")
        #expect(Reducer.reduce(&state, key: .escape, situation: supervisor, size: size).effects.contains(.rebuild))
        #expect(state.review == nil)
        #expect(Reducer.reduce(&state, key: .char("a"), situation: supervisor, size: size).command == .alert(41, .acknowledge))
    }
}
