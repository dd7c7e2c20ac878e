import Foundation
import GRDB
import Testing

/// The feed defects found from outside (issues 19 and 21), each run the way
/// an integrator would: the real binary, a real pipe, a second process, a
/// hostile payload.
@Suite("Feeds from outside: pipes, hostile numbers, claims, caps, Frigate's own signals")
struct FeedDefectTests {
    /// A motorcycle on the sidewalk of Plaza de Mayo (cam_004), which the sample rule `motorcycle-on-sidewalk` turns into an alert.
    static func motorcycle(at time: Double, track: String, camera: String = "cam_004") -> String {
        #"frigate/events {"type":"new","before":{},"after":{"id":"\#(track)","camera":"\#(camera)","label":"motorcycle","current_zones":["sidewalk"],"frame_time":\#(time),"start_time":\#(time),"score":0.97,"false_positive":false}}"#
    }

    static let now = Date().timeIntervalSince1970.rounded()

    func ingest(_ room: Room, _ path: String, format: String = "frigate") throws -> (VigiaProcess.Result, [String: Any]) {
        let r = try room.run(["ingest", "--events", path, "--events-format", format, "--format", "json"])
        let report = (try? JSONSerialization.jsonObject(with: Data(r.stdout.utf8))) as? [String: Any] ?? [:]
        return (r, report)
    }

    @Test("a Frigate time of 1e300 is quarantined with its field; the feed goes on, and a restart on the same file does not crash")
    func hostileTime() throws {
        let room = try Room()
        let hostile = #"frigate/events {"type":"new","before":{},"after":{"id":"x","camera":"cam_004","label":"motorcycle","current_zones":["sidewalk"],"frame_time":1e300,"start_time":1e300,"score":0.97}}"#
        let update = #"frigate/events {"type":"update","before":{"current_zones":[]},"after":{"id":"y","camera":"cam_004","label":"person","current_zones":["plaza"],"frame_time":\#(Self.now),"start_time":-1e300,"score":0.9}}"#
        let file = try room.scratch.write("hostile.jsonl", [hostile, update, Self.motorcycle(at: Self.now, track: "ok")].joined(separator: "\n") + "\n")
        for _ in 0..<2 {
            let (r, report) = try ingest(room, file)
            #expect(r.status == 0, "\(r.stderr)")
            _ = report
        }
        #expect(try room.count("SELECT count(*) FROM quarantine") == 2)
        let fields = try room.raw { try String.fetchAll($0, sql: "SELECT field FROM quarantine ORDER BY line") }
        #expect(fields == ["after.frame_time", "after.start_time"], "\(fields)")
        #expect(try room.count("SELECT count(*) FROM alert") == 1)
    }

    @Test("mosquitto_sub -v also prints plain-value topics: counted as ignored, never quarantined as bad JSON")
    func plainTopics() throws {
        let room = try Room()
        let lines = ["frigate/available online", "frigate/cam_004/person 1", "frigate/cam_004/motorcycle 0", "frigate/cam_004/detect/state ON",
                     "frigate/cam_004/all/active 2", Self.motorcycle(at: Self.now, track: "m1")]
        let file = try room.scratch.write("plain.jsonl", lines.joined(separator: "\n") + "\n")
        let (r, report) = try ingest(room, file)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(report["quarantined"] as? Int == 0, "\(r.stdout)")
        let ignored = report["ignored"] as? [String: Int] ?? [:]
        #expect(ignored.values.reduce(0, +) == 5, "\(ignored)")
        #expect(try room.count("SELECT count(*) FROM alert") == 1)
    }

    @Test("mosquitto_sub -t 'frigate/#' also prints JPEG snapshots, whose bytes hold newlines: counted as binary, never a quarantine flood")
    func binarySnapshots() throws {
        let room = try Room()
        // A JPEG as mosquitto_sub -v prints it: the topic, a space, raw bytes with 0x0A inside, then the next message.
        var jpeg: [UInt8] = Array("frigate/cam_004/person/snapshot ".utf8) + [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46]
        for i in 0..<40 { jpeg += [0x0A, UInt8(0x80 + i % 60), 0x20, 0xC3, 0x28, UInt8(i), 0xFE, 0x7B] }
        jpeg += [0xFF, 0xD9, 0x0A]
        var data = Data(jpeg)
        data.append(Data((Self.motorcycle(at: Self.now, track: "after-jpeg") + "\n").utf8))
        let path = room.scratch.folder.appendingPathComponent("snapshots.jsonl").path
        try data.write(to: URL(fileURLWithPath: path))
        let (r, report) = try ingest(room, path)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(report["quarantined"] as? Int == 0, "\(r.stdout)")
        let ignored = report["ignored"] as? [String: Int] ?? [:]
        #expect((ignored["frigate_binary_payload"] ?? 0) >= 40, "\(ignored)")
        #expect(try room.count("SELECT count(*) FROM alert") == 1, "the event after the picture still raises its alert")
    }

