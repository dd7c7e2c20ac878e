import Foundation
import VigiaCore

/// Reads Frigate NVR's MQTT payloads verbatim, as `mosquitto_sub -v -t frigate/events -t frigate/reviews -t frigate/stats` (or `-t 'frigate/#'`)
/// prints them ("topic payload") or as bare JSON:
/// - `frigate/events` (type new / update / end, `before` and `after` objects):
///   a detection when an object appears or enters a zone, loitering while it
///   stays, nothing for false positives;
/// - `frigate/reviews` (type new / update / end): a detection per object
///   label when the review is, or is raised to, severity `alert`: once, on
///   the message where it becomes an alert, never again on later updates;
///   its `end` records the end time on that alert;
/// - `frigate/stats`: a heartbeat for every camera whose frames arrive
///   (`camera_fps` above 0), so camera health comes from Frigate's own
///   signal; Frigate sends no Vigía heartbeats;
/// - plain-value topics (`frigate/available online`, `frigate/<camera>/person 1`):
///   counted as ignored, by topic;
/// - `frigate/tracked_object_update`: counted and dropped. Frigate's face
///   updates carry a *name* from Frigate's own face library: an identification
///   made outside Vigía's court-ordered watchlist and two-person confirmation,
///   so Vigía never stores or acts on it.
/// Unknown keys are ignored; missing optional keys are tolerated; every time
/// is range-checked (2000–2100) before it is used, so no payload can trap a
/// conversion.
public struct FrigateAdapter: Sendable {
    public enum Outcome: Equatable, Sendable {
        case events([CameraEvent])
        /// Well-formed but not for Vigía (the reason is counted, never the content).
        case ignored(String)
    }

    public struct DecodeError: Error, CustomStringConvertible, Equatable {
        public var code: String
        public var field: String?
        public var message: String
        /// For `unknown_camera`: the Frigate camera name, so a feed can report it once instead of on every message.
        public var camera: String? = nil
        public var description: String { field.map { "\($0): \(message)" } ?? message }
    }

    /// Frigate camera name → Vigía camera id.
    let cameraIDs: [String: String]
    /// Loitering is reported once an object has stayed this long.
    public var loiteringAfterSeconds = 30.0

    public init(cameras: [Camera]) {
        var map: [String: String] = [:]
        for c in cameras { map[c.frigateName ?? c.id] = c.id }
        cameraIDs = map
    }

    public func decode(line: some Collection<UInt8>) throws -> Outcome {
        var bytes = Array(line)
        var topic: String?
        if let space = bytes.firstIndex(of: 0x20), bytes.first != UInt8(ascii: "{") {
            topic = String(decoding: bytes[..<space], as: UTF8.self)
            bytes = Array(bytes[(space + 1)...])
        }
        // `mosquitto_sub -t 'frigate/#'` also prints the JPEG snapshots, whose
        // raw bytes hold newlines: each piece arrives as a "line" that is not
        // UTF-8 text. A JSON message always is, so these are counted, never
        // quarantined one by one.
        if String(validating: line, as: UTF8.self) == nil { return .ignored("frigate_binary_payload") }
        guard let object = (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any] else {
            // `mosquitto_sub -v` prints every topic, including those whose payload is a plain value.
            if let topic, topic.hasPrefix("frigate/") || topic.contains("/"), bytes.first != UInt8(ascii: "{") {
                return .ignored("frigate_topic_\(Self.topicName(topic))")
            }
            throw DecodeError(code: "bad_json", field: nil, message: "not a JSON object")
        }
        switch topic ?? Self.guessTopic(object) {
        case let t where t.hasSuffix("/events") || t == "events": return try events(object)
        case let t where t.hasSuffix("/reviews") || t == "reviews": return try reviews(object)
        case let t where t.hasSuffix("/stats") || t == "stats": return try stats(object)
        case let t where t.hasSuffix("tracked_object_update"):
            return .ignored("frigate_\((object["type"] as? String) ?? "object")_update")
        case let t: return .ignored("frigate_topic_\(Self.topicName(t))")
        }
    }

