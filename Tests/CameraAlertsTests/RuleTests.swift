import Foundation
import Testing
@testable import CameraAlerts
import VigiaCore

@Suite("Rules file")
struct RuleFileTests {
    @Test("the shipped demo rules parse")
    func shipped() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("sample-data/alert-rules.conf")
        let rules = try RuleFile.parse(try String(contentsOf: url, encoding: .utf8), file: "alert-rules.conf")
        #expect(rules.count == 8)
        let crowd = try #require(rules.first { $0.id == "station-crowd" })
        #expect(crowd.kind == .crowd && crowd.minimumCount == 120 && crowd.zones == ["platform", "hall"] && crowd.escalateAfterSeconds == 180)
        let night = try #require(rules.first { $0.id == "person-in-parking-night" })
        #expect(night.hours?.start == 21 * 60 && night.hours?.end == 6 * 60)
    }

    @Test("every problem is reported with its line, and the file is refused whole")
    func errors() {
        let text = """
        # comment
        kind = crowd
        [rule a]
        kind = teleport
        priority = 9
        min_scor = 0.5
        hours = 25:00-06:00
        dedupe = camera, colour
        [rule a]
        [rules b]
        [rule c]
        kind = detection
        """
        do {
            _ = try RuleFile.parse(text, file: "r.conf")
            Issue.record("accepted a broken file")
        } catch let e as RuleFileErrors {
            let lines = e.errors.map(\.line)
            #expect(lines == [2, 3, 4, 5, 6, 7, 8, 9, 10, 11], "\(e)") // 3: after the bad kind, a detection rule without labels
            #expect(e.description.contains("r.conf:6: unknown key min_scor"))
            #expect(e.description.contains("r.conf:11: rule c: a detection rule needs labels"))
        } catch {
            Issue.record("\(error)")
        }
    }
}

@Suite("Rule engine")
struct RuleEngineTests {
    let zone = TimeZone(identifier: "America/Argentina/Buenos_Aires")!
    let t0 = 1_542_301_200.0 // 2018-11-15 14:00 local
    let cameras = [Camera(id: "C1", name: "Plaza", location: GeoPoint(latitude: -34.6, longitude: -58.4), zones: ["plaza", "entrance"], heartbeatSeconds: 60),
                   Camera(id: "C2", name: "Esquina", location: GeoPoint(latitude: -34.6, longitude: -58.4), zones: ["parking"], heartbeatSeconds: 120)]

    func engine(_ text: String) throws -> RuleEngine {
        RuleEngine(rules: try RuleFile.parse(text, file: "t"), cameras: cameras, timeZone: zone)
    }

    func event(_ camera: String, _ seconds: Double, _ kind: CameraEvent.Kind, track: String? = nil) -> CameraEvent {
        CameraEvent(cameraID: camera, time: Date(timeIntervalSince1970: t0 + seconds), trackID: track, kind: kind)
    }

    @Test("loitering fires strictly above the threshold; the cool-down swallows repeats, then lets one through")
    func loiteringAndCooldown() throws {
        var e = try engine("[rule l]\nkind = loitering\nlabels = person\nmin_dwell = 300\ncooldown = 600\n")
        #expect(e.process(event("C1", 0, .loitering(label: "person", zone: "plaza", dwellSeconds: 300))).isEmpty)
        #expect(e.process(event("C1", 10, .loitering(label: "person", zone: "plaza", dwellSeconds: 300.5))).count == 1)
        #expect(e.process(event("C1", 609, .loitering(label: "person", zone: "plaza", dwellSeconds: 400))).isEmpty)
        #expect(e.process(event("C1", 610, .loitering(label: "person", zone: "plaza", dwellSeconds: 400))).count == 1)
        #expect(e.process(event("C2", 611, .loitering(label: "person", zone: "parking", dwellSeconds: 400))).count == 1, "another camera is another key")
        #expect(e.suppressed == 1)
    }

    @Test("detections need the label, the zone, the score and the hours")
    func detection() throws {
        var e = try engine("[rule d]\nkind = detection\nlabels = person\nzones = parking\nmin_score = 0.8\nhours = 21:00-06:00\ncooldown = 0\n")
        let night = 7 * 3600.0 // 21:00
        #expect(e.process(event("C2", night - 1, .detection(label: "person", zone: "parking", score: 0.9))).isEmpty, "20:59:59")
        #expect(e.process(event("C2", night, .detection(label: "person", zone: "parking", score: 0.9))).count == 1)
        #expect(e.process(event("C2", night + 5, .detection(label: "person", zone: "parking", score: 0.79))).isEmpty)
        #expect(e.process(event("C2", night + 6, .detection(label: "car", zone: "parking", score: 0.99))).isEmpty)
        #expect(e.process(event("C2", night + 7, .detection(label: "person", zone: "plaza", score: 0.99))).isEmpty)
        #expect(e.process(event("C2", night + 9 * 3600 - 1, .detection(label: "person", zone: "parking", score: 0.9))).count == 1, "05:59:59")
        #expect(e.process(event("C2", night + 9 * 3600, .detection(label: "person", zone: "parking", score: 0.9))).isEmpty, "06:00")
    }