    @Test("messages from an unregistered Frigate camera: quarantined once with the command that fixes it, every one counted")
    func unknownCamera() throws {
        let room = try Room()
        let lines = (0..<5).map { Self.motorcycle(at: Self.now + Double($0), track: "u\($0)", camera: "cam_999") }
        let file = try room.scratch.write("unknown.jsonl", lines.joined(separator: "\n") + "\n")
        let (r, _) = try ingest(room, file)
        #expect(r.status == 0, "\(r.stderr)")
        let reasons = try room.raw { try String.fetchAll($0, sql: "SELECT reason FROM quarantine") }
        #expect(reasons.count == 1 && reasons[0].contains("cam_999") && reasons[0].contains("vigia cameras import --frigate-config"), "\(reasons)")
        #expect(try room.count("SELECT coalesce(sum(value), 0) FROM counter WHERE name = 'events.unknown_camera'") == 5)
    }

    @Test("a review raised from detection to alert by an update raises the alert once; later updates do not repeat it; the end is recorded on it")
    func reviewRaisedByUpdate() throws {
        let room = try Room()
        func review(_ type: String, before: String?, after: String, end: String = "null") -> String {
            let b = before.map { #"{"id":"r1","camera":"cam_004","start_time":\#(Self.now),"severity":"\#($0)","data":{"objects":["motorcycle"],"zones":["sidewalk"]}}"# } ?? "{}"
            return #"frigate/reviews {"type":"\#(type)","before":\#(b),"after":{"id":"r1","camera":"cam_004","start_time":\#(Self.now),"end_time":\#(end),"severity":"\#(after)","data":{"objects":["motorcycle"],"zones":["sidewalk"],"detections":["d1"]}}}"#
        }
        let lines = [review("new", before: nil, after: "detection"), review("update", before: "detection", after: "detection"),
                     review("update", before: "detection", after: "alert"), review("update", before: "alert", after: "alert"),
                     review("end", before: "alert", after: "alert", end: "\(Self.now + 40)")]
        let file = try room.scratch.write("reviews.jsonl", lines.joined(separator: "\n") + "\n")
        let (r, report) = try ingest(room, file)
        #expect(r.status == 0, "\(r.stderr)")
        // Two events: the update that raised it, and the end, which raises nothing and is recorded on the alert.
        #expect(report["events"] as? Int == 2, "\(r.stdout)")
        #expect(try room.count("SELECT count(*) FROM alert WHERE rule_id = 'motorcycle-on-sidewalk'") == 1)
        #expect(try room.count("SELECT count(*) FROM alert WHERE rule_id = 'motorcycle-on-sidewalk' AND ended_at = created_at + 40") == 1)
    }

    @Test("a Frigate-only feed: cameras that never spoke raise no offline alert, the camera sending events is alive, a camera whose frames stop in frigate/stats goes offline once")
    func frigateHealth() throws {
        let room = try Room()
        var lines: [String] = []
        func stats(_ t: Double, _ fps: [String: Double]) -> String {
            let cameras = fps.map { #""\#($0.key)":{"camera_fps":\#($0.value),"process_fps":\#($0.value),"skipped_fps":0,"detection_fps":0.5}"# }
            return #"frigate/stats {"cameras":{\#(cameras.joined(separator: ","))},"service":{"last_updated":\#(t),"uptime":100,"version":"0.16.0"}}"#
        }
        for minute in 0..<30 {
            let t = Self.now + Double(minute * 60)
            lines.append(Self.motorcycle(at: t, track: "t\(minute)"))
            lines.append(stats(t + 1, ["cam_004": 5, "cam_005": minute < 10 ? 5 : 0]))
        }
        let file = try room.scratch.write("frigate.jsonl", lines.joined(separator: "\n") + "\n")
        let (r, report) = try ingest(room, file)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(report["quarantined"] as? Int == 0, "\(r.stdout)")
        let offline = try room.raw { try String.fetchAll($0, sql: "SELECT camera_id FROM alert WHERE rule_id = 'camera-offline'") }
        #expect(offline == ["CAM-005"], "\(offline)")
        let health = try room.raw { try String.fetchOne($0, sql: "SELECT value FROM setting WHERE key = 'camera.health'") } ?? ""
        #expect(health.contains(#""CAM-004":"online""#) && health.contains(#""CAM-005":"offline""#), "\(health)")
    }

    @Test("one line into an open pipe is stored within seconds, not when 64 KiB more arrive or the pipe closes")
    func pipeDoesNotStall() throws {
        let room = try Room()
        let process = Process()
        process.executableURL = VigiaProcess.executable
        process.arguments = ["ingest", "--events", "-", "--events-format", "frigate", "--db", room.db]
        process.currentDirectoryURL = VigiaProcess.repository
        process.environment = ProcessInfo.processInfo.environment.merging(room.environment()) { $1 }
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.terminate() } }
        input.fileHandleForWriting.write(Data((Self.motorcycle(at: Self.now, track: "pipe") + "\n").utf8))
        var stored = 0
        let deadline = Date().addingTimeInterval(20)
        while stored == 0, Date() < deadline {
            Thread.sleep(forTimeInterval: 0.2)
            stored = (try? room.count("SELECT count(*) FROM alert")) ?? 0
        }
        #expect(stored == 1, "the alert was not stored while the pipe stayed open")
        #expect(process.isRunning, "ingest should still be reading the open pipe")
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(try room.count("SELECT count(*) FROM alert") == 1)
    }

