import Foundation
import Testing
@testable import CameraAlerts
import VigiaCore

/// The rules-file side of issue 21's alarm handling: numbered procedure
/// steps, `close_when`, and a Frigate review's end.
@Suite("Procedure steps and close conditions in rules")
struct ProcedureAndCloseRuleTests {
    @Test("a procedure splits into numbered steps: 1. … 2. …, 1) … 2) …, a | b; anything else is one step")
    func steps() {
        #expect(ProcedureSteps.split("1. Look at the camera 2. Send a unit 3. Close") == ["Look at the camera", "Send a unit", "Close"])
        #expect(ProcedureSteps.split("1) Call maintenance. 2) Check the neighbours") == ["Call maintenance.", "Check the neighbours"])
        #expect(ProcedureSteps.split("Call maintenance | Check the neighbours |  ") == ["Call maintenance", "Check the neighbours"])
        #expect(ProcedureSteps.split("Look, then send a unit.") == ["Look, then send a unit."])
        #expect(ProcedureSteps.split("") == [] && ProcedureSteps.split("   ") == [])
        // A number that is not the next one, or not followed by its mark and a space, stays in the text.
        #expect(ProcedureSteps.split("1. Wait 5. minutes then call 2. Report") == ["Wait 5. minutes then call", "Report"])
        #expect(ProcedureSteps.split("1. Count to 2.5 then act") == ["Count to 2.5 then act"])
        #expect(ProcedureSteps.split("1.5 km north") == ["1.5 km north"])
        let many = (1...30).map { "\($0). s\($0)" }.joined(separator: " ")
        let split = ProcedureSteps.split(many)
        #expect(split.count == ProcedureSteps.maximumSteps && split.first == "s1" && split.last?.hasPrefix("s20") == true && split.last?.hasSuffix("s30") == true)
        let numbered = (1...12).map { "\($0). step \($0)" }.joined(separator: " ")
        #expect(ProcedureSteps.split(numbered).count == 12, "two-digit step numbers")
    }

    @Test("close_when: camera_online is the default of offline and tamper rules, none of the others; a rule can set either; a bad value names its line")
    func closeWhen() throws {
        let rules = try RuleFile.parse("""
            [rule off]
            kind = offline
            [rule tam]
            kind = tamper
            [rule det]
            kind = detection
            labels = person
            [rule off-none]
            kind = offline
            close_when = none
            [rule det-cam]
            kind = detection
            labels = car
            close_when = camera_online
            """, file: "r.conf")
        #expect(rules.map(\.effectiveCloseWhen) == [.cameraOnline, .cameraOnline, .none, .none, .cameraOnline])
        do {
            _ = try RuleFile.parse("[rule x]\nkind = offline\nclose_when = whenever\n", file: "r.conf")
            Issue.record("accepted close_when = whenever")
        } catch let e as RuleFileErrors {
            #expect(e.description == "r.conf:3: close_when must be camera_online or none, found whenever")
        }
    }

    @Test("the rule engine puts the close condition in the evidence of the alerts it applies to")
    func evidence() throws {
        let rules = try RuleFile.parse("[rule det]\nkind = detection\nlabels = person\nclose_when = camera_online\n[rule other]\nkind = detection\nlabels = car\n", file: "r")
        let camera = Camera(id: "C1", name: "C1", location: GeoPoint(latitude: -34.6, longitude: -58.4))
        var engine = RuleEngine(rules: rules, cameras: [camera], timeZone: TimeZone(identifier: "America/Argentina/Buenos_Aires")!)
        let t = Date(timeIntervalSince1970: 1_542_301_200)
        let person = engine.process(CameraEvent(cameraID: "C1", time: t, kind: .detection(label: "person", zone: nil, score: 0.9)))
        let car = engine.process(CameraEvent(cameraID: "C1", time: t, kind: .detection(label: "car", zone: nil, score: 0.9)))
        #expect(person.map { $0.evidence["close_when"] } == ["camera_online"])
        #expect(car.map { $0.evidence["close_when"] } == [nil])
        #expect(engine.process(CameraEvent(cameraID: "C1", time: t, trackID: "r1", kind: .ended)).isEmpty, "an end raises nothing")
    }

    @Test("a Frigate alert review's end becomes an end event with the review id; a detection review's end stays ignored")
    func reviewEnd() throws {
        let camera = Camera(id: "C1", name: "Front", location: GeoPoint(latitude: -34.6, longitude: -58.4), frigateName: "front_door")
        let adapter = FrigateAdapter(cameras: [camera])
        func decode(_ s: String) throws -> FrigateAdapter.Outcome { try adapter.decode(line: Array(s.utf8)) }
        let end = #"frigate/reviews {"type":"end","before":{"severity":"alert"},"after":{"id":"1718987129.308396-fqk5ka","camera":"front_door","start_time":1718987129.3,"end_time":1718987189.5,"severity":"alert","data":{"objects":["person"],"zones":[]}}}"#
        #expect(try decode(end) == .events([CameraEvent(cameraID: "C1", time: Date(timeIntervalSince1970: 1718987189.5), trackID: "review:1718987129.308396-fqk5ka", kind: .ended)]))
        #expect(try decode(end.replacingOccurrences(of: #""severity":"alert","data""#, with: #""severity":"detection","data""#)) == .ignored("frigate_review_detection"))
        #expect(try decode(end.replacingOccurrences(of: #""id":"1718987129.308396-fqk5ka","#, with: "")) == .ignored("frigate_review_end_without_id"))
        #expect(throws: FrigateAdapter.DecodeError.self, "an impossible end time") {
            try decode(end.replacingOccurrences(of: "1718987189.5", with: "1e300"))
        }
    }
}