    @Test("days: a Friday-night rule runs Friday 21:00 to Saturday 06:00, not Thursday night nor early Friday")
    func weekdays() throws {
        var e = try engine("[rule f]\nkind = detection\nlabels = person\nhours = 21:00-06:00\ndays = fri\ncooldown = 0\n")
        func fires(_ hoursAfterThursday14: Double) -> Bool {
            !e.process(event("C2", hoursAfterThursday14 * 3600, .detection(label: "person", zone: nil, score: 0.9))).isEmpty
        }
        #expect(!fires(7), "Thursday 21:00")
        #expect(!fires(12), "Friday 02:00 belongs to Thursday night")
        #expect(!fires(30.99), "Friday 20:59")
        #expect(fires(31), "Friday 21:00")
        #expect(fires(36), "Saturday 02:00 belongs to Friday night")
        #expect(!fires(40), "Saturday 06:00")
        #expect(!fires(55), "Saturday 21:00")
        var weekend = try engine("[rule w]\nkind = detection\nlabels = person\ndays = sáb,dom\ncooldown = 0\n")
        #expect(weekend.process(event("C2", 24 * 3600, .detection(label: "person", zone: nil, score: 0.9))).isEmpty, "Friday")
        #expect(weekend.process(event("C2", 48 * 3600, .detection(label: "person", zone: nil, score: 0.9))).count == 1, "Saturday")
    }

    @Test("day names and ranges, English and Spanish, wrapping; a bad one names file and line")
    func dayParsing() throws {
        #expect(AlertRule.parseDays("mon-fri") == [1, 2, 3, 4, 5])
        #expect(AlertRule.parseDays("lun-vie") == [1, 2, 3, 4, 5])
        #expect(AlertRule.parseDays("Fri-Mon") == [5, 6, 7, 1])
        #expect(AlertRule.parseDays("sat, sun") == [6, 7])
        #expect(AlertRule.parseDays("funday") == nil && AlertRule.parseDays("") == nil && AlertRule.parseDays("mon-") == nil)
        #expect(throws: RuleFileErrors.self) { try RuleFile.parse("[rule x]\nkind = offline\ndays = someday\n", file: "r.conf") }
        do { _ = try RuleFile.parse("[rule x]\nkind = offline\ndays = someday\n", file: "r.conf") } catch let e as RuleFileErrors {
            #expect(e.description.contains("r.conf:3") && e.description.contains("days"), "\(e)")
        }
    }

    @Test("a crowd over N, with the evidence the dispatcher needs")
    func crowd() throws {
        var e = try engine("[rule c]\nkind = crowd\nmin_count = 100\npriority = 2\nprocedure = Call the station.\n")
        #expect(e.process(event("C1", 0, .crowd(zone: "plaza", count: 100))).isEmpty)
        let d = try #require(e.process(event("C1", 300, .crowd(zone: "plaza", count: 140))).first)
        #expect(d.priority == 2 && d.evidence["count"] == "140" && d.evidence["zone"] == "plaza")
        #expect(d.title == "crowd of 140 in plaza — Plaza" && d.procedure == "Call the station.")
    }

    @Test("k missed heartbeats mark a camera offline once; a heartbeat brings it back")
    func offline() throws {
        var e = try engine("[rule o]\nkind = offline\nmissed_heartbeats = 3\ncooldown = 0\n")
        _ = e.process(event("C1", 0, .heartbeat))
        _ = e.process(event("C2", 0, .heartbeat))
        #expect(e.advance(to: t0 + 180).isEmpty, "exactly 3 intervals is not yet late")
        let late = e.advance(to: t0 + 181)
        #expect(late.map(\.cameraID) == ["C1"])
        #expect(late.first?.time == Date(timeIntervalSince1970: t0 + 180))
        #expect(e.health["C1"] == .offline && e.health["C2"] == .online)
        #expect(e.advance(to: t0 + 1000).map(\.cameraID) == ["C2"], "C1 is not raised twice")
        _ = e.process(event("C1", 1001, .heartbeat))
        #expect(e.health["C1"] == .online)
    }

    @Test("tamper raises an alert and marks the camera until cleared")
    func tamper() throws {
        var e = try engine("[rule t]\nkind = tamper\npriority = 1\n")
        let d = e.process(event("C1", 5, .tamper(reason: "view_blocked")))
        #expect(d.first?.priority == 1 && d.first?.evidence["reason"] == "view_blocked")
        _ = e.process(event("C1", 6, .heartbeat))
        #expect(e.health["C1"] == .tampered)
        e.clearTamper(camera: "C1")
        #expect(e.health["C1"] == .online)
    }
}

