import CameraAlerts
import Foundation
import Testing
@testable import Engine
@_spi(SignIn) import VigiaCore

/// Alarm handling as Genetec and Milestone operators expect (issue 21): a
/// per-rule close condition with an audited supervisor override, procedures
/// as numbered steps whose ticks are stored, and the shift summary that
/// counts escalations, overrides and ticks.
@Suite("Close conditions, overrides and procedure steps", .serialized)
struct CloseConditionAndProcedureTests {
    let pipeline = CameraAlertPipelineTests()
    let loiter = #""type":"loitering","label":"person","zone":"entrance","dwell_seconds":420"#
    let sergio = Principal(name: "sergio", role: .supervisor)

    static let rules = """
    [rule loiter]
    kind = loitering
    labels = person
    min_dwell = 300
    priority = 3
    escalate_after = 120
    procedure = 1. Watch the person 2. Send the nearest unit 3. Write down what they found

    [rule offline]
    kind = offline
    missed_heartbeats = 3
    priority = 2
    procedure = Call maintenance | Check the neighbouring cameras
    """

    func fixture(rules: String = Self.rules) throws -> (EngineFixture, dina: Principal) {
        let (f, _, dina) = try pipeline.fixture()
        _ = try f.engine.loadRules(text: rules, source: "rules.conf", by: sergio)
        return (f, dina)
    }