    /// A counter-safe name for a topic: the last level, letters, digits and `_` only, at most 40 characters.
    static func topicName(_ topic: String) -> String {
        let last = topic.split(separator: "/").last.map(String.init) ?? ""
        let clean = String(last.unicodeScalars.filter { ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || $0 == "_" }
            .map(Character.init)).prefix(40)
        return clean.isEmpty ? "other" : String(clean)
    }

    /// The earliest and latest times accepted (2000-01-01, 2100-01-01): a camera event outside is a broken clock or a hostile payload.
    public static let times = 946_684_800.0...4_102_444_800.0

    func time(_ o: [String: Any], _ key: String, path: String) throws -> Double? {
        guard let t = try number(o, key, path: path) else { return nil }
        guard Self.times.contains(t) else {
            throw DecodeError(code: "impossible_value", field: "\(path).\(key)", message: "is not a time between 2000 and 2100")
        }
        return t
    }

    static func guessTopic(_ o: [String: Any]) -> String {
        if let after = o["after"] as? [String: Any] { return after["severity"] != nil ? "reviews" : "events" }
        if o["type"] is String, o["id"] != nil { return "tracked_object_update" }
        return "unknown"
    }

    func camera(_ o: [String: Any]) throws -> String {
        guard let name = o["camera"] as? String else { throw DecodeError(code: "missing_field", field: "after.camera", message: "missing") }
        guard let id = cameraIDs[name] else {
            throw DecodeError(code: "unknown_camera", field: "after.camera",
                              message: "no camera with frigate_name \(TerminalSafe.line(name, limit: 80)) in the registry; register Frigate's cameras with: vigia cameras import --frigate-config config.yml --places places.csv",
                              camera: String(name.prefix(200)))
        }
        return id
    }

    func number(_ o: [String: Any], _ key: String, path: String) throws -> Double? {
        guard let v = o[key], !(v is NSNull) else { return nil }
        guard let n = v as? NSNumber, String(cString: n.objCType) != "c", n.doubleValue.isFinite else {
            throw DecodeError(code: "wrong_type", field: "\(path).\(key)", message: "expected a number")
        }
        return n.doubleValue
    }

    func events(_ o: [String: Any]) throws -> Outcome {
        guard let type = o["type"] as? String, ["new", "update", "end"].contains(type) else {
            throw DecodeError(code: "wrong_type", field: "type", message: "expected new, update or end")
        }
        guard let after = o["after"] as? [String: Any] else { throw DecodeError(code: "missing_field", field: "after", message: "missing") }
        if after["false_positive"] as? Bool == true { return .ignored("frigate_false_positive") }
        let cameraID = try camera(after)
        guard let label = after["label"] as? String else { throw DecodeError(code: "missing_field", field: "after.label", message: "missing") }
        guard let frame = try time(after, "frame_time", path: "after") ?? time(after, "start_time", path: "after") else {
            throw DecodeError(code: "missing_field", field: "after.frame_time", message: "missing")
        }
        let score = try number(after, "score", path: "after") ?? number(after, "top_score", path: "after") ?? 0
        guard (0...1).contains(score) else { throw DecodeError(code: "impossible_value", field: "after.score", message: "\(score) is outside 0…1") }
        let track = after["id"] as? String
        let zonesNow = (after["current_zones"] as? [String]) ?? []
        let zonesBefore = ((o["before"] as? [String: Any])?["current_zones"] as? [String]) ?? []
        let time = Date(timeIntervalSince1970: type == "end" ? (try self.time(after, "end_time", path: "after") ?? frame) : frame)
        var out: [CameraEvent] = []
        if type == "new" {
            for zone in zonesNow.isEmpty ? [nil] : zonesNow.map(Optional.some) {
                out.append(CameraEvent(cameraID: cameraID, time: time, trackID: track, kind: .detection(label: label, zone: zone, score: score)))
            }
        } else {
            for zone in zonesNow where !zonesBefore.contains(zone) {
                out.append(CameraEvent(cameraID: cameraID, time: time, trackID: track, kind: .detection(label: label, zone: zone, score: score)))
            }
        }
        if type != "new", let start = try self.time(after, "start_time", path: "after") {
            let dwell = time.timeIntervalSince1970 - start
            if dwell >= loiteringAfterSeconds {
                out.append(CameraEvent(cameraID: cameraID, time: time, trackID: track,
                                       kind: .loitering(label: label, zone: zonesNow.first ?? zonesBefore.first, dwellSeconds: dwell)))
            }
        }
        return out.isEmpty ? .ignored("frigate_update_without_change") : .events(out)
    }

