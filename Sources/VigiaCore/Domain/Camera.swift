import Foundation

/// A fixed camera; detection runs on it or on its NVR, not in Vigía.
public struct Camera: Hashable, Sendable, Codable {
    public var id: String
    public var name: String
    public var location: GeoPoint
    public var district: String?
    public var parentDistrict: String?
    /// Named areas in the camera's view ("entrance", "platform", "plaza").
    public var zones: [String]
    /// Seconds between heartbeats; missing several marks the camera offline.
    public var heartbeatSeconds: Int
    /// The camera's name in Frigate NVR, when its events come from Frigate.
    public var frigateName: String?
    /// Whether the camera's edge analytics send face embeddings.
    public var faceAnalytics: Bool

    public init(id: String, name: String, location: GeoPoint, district: String? = nil,
                parentDistrict: String? = nil, zones: [String] = [], heartbeatSeconds: Int = 60,
                frigateName: String? = nil, faceAnalytics: Bool = false) {
        self.id = id
        self.name = name
        self.location = location
        self.district = district
        self.parentDistrict = parentDistrict
        self.zones = zones
        self.heartbeatSeconds = heartbeatSeconds
        self.frigateName = frigateName
        self.faceAnalytics = faceAnalytics
    }
}

/// Whether a camera is working as far as its feed shows.
public enum CameraHealth: String, Hashable, Sendable, Codable {
    case online, offline, tampered
}

/// One event from a camera's edge analytics.
public struct CameraEvent: Hashable, Sendable, Codable {
    public enum Kind: Hashable, Sendable, Codable {
        case detection(label: String, zone: String?, score: Double)
        case loitering(label: String, zone: String?, dwellSeconds: Double)
        case crowd(zone: String?, count: Int)
        case heartbeat
        case tamper(reason: String)
        case faceProbe(Probe)
        /// The edge's review or object `trackID` is over (Frigate's review
        /// `end`): its end time is recorded on the alert it raised.
        case ended
    }

    public var cameraID: String
    public var time: Date
    /// The edge tracker's id for the object, when it has one.
    public var trackID: String?
    public var kind: Kind

    public init(cameraID: String, time: Date, trackID: String? = nil, kind: Kind) {
        self.cameraID = cameraID
        self.time = time
        self.trackID = trackID
        self.kind = kind
    }
}