    @Test("two processes on one event file: every alert stored once, every event counted once")
    func exclusiveFeed() throws {
        let room = try Room()
        let lines = (0..<3_000).map { Self.motorcycle(at: Self.now + Double($0 * 2_000), track: "e\($0)") }
        let file = try room.scratch.write("shared.jsonl", lines.joined(separator: "\n") + "\n")
        // Both started before either reads a line.
        let runners = try (0..<2).map { _ in
            try VigiaProcess.start(["ingest", "--events", file, "--events-format", "frigate", "--commit-every", "50", "--db", room.db],
                                   environment: room.environment())
        }
        let results: [VigiaProcess.Result?] = runners.map { $0.finish() }
        let statuses = results.map { $0?.status ?? -1 }
        #expect(statuses.contains(0), "\(results.map { $0?.stderr ?? "" })")
        for r in results.compactMap({ $0 }) where r.status != 0 {
            #expect(r.stderr.contains("being read by another vigia process"), "\(r.stderr)")
        }
        #expect(try room.count("SELECT count(*) FROM alert") == 3_000)
        #expect(try room.count("SELECT coalesce(sum(value), 0) FROM counter WHERE name = 'events.detection'") == 3_000)
        // Afterwards the claim is released: a third run resumes and adds nothing.
        #expect(try room.run(["ingest", "--events", file, "--events-format", "frigate"]).status == 0)
        #expect(try room.count("SELECT count(*) FROM alert") == 3_000)
    }

    @Test("a 10 MB procedure is refused with its line; a 10 MB incident type is quarantined, never stored")
    func fieldCaps() throws {
        let room = try Room()
        let huge = String(repeating: "x", count: 10_000_000)
        let rules = try room.scratch.write("rules.conf", """
            [rule big]
            kind = tamper
            priority = 1
            procedure = \(huge)

            """)
        let r = try room.run(["rules", "load", rules, "--operator", "sergio"], as: "sergio")
        #expect(r.status != 0)
        #expect(r.stderr.contains("rules.conf:4") && r.stderr.contains("procedure"), "\(r.stderr.prefix(300))")
        let csv = try room.scratch.write("incidents.csv", """
            id,fecha,franja_horaria,tipo,subtipo,comuna,barrio,latitud,longitud
            1,2018-01-01,3,\(huge),,1,Retiro,-34.595546,-58.37854
            2,2018-01-01,4,Hurto (sin violencia),,1,Retiro,-34.595546,-58.37854

            """)
        let i = try room.run(["ingest", "--incidents", csv, "--format", "json"])
        #expect(i.status == 0, "\(i.stderr.prefix(300))")
        #expect(try room.count("SELECT count(*) FROM incident") == 1)
        #expect(try room.count("SELECT coalesce(max(length(type)), 0) FROM incident") <= 200)
        #expect(try room.count("SELECT coalesce(max(length(excerpt)), 0) FROM quarantine") <= 1_000)
    }
}