    /// C2 falls silent: an offline alert for it, acknowledged.
    func offlineAlert(_ f: EngineFixture, _ dina: Principal) throws -> Int64 {
        _ = try pipeline.ingest(f, [pipeline.line(0, "C1", #""type":"heartbeat""#), pipeline.line(0, "C2", #""type":"heartbeat""#),
                                    pipeline.line(120, "C1", #""type":"heartbeat""#), pipeline.line(240, "C1", #""type":"heartbeat""#)])
        let id = try #require(try f.engine.alertQueue(as: dina).items.first { $0.stored.alert.ruleID == "offline" }?.stored.alert.id)
        try f.engine.perform(.acknowledge, onAlert: id, by: dina)
        return id
    }

    @Test("close_when = camera_online (the offline default): closing while the camera is down is refused; a dispatcher cannot override; a supervisor can, with a reason, audited")
    func supervisorOverride() throws {
        let (f, dina) = try fixture()
        let id = try offlineAlert(f, dina)
        #expect(try f.engine.alert(id: id, as: dina)?.evidence["close_when"] == "camera_online")
        do {
            try f.engine.perform(.close(.attended, note: nil), onAlert: id, by: dina)
            Issue.record("closed while C2 is still offline")
        } catch let e as EngineError {
            #expect(String(describing: e).contains("still offline") && String(describing: e).contains("override"), "the refusal says why and what else: \(e)")
        }
        #expect(throws: EngineError.self, "a dispatcher has no override") {
            try f.engine.perform(.closeOverriding(.attended, note: nil, reason: "maintenance on site"), onAlert: id, by: dina)
        }
        for blank in ["  ", "\u{01}", "\u{200B}", "\n\t", String(repeating: "x", count: 1_025)] {
            #expect(throws: EngineError.self, "an override needs a reason in words: \(blank.debugDescription)") {
                try f.engine.perform(.closeOverriding(.attended, note: nil, reason: blank), onAlert: id, by: sergio)
            }
        }
        #expect(throws: EngineError.self, "a note is capped") {
            try f.engine.perform(.closeOverriding(.attended, note: String(repeating: "n", count: 130_000), reason: "ok"), onAlert: id, by: sergio)
        }
        #expect(try f.engine.alert(id: id, as: dina)?.alert.state == .acknowledged, "nothing moved on a refusal")
        let closed = try f.engine.perform(.closeOverriding(.attended, note: nil, reason: "camera being replaced; ticket 4411"), onAlert: id, by: sergio)
        #expect(closed.alert.state == .closed && closed.disposition == .attended)
        let audit = try #require(try f.engine.audit.records(from: nil, to: nil).last { $0.action == "alert.close.override" })
        #expect(audit.operatorName == "sergio" && audit.subject == String(id))
        #expect(audit.details.contains("camera being replaced; ticket 4411") && audit.details.contains(#""condition_held":"offline""#))
        let last = try #require(try f.engine.alertHistory(id: id, as: dina).last)
        #expect(last.to == .closed && last.operatorName == "sergio" && last.note?.contains("override: camera being replaced") == true)
        guard case .intact = try f.engine.audit.verify() else { Issue.record("audit broken"); return }
    }

    @Test("close_when = none lifts the condition; after the camera's heartbeat a camera_online alert closes without override")
    func ruleSaysNone() throws {
        let none = Self.rules.replacingOccurrences(of: "missed_heartbeats = 3", with: "missed_heartbeats = 3\nclose_when = none")
        let (f, dina) = try fixture(rules: none)
        let id = try offlineAlert(f, dina)
        #expect(try f.engine.alert(id: id, as: dina)?.evidence["close_when"] == "none")
        #expect(try f.engine.perform(.close(.noActionNeeded, note: nil), onAlert: id, by: dina).alert.state == .closed)

        let (g, dina2) = try fixture()
        let held = try offlineAlert(g, dina2)
        #expect(try g.engine.conditionHolding(alert: held, as: dina2) == "offline")
        _ = try pipeline.ingest(g, [pipeline.line(300, "C2", #""type":"heartbeat""#), pipeline.line(301, "C1", #""type":"heartbeat""#)])
        #expect(try g.engine.conditionHolding(alert: held, as: dina2) == nil)
        #expect(try g.engine.perform(.close(.attended, note: "back"), onAlert: held, by: dina2).alert.state == .closed)
    }

    @Test("procedure steps: ticked once each, by whom and when, audited; wrong numbers and closed alerts refused; the state does not move")
    func ticks() throws {
        let (f, dina) = try fixture()
        _ = try pipeline.ingest(f, [pipeline.line(10, "C1", loiter)])
        let id = try #require(try f.engine.alertQueue(as: dina).items.first?.stored.alert.id)
        let steps = try f.engine.procedureSteps(alert: id, as: dina)
        #expect(steps.map(\.text) == ["Watch the person", "Send the nearest unit", "Write down what they found"])
        #expect(steps.allSatisfy { $0.tick == nil })
        let after = try f.engine.perform(.tickStep(2), onAlert: id, by: dina)
        #expect(after.alert.state == .new, "a tick is not a life-cycle step")
        #expect(try f.engine.procedureSteps(alert: id, as: dina).map { $0.tick?.operatorName } == [nil, "dina", nil])
        #expect(throws: EngineError.self, "a step is ticked once") { try f.engine.perform(.tickStep(2), onAlert: id, by: self.sergio) }
        for bad in [0, 4, -1] {
            #expect(throws: EngineError.self, "step \(bad)") { try f.engine.perform(.tickStep(bad), onAlert: id, by: dina) }
        }
        #expect(throws: EngineError.self, "an auditor does not handle alerts") {
            try f.engine.perform(.tickStep(1), onAlert: id, by: Principal(name: "ana", role: .auditor))
        }
        let audited = try f.engine.audit.records(from: nil, to: nil).filter { $0.action == "alert.step" }
        #expect(audited.count == 1 && audited[0].operatorName == "dina" && audited[0].details == #"{"of":3,"step":2}"#)
        try f.engine.perform(.close(.attended, note: nil), onAlert: id, by: dina)
        #expect(throws: EngineError.self, "a closed alert's record is final") { try f.engine.perform(.tickStep(1), onAlert: id, by: dina) }
        #expect(try f.engine.situationAlertSteps(id, as: dina) == nil, "a closed alert leaves the queue")
    }

    @Test("a Frigate review's end is recorded on the alert it raised, once; another review's end or camera touches nothing")
    func reviewEnd() throws {
        let (f, dina) = try fixture(rules: "[rule person]\nkind = detection\nlabels = person\npriority = 3\n")
        func review(_ type: String, id: String, start: Double, end: Double?, camera: String = "plaza") -> String {
            #"frigate/reviews {"type":"\#(type)","before":{"severity":"alert"},"after":{"id":"\#(id)","camera":"\#(camera)","start_time":\#(start),"end_time":\#(end.map { String($0) } ?? "null"),"severity":"alert","data":{"objects":["person"],"zones":["entrance"]}}}"#
        }
        let t = 1_542_301_210.0
        let report = try pipeline.ingest(f, [
            review("new", id: "r1", start: t, end: nil).replacingOccurrences(of: #""before":{"severity":"alert"}"#, with: #""before":{}"#),
            review("end", id: "other", start: t, end: t + 30),
            review("end", id: "r1", start: t, end: t + 45),
            review("end", id: "r1", start: t, end: t + 90),
        ], format: .frigate)
        #expect(report.alerts == 1 && report.quarantined == 0)
        let alert = try #require(try f.engine.alertQueue(as: dina).items.first?.stored)
        #expect(alert.evidence["track"] == "review:r1")
        #expect(alert.endedAt == Date(timeIntervalSince1970: t + 45), "the first end stands; a repeat changes nothing")
        #expect(try f.engine.alertQueue(as: dina).items.count == 1, "an end raises no alert")
    }

    @Test("attack: a new or empty feed, or a heartbeat dated before the outage, does not bring an offline camera back, so the close stays refused")
    func healthSurvivesANewFeed() throws {
        let (f, dina) = try fixture()
        let id = try offlineAlert(f, dina)
        #expect(try f.engine.conditionHolding(alert: id, as: dina) == "offline")
        _ = try pipeline.ingest(f, [])
        #expect(try f.engine.conditionHolding(alert: id, as: dina) == "offline", "an empty feed starting is no sign of life")
        _ = try pipeline.ingest(f, [pipeline.line(-86_400 * 365, "C2", #""type":"heartbeat""#)])
        #expect(try f.engine.conditionHolding(alert: id, as: dina) == "offline", "a heartbeat from a year before the outage")
        #expect(throws: EngineError.self) { try f.engine.perform(.close(.attended, note: nil), onAlert: id, by: dina) }
        _ = try pipeline.ingest(f, [pipeline.line(600, "C2", #""type":"heartbeat""#)])
        #expect(try f.engine.conditionHolding(alert: id, as: dina) == nil, "a heartbeat after the outage")
    }

    @Test("attack: a tamper alert keeps its camera tampered while open, across feeds; closing it clears the state; an offline camera blocks the close")
    func tamperState() throws {
        let rules = Self.rules + "\n[rule tamper]\nkind = tamper\npriority = 1\n"
        let (f, dina) = try fixture(rules: rules)
        _ = try pipeline.ingest(f, [pipeline.line(0, "C1", #""type":"heartbeat""#), pipeline.line(0, "C2", #""type":"heartbeat""#),
                                    pipeline.line(30, "C1", #""type":"tamper","reason":"view_blocked""#), pipeline.line(60, "C1", #""type":"heartbeat""#),
                                    pipeline.line(60, "C2", #""type":"heartbeat""#)])
        let tamper = try #require(try f.engine.alertQueue(as: dina).items.first { $0.stored.alert.ruleID == "tamper" }?.stored)
        #expect(tamper.evidence["condition"] == "tampered" && tamper.evidence["close_when"] == "camera_online")
        #expect(try f.engine.alertQueue(as: dina).cameraHealth["C1"] == "tampered")
        _ = try pipeline.ingest(f, [])
        #expect(try f.engine.alertQueue(as: dina).cameraHealth["C1"] == "tampered", "a new feed does not clear tampering")
        try f.engine.perform(.close(.attended, note: "view restored"), onAlert: tamper.alert.id, by: dina)
        #expect(try f.engine.alertQueue(as: dina).cameraHealth["C1"] == "online", "closing the tamper alert clears it")
    }

    @Test("attack: a review's end never lands on an alert from another source whose track has the same text")
    func reviewEndOnlyOnItsAlert() throws {
        let (f, dina) = try fixture()
        _ = try pipeline.ingest(f, [pipeline.line(10, "C1", #""type":"loitering","label":"person","zone":"entrance","dwell_seconds":420,"track":"tX1""#)])
        let id = try #require(try f.engine.alertQueue(as: dina).items.first?.stored.alert.id)
        #expect(try f.engine.alert(id: id, as: dina)?.evidence["track"] == "tX1")
        let end = #"frigate/reviews {"type":"end","after":{"id":"tX1","camera":"plaza","severity":"alert","start_time":1542301210,"end_time":1542301300}}"#
        _ = try pipeline.ingest(f, [end], format: .frigate)
        #expect(try f.engine.alert(id: id, as: dina)?.endedAt == nil)
    }

    @Test("notes: stored with who and when, audited with the text's hash, on closed alerts too; blank, oversized and auditor notes refused")
    func notes() throws {
        let (f, dina) = try fixture()
        _ = try pipeline.ingest(f, [pipeline.line(10, "C1", loiter)])
        let id = try #require(try f.engine.alertQueue(as: dina).items.first?.stored.alert.id)
        try f.engine.perform(.note("  the man left towards Plaza Once  "), onAlert: id, by: dina)
        try f.engine.perform(.close(.attended, note: nil), onAlert: id, by: dina)
        try f.engine.perform(.note("unit 12 confirmed nothing taken"), onAlert: id, by: sergio)
        let notes = try f.engine.alertNotes(alerts: [id], as: dina)
        #expect(notes.map(\.text) == ["the man left towards Plaza Once", "unit 12 confirmed nothing taken"])
        #expect(notes.map(\.operatorName) == ["dina", "sergio"])
        #expect(try f.engine.alert(id: id, as: dina)?.alert.state == .closed, "a note moves no state")
        let audited = try f.engine.audit.records(from: nil, to: nil).filter { $0.action == "alert.note" }
        #expect(audited.count == 2 && audited[0].details.contains(#""sha256":"#) && !audited[0].details.contains("Plaza Once"))
        for bad in ["", "   ", "\u{01}", String(repeating: "x", count: 2_049)] {
            #expect(throws: EngineError.self, "\(bad.prefix(5).debugDescription)") { try f.engine.perform(.note(bad), onAlert: id, by: dina) }
        }
        #expect(throws: EngineError.self) { try f.engine.perform(.note("looked"), onAlert: id, by: Principal(name: "ana", role: .auditor)) }
        #expect(try f.engine.alertNotes(alerts: [id], as: dina).count == 2)
    }

    @Test("bulk close: one disposition and reason for a set, each closed as one by one (the close condition too), each audited, plus one record of the whole")
    func bulkClose() throws {
        let (f, dina) = try fixture()
        _ = try pipeline.ingest(f, [pipeline.line(10, "C1", loiter), pipeline.line(11, "C2", loiter)])
        let offline = try offlineAlert(f, dina)
        let loiters = try f.engine.alertQueue(as: dina).items.filter { $0.stored.alert.ruleID == "loiter" }.map(\.stored.alert.id)
        #expect(loiters.count == 2)
        for bad in ["", " ", "\u{01}"] {
            #expect(throws: EngineError.self) { try f.engine.closeAll(loiters, disposition: .falseAlarm, reason: bad, by: dina) }
        }
        #expect(throws: EngineError.self) { try f.engine.closeAll(loiters, disposition: .falseAlarm, reason: "x", by: Principal(name: "ana", role: .auditor)) }
        #expect(throws: EngineError.self) { try f.engine.closeAll([], disposition: .falseAlarm, reason: "x", by: dina) }
        let r = try f.engine.closeAll(loiters + [offline, loiters[0]], disposition: .falseAlarm, reason: "pigeons on the sensor", by: dina)
        #expect(r.closed == loiters)
        #expect(r.refused.map(\.alert) == [offline] && r.refused[0].reason.contains("still offline"))
        for id in loiters { #expect(try f.engine.alert(id: id, as: dina)?.disposition == .falseAlarm) }
        let records = try f.engine.audit.records(from: nil, to: nil)
        #expect(records.filter { $0.action == "alert.close" }.count == 2)
        let bulk = try #require(records.last { $0.action == "alert.close.bulk" })
        #expect(bulk.operatorName == "dina" && bulk.details.contains("pigeons on the sensor") && bulk.details.contains(#""refused":[\#(offline)]"#))
    }

    @Test("the shift summary counts escalations, overrides and procedure ticks, and lists alerts closed with steps left")
    func summary() throws {
        let (f, dina) = try fixture()
        _ = try pipeline.ingest(f, [pipeline.line(10, "C1", loiter)])
        let loiterID = try #require(try f.engine.alertQueue(as: dina).items.first?.stored.alert.id)
        let offline = try offlineAlert(f, dina)
        try f.engine.perform(.tickStep(1), onAlert: loiterID, by: dina)
        try f.engine.perform(.tickStep(3), onAlert: loiterID, by: dina)
        try f.engine.perform(.close(.falseAlarm, note: nil), onAlert: loiterID, by: dina)
        try f.engine.perform(.tickStep(1), onAlert: offline, by: dina)
        try f.engine.perform(.tickStep(2), onAlert: offline, by: dina)
        try f.engine.perform(.closeOverriding(.attended, note: nil, reason: "replaced"), onAlert: offline, by: sergio)
        let start = Date(timeIntervalSince1970: 1_542_301_200 - 3600)
        let s = try f.engine.shiftSummary(start: start, end: start.addingTimeInterval(8 * 3600), exported: false, as: sergio)
        #expect(s.alerts.escalated == 1, "the loitering alert waited past 120 s unacknowledged")
        #expect(s.alerts.closeOverrides == 1)
        // An override undone and made again is one alert closed by override, not two.
        try f.engine.undoLastAction(onAlert: offline, by: sergio)
        try f.engine.perform(.closeOverriding(.attended, note: nil, reason: "replaced, really"), onAlert: offline, by: sergio)
        let again = try f.engine.shiftSummary(start: start, end: start.addingTimeInterval(8 * 3600), exported: false, as: sergio)
        #expect(again.alerts.closeOverrides == 1)
        let p = s.alerts.procedures
        #expect(p.alerts == 2 && p.steps == 5 && p.complete == 1)
        #expect(p.closedIncomplete == [IncompleteProcedure(alert: loiterID, rule: "loiter", ticked: 2, steps: 3)])
        let markdown = ReportRenderer.markdown(s.blocks)
        #expect(markdown.contains("Procedures") && markdown.contains("| #\(loiterID) | loiter | 2/3 |"))
        #expect(markdown.contains("closed by override"))
    }
}

extension Engine {
    /// The steps the console shows for an alert still in the queue (nil once it left).
    func situationAlertSteps(_ id: Int64, as principal: Principal) throws -> [ProcedureStepView]? {
        guard try alertQueue(as: principal).items.contains(where: { $0.stored.alert.id == id }) else { return nil }
        return try procedureSteps(alert: id, as: principal)
    }
}
