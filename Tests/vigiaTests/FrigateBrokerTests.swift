import Foundation
import GRDB
import Testing

/// A real broker, end to end (issue 21): Mosquitto on a free loopback port,
/// `mosquitto_sub -v -t 'frigate/#' | vigia ingest --events - --events-format
/// frigate --follow`, a recorded Frigate session published into it, then a
/// stop as a supervisor sends it.
@Suite("Frigate through a real Mosquitto broker", .serialized)
struct FrigateBrokerTests {
    static let now = Date().timeIntervalSince1970.rounded()

    static func stats(_ t: Double, _ fps: [String: Double]) -> String {
        let cameras = fps.sorted { $0.key < $1.key }.map { #""\#($0.key)":{"camera_fps":\#($0.value),"process_fps":\#($0.value),"skipped_fps":0,"detection_fps":0.5}"# }
        return #"{"cameras":{\#(cameras.joined(separator: ","))},"service":{"last_updated":\#(t),"uptime":100,"version":"0.16.0"}}"#
    }

    static func review(_ type: String, before: String?, after: String, end: String = "null") -> String {
        let b = before.map { #"{"id":"r1","camera":"cam_006","start_time":\#(now),"severity":"\#($0)","data":{"objects":["motorcycle"],"zones":["sidewalk"]}}"# } ?? "{}"
        return #"{"type":"\#(type)","before":\#(b),"after":{"id":"r1","camera":"cam_006","start_time":\#(now),"end_time":\#(end),"severity":"\#(after)","data":{"objects":["motorcycle"],"zones":["sidewalk"],"detections":["d1"]}}}"#
    }

    /// What a Frigate 0.16 instance publishes in a few minutes: an event, a
    /// review raised from detection to alert, a face update from Frigate's own
    /// library, plain-value topics, a malformed message, and cam_005's frames
    /// stopping in `frigate/stats`.
    static func session() -> [(topic: String, message: String)] {
        var out: [(String, String)] = [
            ("frigate/available", "online"),
            ("frigate/events", #"{"type":"new","before":{},"after":{"id":"e1","camera":"cam_004","label":"motorcycle","current_zones":["sidewalk"],"frame_time":\#(now),"start_time":\#(now),"score":0.97,"false_positive":false}}"#),
            ("frigate/cam_004/motorcycle", "1"),
            ("frigate/reviews", review("new", before: nil, after: "detection")),
            ("frigate/reviews", review("update", before: "detection", after: "alert")),
            ("frigate/reviews", review("update", before: "alert", after: "alert")),
            ("frigate/tracked_object_update", #"{"type":"face","id":"e1","name":"someone","score":0.93,"camera":"cam_004","timestamp":\#(now)}"#),
            ("frigate/events", #"{"type":"new","after":{"id":"#),
            ("frigate/reviews", review("end", before: "alert", after: "alert", end: "\(now + 40)")),
        ]
        for minute in 0..<15 {
            out.append(("frigate/stats", stats(now + Double(minute * 60), ["cam_004": 5, "cam_005": minute < 3 ? 5 : 0])))
        }
        return out
    }

    @Test("events, a review raised to alert, a face update, a malformed message and a silent camera, through Mosquitto; a stop commits and exits 0",
          .enabled(if: MosquittoBroker.available, "needs Debian's mosquitto and mosquitto-clients"))
    func endToEnd() throws {
        let room = try Room()
        let broker = try MosquittoBroker(folder: room.scratch.folder)
        defer { broker.stop() }
        let pipe = Pipe()
        let subscriber = try broker.subscribe(into: pipe)
        defer { MosquittoBroker.kill(subscriber) }
        let ingest = Process()
        ingest.executableURL = VigiaProcess.executable
        ingest.arguments = ["ingest", "--events", "-", "--events-format", "frigate", "--follow", "--format", "json", "--db", room.db]
        ingest.currentDirectoryURL = VigiaProcess.repository
        ingest.environment = ProcessInfo.processInfo.environment.merging(room.environment()) { $1 }
        ingest.standardInput = pipe
        let out = Pipe()
        ingest.standardOutput = out
        ingest.standardError = FileHandle.nullDevice
        try ingest.run()
        defer { MosquittoBroker.kill(ingest) }

        // The subscription is live once a marker comes through and is counted.
        func counted(_ name: String) -> Int {
            (try? room.count("SELECT coalesce(sum(value), 0) FROM counter WHERE name = 'events.ignored.\(name)'")) ?? 0
        }
        var deadline = Date().addingTimeInterval(30)
        while counted("frigate_topic_ping_ready") == 0, Date() < deadline {
            try broker.publish(topic: "frigate/ping_ready", message: "1")
            Thread.sleep(forTimeInterval: 0.5)
        }
        try #require(counted("frigate_topic_ping_ready") > 0, "nothing arrived through mosquitto_sub into vigia")

        for (topic, message) in Self.session() { try #require(try broker.publish(topic: topic, message: message)) }
        deadline = Date().addingTimeInterval(30)
        while (try room.count("SELECT count(*) FROM alert WHERE rule_id = 'camera-offline'")) == 0, Date() < deadline {
            Thread.sleep(forTimeInterval: 0.3)
        }
        // Stopped as systemd or Ctrl-C would: what was read is committed, then exit 0.
        ingest.interrupt()
        let report = out.fileHandleForReading.readDataToEndOfFile()
        ingest.waitUntilExit()
        #expect(ingest.terminationStatus == 0, "\(String(decoding: report, as: UTF8.self))")

        let alerts = try room.raw { try String.fetchAll($0, sql: "SELECT rule_id || ' ' || camera_id FROM alert ORDER BY 1") }
        #expect(alerts == ["camera-offline CAM-005", "motorcycle-on-sidewalk CAM-004", "motorcycle-on-sidewalk CAM-006"], "\(alerts)")
        let quarantine = try room.raw { try String.fetchAll($0, sql: "SELECT reason FROM quarantine") }
        #expect(quarantine.count == 1 && quarantine[0].contains("JSON"), "\(quarantine)")
        #expect(counted("frigate_face_update") == 1, "Frigate's own face names are counted and dropped")
        // The review's end is on the alert it raised, and on no other.
        let ended = try room.raw { try String.fetchAll($0, sql: "SELECT camera_id || ' ' || CAST(ended_at - created_at AS INTEGER) FROM alert WHERE ended_at IS NOT NULL") }
        #expect(ended == ["CAM-006 40"], "\(ended)")
        #expect(try room.count("SELECT count(*) FROM alert WHERE title LIKE '%someone%' OR details LIKE '%someone%'") == 0)
        #expect(counted("frigate_topic_available") == 1 && counted("frigate_topic_motorcycle") == 1)
        // The report printed on the stop covers what came through the pipe.
        let printed = (try? JSONSerialization.jsonObject(with: report)) as? [String: Any] ?? [:]
        #expect(printed["quarantined"] as? Int == 1 && (printed["events"] as? Int ?? 0) >= 2, "\(printed)")
    }
}
