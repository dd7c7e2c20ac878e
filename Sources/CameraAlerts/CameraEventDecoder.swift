import Foundation
import VigiaCore

/// One line of a camera-event feed in Vigía's own schema:
///
///     {"type":"detection","camera":"CAM-001","time":"2018-11-15T14:00:03-03:00","track":"t1","label":"person","zone":"plaza","score":0.87}
///     {"type":"loitering", … "label":"person","zone":"entrance","dwell_seconds":412}
///     {"type":"crowd", … "zone":"plaza","count":57}
///     {"type":"heartbeat", …}
///     {"type":"tamper", … "reason":"view_blocked"}
///     {"type":"face", … "track":"t9","embedding":"<base64 float32 LE>","quality":0.83}
public struct CameraEventDecoder {
    public static let labels: Set<String> = ["person", "car", "motorcycle", "bicycle", "bus", "truck", "dog", "bag", "weapon"]

    public var timeZone: TimeZone
    /// Known camera ids; events from others are refused. Nil accepts any.
    public var cameras: Set<String>?
    public var embeddingDimension: Int

    public init(timeZone: TimeZone, cameras: Set<String>?, embeddingDimension: Int = 512) {
        self.timeZone = timeZone
        self.cameras = cameras
        self.embeddingDimension = embeddingDimension
    }

    public func decode(line: some Collection<UInt8>) throws -> CameraEvent {
        let f = try JSONFields(line: line)
        let type = try f.string("type")
        let camera = try f.string("camera")
        if let cameras, !cameras.contains(camera) {
            throw FieldError(code: "unknown_camera", field: "camera", message: "no camera \(camera) in the registry")
        }
        let time = try f.time("time", timeZone: timeZone)
        let track = try f.optionalString("track")
        let kind: CameraEvent.Kind
        switch type {
        case "detection":
            kind = .detection(label: try label(f), zone: try f.optionalString("zone"), score: try f.double("score", in: 0...1))
        case "loitering":
            kind = .loitering(label: try label(f), zone: try f.optionalString("zone"),
                              dwellSeconds: try f.double("dwell_seconds", in: 0...604_800))
        case "crowd":
            kind = .crowd(zone: try f.optionalString("zone"), count: try f.int("count", in: 0...1_000_000))
        case "heartbeat":
            kind = .heartbeat
        case "tamper":
            kind = .tamper(reason: try f.optionalString("reason") ?? "unspecified")
        case "face":
            let embedding = try f.embedding("embedding", precision: .float32, dimension: embeddingDimension)
            kind = .faceProbe(Probe(embedding: embedding, quality: try f.double("quality", in: 0...1)))
        default:
            throw FieldError(code: "unknown_type", field: "type", message: "unknown event type \(type); expected detection, loitering, crowd, heartbeat, tamper or face")
        }
        return CameraEvent(cameraID: camera, time: time, trackID: track, kind: kind)
    }

    private func label(_ f: JSONFields) throws -> String {
        let label = try f.string("label")
        guard Self.labels.contains(label) else {
            throw FieldError(code: "impossible_value", field: "label", message: "unknown object class \(label)")
        }
        return label
    }
}