    func reviews(_ o: [String: Any]) throws -> Outcome {
        guard let after = o["after"] as? [String: Any] else { throw DecodeError(code: "missing_field", field: "after", message: "missing") }
        guard let type = o["type"] as? String, ["new", "update", "end"].contains(type) else {
            throw DecodeError(code: "wrong_type", field: "type", message: "expected new, update or end")
        }
        guard (after["severity"] as? String) == "alert" else { return .ignored("frigate_review_detection") }
        // An alert from the message where the review becomes one: new as an alert, or raised by an update
        // (an object entered a required zone, or was recognised). Later updates and the end repeat nothing.
        let before = (o["before"] as? [String: Any])?["severity"] as? String
        switch type {
        case "new": break
        case "update" where before != "alert": break
        case "end":
            // The end of an alert review goes on the alert it raised (matched by camera and review id).
            guard let id = after["id"] as? String, !id.isEmpty else { return .ignored("frigate_review_end_without_id") }
            let cameraID = try camera(after)
            guard let end = try time(after, "end_time", path: "after") ?? time(after, "start_time", path: "after") else {
                throw DecodeError(code: "missing_field", field: "after.end_time", message: "missing")
            }
            return .events([CameraEvent(cameraID: cameraID, time: Date(timeIntervalSince1970: end), trackID: Self.reviewTrack(id), kind: .ended)])
        default: return .ignored("frigate_review_update")
        }
        let cameraID = try camera(after)
        guard let start = try time(after, "start_time", path: "after") else {
            throw DecodeError(code: "missing_field", field: "after.start_time", message: "missing")
        }
        let data = after["data"] as? [String: Any] ?? [:]
        let labels = (data["objects"] as? [String]) ?? []
        let zone = ((data["zones"] as? [String]) ?? []).first
        let events = labels.map { label in
            CameraEvent(cameraID: cameraID, time: Date(timeIntervalSince1970: start), trackID: (after["id"] as? String).map(Self.reviewTrack),
                        kind: .detection(label: label, zone: zone, score: 1))
        }
        return events.isEmpty ? .ignored("frigate_review_without_objects") : .events(events)
    }

    /// A review's track: its id marked as a review's, so a review's end finds
    /// only the alert that review raised, never one whose object or feed track
    /// happens to carry the same text.
    static func reviewTrack(_ id: String) -> String { "review:" + id }

    /// `frigate/stats`: a heartbeat at `service.last_updated` for each registered camera whose frames arrive.
    func stats(_ o: [String: Any]) throws -> Outcome {
        guard let cameras = o["cameras"] as? [String: Any] else { return .ignored("frigate_stats_without_cameras") }
        guard let service = o["service"] as? [String: Any], let t = try time(service, "last_updated", path: "service") else {
            throw DecodeError(code: "missing_field", field: "service.last_updated", message: "missing")
        }
        var out: [CameraEvent] = []
        for name in cameras.keys.sorted() {
            guard let id = cameraIDs[name], let c = cameras[name] as? [String: Any] else { continue }
            let fps = try number(c, "camera_fps", path: "cameras.\(name)") ?? 0
            if fps > 0 { out.append(CameraEvent(cameraID: id, time: Date(timeIntervalSince1970: t), trackID: nil, kind: .heartbeat)) }
        }
        return out.isEmpty ? .ignored("frigate_stats_no_live_camera") : .events(out)
    }
}
