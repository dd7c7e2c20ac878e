import CameraAlerts
import Foundation
import Testing
@testable import Engine
import VigiaCore

/// Escalation stored as it happens, as Genetec and Milestone operators
/// expect: not only worked out when the queue is read (issue 21).
@Suite("Escalations on record", .serialized)
struct EscalationRecordTests {
    let pipeline = CameraAlertPipelineTests()
    let loiter = #""type":"loitering","label":"person","zone":"entrance","dwell_seconds":420"#
    let start = Date(timeIntervalSince1970: 1_542_301_200)

    func escalations(_ f: EngineFixture, _ id: Int64) throws -> [AlertTransition] {
        try f.engine.alerts.transitions(alertID: id).filter { $0.from == .new && $0.to == .new }
    }

    @Test("the feed records an escalation once, at the moment it came due, by the system, audited; an acknowledged alert never escalates")
    func byTheFeed() throws {
        let (f, _, dina) = try pipeline.fixture()
        // Two alerts at 10 s (escalate_after 120 s); one is acknowledged; the feed's clock then passes 200 s.
        _ = try pipeline.ingest(f, [pipeline.line(10, "C1", loiter)])
        let first = try #require(try f.engine.alertQueue(as: .feed).items.first?.stored.alert.id)
        #expect(try escalations(f, first).isEmpty, "not due yet at 10 s")
        _ = try pipeline.ingest(f, [pipeline.line(11, "C2", #""type":"loitering","label":"person","zone":"entrance","dwell_seconds":420"#)])
        let ids = try f.engine.alertQueue(as: .feed).items.map(\.stored.alert.id)
        #expect(ids.count == 2)
        try f.engine.perform(.acknowledge, onAlert: first, by: dina)
        _ = try pipeline.ingest(f, [pipeline.line(200, "C1", #""type":"heartbeat""#), pipeline.line(210, "C2", #""type":"heartbeat""#)])
        _ = try pipeline.ingest(f, [pipeline.line(400, "C1", #""type":"heartbeat""#)])
        for id in ids where id != first {
            let e = try escalations(f, id)
            #expect(e.count == 1, "one escalation, however many batches pass: \(e)")
            #expect(e.first?.operatorName == Principal.feed.name && e.first?.note?.contains("P3 → P2") == true)
            let created = try #require(try f.engine.alerts.alert(id: id)).alert.createdAt
            #expect(e.first?.at == created.addingTimeInterval(120), "recorded at the moment it came due")
        }
        #expect(try escalations(f, first).isEmpty, "acknowledged before it was due")
        let audited = try f.engine.audit.records(from: nil, to: nil).filter { $0.action == "alert.escalate" }
        #expect(audited.count == ids.count - 1 && audited.allSatisfy { $0.operatorName == Principal.feed.name })
        guard case .intact = try f.engine.auditReport().check.verification else { Issue.record("audit broken"); return }
    }

    @Test("with no feed running, acting on any alert records what came due first, then the action")
    func withoutAFeed() throws {
        let (f, _, dina) = try pipeline.fixture()
        _ = try pipeline.ingest(f, [pipeline.line(10, "C1", loiter)])
        let id = try #require(try f.engine.alertQueue(as: .feed).items.first?.stored.alert.id)
        let later = try Engine(databasePath: f.databasePath, clock: FixedTimeSource(start.addingTimeInterval(600)))
        try later.perform(.acknowledge, onAlert: id, by: dina)
        let history = try later.alertHistory(id: id, as: dina).map { "\($0.from.rawValue)>\($0.to.rawValue)" }
        #expect(history == ["new>new", "new>acknowledged"], "\(history)")
    }
}