@Suite("Frigate payloads")
struct FrigateAdapterTests {
    let adapter = FrigateAdapter(cameras: [Camera(id: "CAM-007", name: "Front", location: GeoPoint(latitude: 0, longitude: 0), frigateName: "front_door")])

    func decode(_ text: String) throws -> FrigateAdapter.Outcome { try adapter.decode(line: Array(text.utf8)) }

    // The update message from Frigate's MQTT documentation (abridged to the keys it documents).
    static let update = #"{"type":"update","before":{"id":"1607123955.475377-mxklsc","camera":"front_door","frame_time":1607123961.837752,"snapshot":{"frame_time":1607123965.975463,"box":[415,489,528,700],"area":12728,"region":[260,446,660,846],"score":0.77546,"attributes":[]},"label":"person","sub_label":null,"top_score":0.958984375,"false_positive":false,"start_time":1607123955.475377,"end_time":null,"score":0.7890625,"box":[424,500,536,712],"area":23744,"ratio":2.113207,"region":[264,450,667,853],"current_zones":["driveway"],"entered_zones":["yard","driveway"],"thumbnail":null,"has_snapshot":false,"has_clip":false,"active":true,"stationary":false,"motionless_count":0,"position_changes":2,"attributes":{}},"after":{"id":"1607123955.475377-mxklsc","camera":"front_door","frame_time":1607123962.082975,"snapshot":{"frame_time":1607123965.975463,"box":[415,489,528,700],"area":12728,"region":[260,446,660,846],"score":0.77546,"attributes":[]},"label":"person","sub_label":["Bob",0.99],"top_score":0.958984375,"false_positive":false,"start_time":1607123955.475377,"end_time":null,"score":0.87890625,"box":[432,496,544,854],"area":40194,"ratio":1.251397,"region":[218,440,693,915],"current_zones":["yard","driveway"],"entered_zones":["yard","driveway"],"thumbnail":null,"has_snapshot":false,"has_clip":false,"active":true,"stationary":false,"motionless_count":0,"position_changes":2,"attributes":{"face":0.86}}}"#

    @Test("a frigate/events update: entering a new zone is a detection; a stay of over 30 s is loitering")
    func eventsUpdate() throws {
        guard case .events(let events) = try decode("frigate/events " + Self.update) else { Issue.record("ignored"); return }
        // The documented object has been tracked for 6.6 s: a new zone, no loitering yet.
        try #require(events.count == 1)
        #expect(events[0] == CameraEvent(cameraID: "CAM-007", time: Date(timeIntervalSince1970: 1607123962.082975),
                                         trackID: "1607123955.475377-mxklsc", kind: .detection(label: "person", zone: "yard", score: 0.87890625)))
        let later = Self.update.replacingOccurrences(of: #""frame_time":1607123962.082975"#, with: #""frame_time":1607124055.475377"#)
        guard case .events(let stayed) = try decode(later) else { Issue.record("ignored"); return }
        try #require(stayed.count == 2)
        if case .loitering(let label, let zone, let dwell) = stayed[1].kind {
            #expect(label == "person" && zone == "yard" && abs(dwell - 100) < 0.001)
        } else { Issue.record("no loitering") }
        // Bare payloads (no topic) are recognised by their shape.
        #expect(try decode(Self.update) == decode("frigate/events " + Self.update))
    }

    @Test("reviews, false positives, face updates and unknown cameras")
    func others() throws {
        let review = #"frigate/reviews {"type":"new","before":{},"after":{"id":"1718987129.308396-fqk5ka","camera":"front_door","start_time":1718987129.308396,"end_time":null,"severity":"alert","thumb_path":"/media/frigate/clips/review/thumb.webp","data":{"detections":["1718987128.947436-g92ztx"],"objects":["person","car"],"sub_labels":[],"zones":["driveway"],"audio":[]}}}"#
        guard case .events(let events) = try decode(review) else { Issue.record("ignored"); return }
        #expect(events.map(\.kind) == [.detection(label: "person", zone: "driveway", score: 1), .detection(label: "car", zone: "driveway", score: 1)])
        let fp = Self.update.replacingOccurrences(of: #""false_positive":false,"start_time":1607123955.475377,"end_time":null,"score":0.87890625"#,
                                                  with: #""false_positive":true,"start_time":1607123955.475377,"end_time":null,"score":0.87890625"#)
        #expect(try decode(fp) == .ignored("frigate_false_positive"))
        let face = #"frigate/tracked_object_update {"type":"face","id":"1607123955.475377-mxklsc","name":"Bob","score":0.95,"camera":"front_door","timestamp":1607123958.748393}"#
        #expect(try decode(face) == .ignored("frigate_face_update"))
        #expect(throws: FrigateAdapter.DecodeError.self) { try decode(Self.update.replacingOccurrences(of: "front_door", with: "back_yard")) }
        #expect(throws: FrigateAdapter.DecodeError.self) { try decode("frigate/events {not json") }
    }
}
