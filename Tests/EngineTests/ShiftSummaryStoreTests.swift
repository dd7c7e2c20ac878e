import Foundation
import GRDB
import Testing
@testable import Engine
@_spi(SignIn) import VigiaCore

/// What the summary reads from the database: the alerts open during the
/// shift, the shift's hourly counters; who may export it, and that it is audited.
@Suite("Shift summary from the store", .serialized)
struct ShiftSummaryStoreTests {
    let start = 1_542_301_200.0  // 2018-11-15 14:00 local

    @Test("alerts open during the shift and the shift's hourly counters; exports are audited and role-checked")
    func readsTheShift() throws {
        let f = try EngineFixture()
        let root = try f.admin()
        let q = try DatabaseQueue(path: f.databasePath)
        try q.write { db in
            // 1 closed before the shift, 2 closed during it, 3 open from before, 4 created in it, 5 created after it.
            for (id, created, state) in [(1, -7200.0, "closed"), (2, -3600.0, "closed"), (3, -600.0, "new"), (4, 3600.0, "acknowledged"), (5, 9 * 3600.0, "new")] {
                try db.execute(sql: """
                    INSERT INTO alert (id, rule_id, camera_id, priority, state, created_at, title, dedup_key, details, procedure)
                    VALUES (?, 'r', 'C1', 2, ?, ?, 't', NULL, '{}', '')
                    """, arguments: [id, state, start + created])
            }
            try db.execute(sql: "INSERT INTO alert_transition (alert_id, from_state, to_state, operator, at, note, details) VALUES (1, 'new', 'closed', 'dina', ?, NULL, '{}')",
                           arguments: [start - 3000])
            try db.execute(sql: "INSERT INTO alert_transition (alert_id, from_state, to_state, operator, at, note, details) VALUES (2, 'new', 'closed', 'dina', ?, NULL, '{}')",
                           arguments: [start + 60])
            try db.execute(sql: "INSERT INTO alert_transition (alert_id, from_state, to_state, operator, at, note, details) VALUES (4, 'new', 'acknowledged', 'dina', ?, NULL, '{}')",
                           arguments: [start + 3700])
            for (period, n) in [("2018-11-15T13", 100), ("2018-11-15T14", 5), ("2018-11-15T21", 7), ("2018-11-15T22", 1000), ("2018-11-15", 50)] {
                try db.execute(sql: "INSERT INTO counter (name, period, value) VALUES ('faces.probes_received', ?, ?)", arguments: [period, n])
            }
        }
        let from = Date(timeIntervalSince1970: start), to = Date(timeIntervalSince1970: start + 8 * 3600)
        #expect(try f.engine.alerts.alerts(activeFrom: from, to: to).map(\.alert.id) == [2, 3, 4])
        #expect(try f.engine.alerts.counters(fromPeriod: "2018-11-15T14", toPeriod: "2018-11-15T22")["faces.probes_received"] == 12)

        let summary = try f.engine.shiftSummary(start: from, end: to, exported: true, as: root)
        #expect(summary.faces.probesReceived == 12 && summary.alerts.created == 1 && summary.alerts.unhandledAtEnd == 1)
        let exports = try f.engine.audit.records(from: nil, to: nil).filter { $0.action == "summary.export" }
        #expect(exports.count == 1 && exports.first?.subject == "2018-11-15T14:00:00-03:00/2018-11-15T22:00:00-03:00")
        #expect(throws: EngineError.self) { _ = try f.engine.shiftSummary(start: from, end: to, exported: true, as: Principal(name: "dina", role: .dispatcher)) }
        #expect(throws: EngineError.self) { _ = try f.engine.shiftSummary(start: to, end: from, exported: false, as: root) }
        _ = try f.engine.transparencyReport(from: from, to: to, as: Principal(name: "ana", role: .auditor))
        #expect(try f.engine.audit.records(from: nil, to: nil).contains { $0.action == "transparency.export" && $0.operatorName == "ana" })
    }

    @Test("the console's review views: the engine refuses a dispatcher; an auditor reads the trail newest first")
    func reviewViews() throws {
        let f = try EngineFixture()
        _ = try f.admin()
        let source = SituationSource(engine: f.engine)
        let dispatcher = try source.situation(SituationSource.Request(principal: Principal(name: "dina", role: .dispatcher), review: .shift))
        guard case .unavailable(let why)? = dispatcher.review else { Issue.record("a dispatcher got a shift summary"); return }
        #expect(why.contains("export"))
        let auditor = try source.situation(SituationSource.Request(principal: Principal(name: "ana", role: .auditor), review: .audit))
        guard case .audit(let lines, let total)? = auditor.review else { Issue.record("no audit trail for the auditor"); return }
        #expect(total >= 1 && lines.count == total && lines.map(\.sequence) == lines.map(\.sequence).sorted(by: >))
        let supervisor = try source.situation(SituationSource.Request(principal: Principal(name: "sergio", role: .supervisor), review: .audit))
        if case .audit? = supervisor.review { Issue.record("the audit trail is for auditors and admins") }
        let none = try source.situation(SituationSource.Request(principal: Principal(name: "sergio", role: .supervisor)))
        #expect(none.review == nil)
    }
}
