import Foundation
import VigiaCore

/// The integrator's list of where each Frigate camera is:
/// `frigate_name,lat,lon[,name]`, one camera per line after the header.
public enum CameraPlacesFile {
    public struct Place: Sendable, Equatable {
        public var frigateName: String
        public var location: GeoPoint
        public var name: String?
        public var line: Int
    }

    public static func parse(_ data: Data, source: String) -> ([Place], [InputProblem]) {
        var problems: [InputProblem] = []
        var places: [Place] = []
        let reader = CSVReader(bytes: Array(data))
        if let e = reader.encodingProblem { return ([], [InputProblem(file: source, line: 1, reason: e)]) }
        var header: [String]?
        var seen: [String: Int] = [:]
        reader.forEachRecord { r in
            if r.malformed { problems.append(InputProblem(file: source, line: r.line, reason: "unterminated quote")); return true }
            let fields = (0..<r.count).map { (r.string($0) ?? "").trimmingCharacters(in: .whitespaces) }
            guard let columns = header else {
                let lower = fields.map { $0.lowercased() }
                guard lower.count >= 3, Array(lower.prefix(3)) == ["frigate_name", "lat", "lon"], lower.count == 3 || (lower.count == 4 && lower[3] == "name") else {
                    problems.append(InputProblem(file: source, line: r.line, reason: "the header must be frigate_name,lat,lon or frigate_name,lat,lon,name"))
                    return false
                }
                header = lower
                return true
            }
            if fields.allSatisfy(\.isEmpty) { return true }
            guard fields.count == columns.count else {
                problems.append(InputProblem(file: source, line: r.line, reason: "expected \(columns.count) fields, found \(fields.count)"))
                return true
            }
            let frigate = fields[0]
            guard FrigateConfigFile.validName(frigate) else {
                problems.append(InputProblem(file: source, line: r.line, field: "frigate_name", reason: "letters, digits, _ or - (at most 64)"))
                return true
            }
            if let first = seen[frigate] {
                problems.append(InputProblem(file: source, line: r.line, field: "frigate_name", reason: "\(frigate) is already placed on line \(first)"))
                return true
            }
            seen[frigate] = r.line
            guard let lat = Double(fields[1]), (-90...90).contains(lat) else {
                problems.append(InputProblem(file: source, line: r.line, field: "lat", reason: "expected a latitude, -90 to 90"))
                return true
            }
            guard let lon = Double(fields[2]), (-180...180).contains(lon) else {
                problems.append(InputProblem(file: source, line: r.line, field: "lon", reason: "expected a longitude, -180 to 180"))
                return true
            }
            var name: String?
            if columns.count == 4, !fields[3].isEmpty {
                guard fields[3].count <= 120 else {
                    problems.append(InputProblem(file: source, line: r.line, field: "name", reason: "at most 120 characters"))
                    return true
                }
                name = fields[3]
            }
            places.append(Place(frigateName: frigate, location: GeoPoint(latitude: lat, longitude: lon), name: name, line: r.line))
            return true
        }
        if header == nil && problems.isEmpty { problems.append(InputProblem(file: source, line: 1, reason: "the file is empty")) }
        return (places, problems)
    }
}
