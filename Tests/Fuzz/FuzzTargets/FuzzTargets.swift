import FaceMatch
import CameraAlerts
import Console
import Engine
import Foundation
import SocialFlags
import VigiaCore

/// One entry point per parser that reads outside input. Each must return for
/// any bytes: a value or a thrown error, never a crash, a hang or a leak.
/// libFuzzer drives them (`Tests/Fuzz/run`); the tests replay the seed
/// corpora and every past finding through them.
public enum FuzzTargets {
    public static let names = ["incident-csv", "camera-events", "frigate", "posts", "watchlist", "geojson", "theme", "rules",
                               "columns", "time", "retention", "social-config", "cameras", "operators", "calibration", "frigate-config"]

    static let zone = TimeZone(identifier: "America/Argentina/Buenos_Aires") ?? TimeZone(secondsFromGMT: -3 * 3600)!
    static let cameras = [Camera(id: "C1", name: "one", location: GeoPoint(latitude: -34.6, longitude: -58.4), heartbeatSeconds: 60,
                                 frigateName: "front_door")]

    /// Runs `data` through the named parser; false for an unknown name.
    @discardableResult
    public static func run(_ name: String, _ data: [UInt8]) -> Bool {
        let text = String(decoding: data, as: UTF8.self)
        switch name {
        case "incident-csv":
            _ = try? IncidentCSVParser(options: .init(timeZone: zone), districts: nil).parse(data, source: "fuzz.csv")
        case "camera-events":
            for line in data.split(separator: 10) { _ = try? CameraEventDecoder(timeZone: zone, cameras: nil, embeddingDimension: 512).decode(line: line) }
        case "frigate":
            for line in data.split(separator: 10) { _ = try? FrigateAdapter(cameras: cameras).decode(line: line) }
        case "posts":
            for line in data.split(separator: 10) { _ = try? PostDecoder(timeZone: zone).decode(line: line) }
        case "watchlist": _ = try? WatchlistFile.decode(Data(data), source: "fuzz.json", timeZone: zone)
        case "geojson": _ = try? GeoJSONReader.read(Data(data), source: "fuzz.geojson")
        case "theme": _ = Theme.parse(text, name: "fuzz", source: "fuzz.theme")
        case "rules": _ = try? RuleFile.parse(text, file: "fuzz.conf")
        case "columns":
            _ = try? ColumnMapping(parsing: text)
            _ = try? SourceValues(parsing: text)
        case "time":
            _ = try? TimeParser.instant(text, in: zone)
            _ = try? TimeParser.period(text, in: zone)
        case "retention": _ = try? RetentionPolicy(parsing: text, source: "fuzz.policy")
        case "social-config": _ = try? ProtectedSpeechGuard.check(text)
        case "cameras": _ = try? CameraRegistryFile.decode(Data(data), source: "fuzz.json")
        case "operators": _ = try? OperatorsFile.decode(Data(data), source: "fuzz.json")
        case "calibration":
            for line in data.split(separator: 10) { _ = try? CalibrationProbe.decode(line: line, dimension: 512) }
        case "frigate-config":
            _ = FrigateConfigFile.parse(text, source: "config.yml")
            _ = CameraPlacesFile.parse(Data(data), source: "places.csv")
        default: return false
        }
        return true
    }
}
