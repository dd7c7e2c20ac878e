import Engine
import Foundation
import FaceMatch
import VigiaCore

/// Rebuilds the synthetic sample files byte for byte from a seed: cameras,
/// a shift of camera events with face probes, a fictional watchlist, a face
/// calibration set, social posts with gold labels, and demo operators.
/// Camera placement follows the real incidents and barrios it is given.
public struct SampleGenerator {
    public struct Options: Sendable {
        public var seed: UInt64 = 2018
        public var watchlistSize = 2_000
        /// Face probes during the shift (about 5 % of them mated).
        public var shiftProbes = 1_600
        public var calibrationNonMated = 20_000
        public var calibrationMated = 2_000
        public var cameraCount = 150
        public var posts = 3_000
        public init() {}
    }

    /// The demo shift: Thursday 2018-11-15, tarde, Buenos Aires time.
    public static let shiftStart = Date(timeIntervalSince1970: 1_542_301_200)
    public static let shiftEnd = shiftStart.addingTimeInterval(8 * 3600)
    public static let files = ["cameras.json", "camera-events.jsonl", "watchlist.json", "face-calibration.jsonl",
                               "posts.jsonl", "posts-labels.csv", "operators.json"]

    public let options: Options
    let timeZone: TimeZone
    let formatter: TimestampFormatter
    let districts: DistrictIndex
    /// Real incidents before the shift: where cameras go.
    let incidentPoints: [GeoPoint]

    /// `realData` holds `ba-barrios.geojson` and `ba-robos-2017-2018.csv`.
    public init(options: Options, realData: URL) throws {
        self.options = options
        timeZone = try TimeZone.named(TimeParser.defaultTimeZoneIdentifier)
        formatter = TimestampFormatter(timeZone: timeZone)
        let features = try GeoJSONReader.read(contentsOf: realData.appendingPathComponent("ba-barrios.geojson"))
        districts = DistrictIndex(features: features, nameKey: "barrio", parentKey: "comuna",
                                  projection: LocalProjection(reference: GeoPoint(latitude: -34.6158, longitude: -58.4333)))
        var parseOptions = IncidentCSVParser.Options(timeZone: timeZone)
        parseOptions.maximumDistanceOutside = .infinity
        let bytes = Array(try Data(contentsOf: realData.appendingPathComponent("ba-robos-2017-2018.csv")))
        let parsed = try IncidentCSVParser(options: parseOptions, districts: nil).parse(bytes, source: "ba-robos-2017-2018.csv")
        incidentPoints = parsed.records.filter { $0.incident.occurredAt < Self.shiftStart }.map(\.incident.location)
    }

    /// Writes every synthetic file into `folder`.
    public func generate(into folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let root = SeededRandom(seed: options.seed)
        var faceRandom = root.fork("face-model")
        let model = SyntheticFaceModel(random: &faceRandom)
        let people = makeWatchlist(model: model, random: root.fork("watchlist"))
        let cameras = makeCameras(random: root.fork("cameras"))
        try write(CameraRegistryFile.encode(cameras), to: folder, "cameras.json")
        try write(watchlistJSON(people), to: folder, "watchlist.json")
        try writeLines(calibrationLines(model: model, people: people, random: root.fork("calibration")), to: folder, "face-calibration.jsonl")
        try writeLines(eventLines(cameras: cameras, model: model, people: people, random: root.fork("events")), to: folder, "camera-events.jsonl")
        let posts = makePosts(cameras: cameras, random: root.fork("posts"))
        try writeLines(posts.map(\.line), to: folder, "posts.jsonl")
        try writeLines(["id,label,category,protected,family,split"] + posts.map(\.label), to: folder, "posts-labels.csv")
        try write(operatorsJSON, to: folder, "operators.json")
    }

    func write(_ text: String, to folder: URL, _ name: String) throws {
        try Data(text.utf8).write(to: folder.appendingPathComponent(name))
    }

    func writeLines(_ lines: [String], to folder: URL, _ name: String) throws {
        try write(lines.joined(separator: "\n") + "\n", to: folder, name)
    }

    func timestamp(_ date: Date) -> String { formatter.string(from: date) }

    static func round(_ value: Double, _ places: Double) -> Double {
        (value * places).rounded() / places
    }

    /// Demo operators; their passphrases are documented in the README.
    var operatorsJSON: String {
        // Two supervisors: a wide authorisation needs a second one to confirm it (safeguard 3).
        let ops: [(String, Role)] = [("root", .admin), ("sergio", .supervisor), ("marta", .supervisor), ("dina", .dispatcher),
                                     ("diego", .dispatcher), ("sofia", .dispatcher), ("ana", .auditor)]
        let items = ops.map { name, role in
            CanonicalJSON.object(["name": .string(name), "role": .string(role.rawValue), "passphrase": .string("demo-\(name)-2018")]).text
        }
        return "{\"note\":\"Demo accounts for the sample shift only. Never reuse these passphrases.\",\"operators\":[\n"
            + items.joined(separator: ",\n") + "\n]}\n"
    }
}
