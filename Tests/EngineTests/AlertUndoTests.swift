import CameraAlerts
import Foundation
import Testing
@testable import Engine
@_spi(SignIn) import VigiaCore

/// `u` for a reflex: an operator's own acknowledge, close, snooze or forward
/// can be reversed for 10 s, as its own audited transition (issue 23).
@Suite("Undo of an alert action", .serialized)
struct AlertUndoTests {
    let pipeline = CameraAlertPipelineTests()
    let now = Date(timeIntervalSince1970: 1_542_301_200) // the fixture's clock

    func alert(_ f: EngineFixture) throws -> Int64 {
        _ = try pipeline.ingest(f, [pipeline.line(10, "C1", #""type":"loitering","label":"person","zone":"entrance","dwell_seconds":420"#)])
        return try #require(try f.engine.alertQueue(as: .feed).items.first?.stored.alert.id)
    }

    @Test("a close undone: open again without its disposition, both steps in the history and the audit, an undo is not undone, reports count no close")
    func closeUndone() throws {
        let (f, _, dina) = try pipeline.fixture()
        let id = try alert(f)
        try f.engine.perform(.acknowledge, onAlert: id, by: dina)
        try f.engine.perform(.close(.falseAlarm, note: nil), onAlert: id, by: dina)
        let back = try f.engine.undoLastAction(onAlert: id, by: dina)
        #expect(back.alert.state == .acknowledged && back.disposition == nil)
        let history = try f.engine.alertHistory(id: id, as: dina)
        #expect(history.map { "\($0.from.rawValue)>\($0.to.rawValue)" } == ["new>acknowledged", "acknowledged>closed", "closed>acknowledged"])
        #expect(history.last?.isUndo == true && history.last?.operatorName == "dina")
        let actions = try f.engine.audit.records(from: nil, to: nil).map(\.action).filter { $0.hasPrefix("alert.") }
        #expect(actions == ["alert.acknowledge", "alert.close", "alert.undo"])
        #expect(throws: EngineError.self) { try f.engine.undoLastAction(onAlert: id, by: dina) }
        #expect(AlertTransition.withoutUndone(history).map(\.to) == [.acknowledged], "the undone close and its undo are not counted")
        #expect(try f.engine.alertQueue(as: .feed).items.contains { $0.stored.alert.id == id })
        guard case .intact = try f.engine.auditReport().check.verification else { Issue.record("audit chain broken by an undo"); return }
    }

    @Test("not undoable: a dispatch, someone else's action, after 10 s, an alert never acted on")
    func refusals() throws {
        let (f, _, dina) = try pipeline.fixture()
        let id = try alert(f)
        #expect(throws: EngineError.self) { try f.engine.undoLastAction(onAlert: id, by: dina) }
        try f.engine.perform(.acknowledge, onAlert: id, by: dina)
        let sergio = Principal(name: "sergio", role: .supervisor)
        #expect(throws: EngineError.self) { try f.engine.undoLastAction(onAlert: id, by: sergio) }
        #expect(throws: EngineError.self) { try f.engine.undoLastAction(onAlert: id, by: Principal(name: "aud", role: .auditor)) }
        let late = try Engine(databasePath: f.databasePath, clock: FixedTimeSource(now.addingTimeInterval(11)))
        #expect(throws: EngineError.self) { try late.undoLastAction(onAlert: id, by: dina) }
        let inTime = try Engine(databasePath: f.databasePath, clock: FixedTimeSource(now.addingTimeInterval(9)))
        #expect(try inTime.undoLastAction(onAlert: id, by: dina).alert.state == .new)
        try inTime.perform(.acknowledge, onAlert: id, by: dina)
        try inTime.perform(.dispatch, onAlert: id, by: dina)
        do {
            try inTime.undoLastAction(onAlert: id, by: dina)
            Issue.record("a dispatch was undone")
        } catch { #expect("\(error)".contains("dispatch cannot be undone")) }
        #expect(try f.engine.alerts.alert(id: id)?.alert.state == .dispatched)
    }

    @Test("a forward undone gives the alert back to whoever had it; a snooze undone is no longer snoozed")
    func forwardAndSnooze() throws {
        let (f, _, dina) = try pipeline.fixture()
        let id = try alert(f)
        try f.engine.perform(.forward(to: "sergio", message: "look at the platform"), onAlert: id, by: dina)
        #expect(try f.engine.alerts.alert(id: id)?.assignedTo == "sergio")
        let back = try f.engine.undoLastAction(onAlert: id, by: dina)
        #expect(back.alert.state == .new && back.assignedTo == nil)
        try f.engine.perform(.snooze(minutes: 30), onAlert: id, by: dina)
        let unsnoozed = try f.engine.undoLastAction(onAlert: id, by: dina)
        #expect(unsnoozed.alert.state == .new && unsnoozed.snoozeUntil == nil)
    }

    @Test("in a replay at ×30 the window is 10 s of real time, 300 s of shift time")
    func replayWindow() throws {
        let f = try EngineFixture()
        let replay = try Engine(databasePath: f.databasePath, clock: ReplayClock(start: now, speed: 30))
        #expect(replay.undoWindowOnClock == 300)
        #expect(f.engine.undoWindowOnClock == 10)
    }

    @Test("withoutUndone drops each undo with the step it reversed, per alert, and keeps earlier steps")
    func withoutUndone() {
        func t(_ a: Int64, _ from: AlertState, _ to: AlertState, undo: Bool = false) -> AlertTransition {
            AlertTransition(alertID: a, from: from, to: to, operatorName: "d", at: now, note: nil, isUndo: undo)
        }
        let steps = [t(1, .new, .acknowledged), t(2, .new, .acknowledged), t(1, .acknowledged, .closed),
                     t(2, .acknowledged, .closed), t(1, .closed, .acknowledged, undo: true), t(1, .acknowledged, .dispatched)]
        let kept = AlertTransition.withoutUndone(steps)
        #expect(kept.map { "\($0.alertID):\($0.to.rawValue)" } == ["1:acknowledged", "2:acknowledged", "2:closed", "1:dispatched"])
    }
}
