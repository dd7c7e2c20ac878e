import Foundation

/// A polygon in WGS84: an outer ring and holes, as GeoJSON stores them.
public struct GeoPolygon: Hashable, Sendable {
    public var outer: [GeoPoint]
    public var holes: [[GeoPoint]]

    public init(outer: [GeoPoint], holes: [[GeoPoint]] = []) {
        self.outer = outer
        self.holes = holes
    }

    public func projected(with projection: LocalProjection) -> Polygon {
        Polygon(outer: outer.map(projection.project), holes: holes.map { $0.map(projection.project) })
    }
}

/// One GeoJSON feature with an areal geometry; properties kept as text.
public struct GeoFeature: Hashable, Sendable {
    public var properties: [String: String]
    public var polygons: [GeoPolygon]

    public init(properties: [String: String], polygons: [GeoPolygon]) {
        self.properties = properties
        self.polygons = polygons
    }
}

public struct GeoJSONError: Error, CustomStringConvertible, Equatable {
    public var source: String
    public var location: String
    public var reason: String

    public var description: String { "\(source): \(location): \(reason)" }
}

/// Reads GeoJSON FeatureCollections (or single Features) of Polygons and
/// MultiPolygons, the shape district boundary files come in.
public enum GeoJSONReader {
    public static func read(contentsOf url: URL) throws -> [GeoFeature] {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw GeoJSONError(source: url.path, location: "file", reason: "cannot read: \(error.localizedDescription)")
        }
        return try read(data, source: url.lastPathComponent)
    }

    public static func read(_ data: Data, source: String) throws -> [GeoFeature] {
        let root: Any
        do { root = try JSONSerialization.jsonObject(with: data) } catch {
            throw GeoJSONError(source: source, location: "file", reason: "not valid JSON (\(error.localizedDescription))")
        }
        guard let object = root as? [String: Any], let type = object["type"] as? String else {
            throw GeoJSONError(source: source, location: "root", reason: "expected an object with a \"type\"")
        }
        switch type {
        case "FeatureCollection":
            guard let features = object["features"] as? [Any] else {
                throw GeoJSONError(source: source, location: "features", reason: "expected an array")
            }
            return try features.enumerated().map { index, value in
                try feature(value, source: source, location: "features[\(index)]")
            }
        case "Feature":
            return [try feature(object, source: source, location: "feature")]
        default:
            throw GeoJSONError(source: source, location: "type", reason: "expected FeatureCollection or Feature, found \(type)")
        }
    }

    private static func feature(_ value: Any, source: String, location: String) throws -> GeoFeature {
        guard let object = value as? [String: Any] else {
            throw GeoJSONError(source: source, location: location, reason: "expected an object")
        }
        var properties: [String: String] = [:]
        for (key, value) in object["properties"] as? [String: Any] ?? [:] {
            switch value {
            case let s as String: properties[key] = s
            case let n as NSNumber: properties[key] = n.stringValue
            default: continue
            }
        }
        guard let geometry = object["geometry"] as? [String: Any],
              let type = geometry["type"] as? String else {
            throw GeoJSONError(source: source, location: "\(location).geometry", reason: "missing geometry")
        }
        let coordinates = geometry["coordinates"]
        let polygons: [GeoPolygon]
        switch type {
        case "Polygon":
            polygons = [try polygon(coordinates, source: source, location: "\(location).geometry.coordinates")]
        case "MultiPolygon":
            guard let list = coordinates as? [Any] else {
                throw GeoJSONError(source: source, location: "\(location).geometry.coordinates", reason: "expected an array of polygons")
            }
            polygons = try list.enumerated().map { i, p in
                try polygon(p, source: source, location: "\(location).geometry.coordinates[\(i)]")
            }
        default:
            throw GeoJSONError(source: source, location: "\(location).geometry.type", reason: "expected Polygon or MultiPolygon, found \(type)")
        }
        return GeoFeature(properties: properties, polygons: polygons)
    }

    private static func polygon(_ value: Any?, source: String, location: String) throws -> GeoPolygon {
        guard let rings = value as? [Any], !rings.isEmpty else {
            throw GeoJSONError(source: source, location: location, reason: "a polygon needs at least one ring")
        }
        let parsed = try rings.enumerated().map { i, r in try ring(r, source: source, location: "\(location)[\(i)]") }
        return GeoPolygon(outer: parsed[0], holes: Array(parsed.dropFirst()))
    }

    private static func ring(_ value: Any, source: String, location: String) throws -> [GeoPoint] {
        guard let positions = value as? [Any], positions.count >= 4 else {
            throw GeoJSONError(source: source, location: location, reason: "a ring needs at least 4 positions")
        }
        var points: [GeoPoint] = []
        points.reserveCapacity(positions.count)
        for (i, position) in positions.enumerated() {
            guard let pair = position as? [Any], pair.count >= 2,
                  let lon = (pair[0] as? NSNumber)?.doubleValue, let lat = (pair[1] as? NSNumber)?.doubleValue else {
                throw GeoJSONError(source: source, location: "\(location)[\(i)]", reason: "expected [longitude, latitude]")
            }
            let point = GeoPoint(latitude: lat, longitude: lon)
            guard point.isValid else {
                throw GeoJSONError(source: source, location: "\(location)[\(i)]", reason: "coordinates out of range: [\(lon), \(lat)]")
            }
            points.append(point)
        }
        if points.count > 1, points.first == points.last { points.removeLast() }
        return points
    }
}
