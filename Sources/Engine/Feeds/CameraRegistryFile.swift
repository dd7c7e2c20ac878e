import Foundation
import VigiaCore

/// `cameras.json`: `{"schema": "vigia.cameras/1", "cameras": [ … ]}`.
public enum CameraRegistryFile {
    public static let schema = "vigia.cameras/1"

    public static func decode(_ data: Data, source: String) throws -> [Camera] {
        let root: JSONFields
        do {
            guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                throw EngineError.badInput(file: source, line: nil, field: nil, reason: "expected a JSON object with \"cameras\"")
            }
            root = JSONFields(object: object)
        } catch let error as EngineError { throw error } catch {
            throw EngineError.badInput(file: source, line: nil, field: nil, reason: "not valid JSON")
        }
        do {
            let schema = try root.string("schema")
            guard schema == Self.schema else {
                throw FieldError(code: "schema", field: "schema", message: "expected \(Self.schema), found \(schema)")
            }
            var seen = Set<String>()
            return try root.objects("cameras").map { c in
                let id = try c.string("id")
                guard seen.insert(id).inserted else {
                    throw FieldError(code: "duplicate", field: c.path + "id", message: "camera \(id) appears twice")
                }
                return Camera(id: id, name: try c.string("name"),
                              location: GeoPoint(latitude: try c.double("lat", in: -90...90), longitude: try c.double("lon", in: -180...180)),
                              district: try c.optionalString("barrio"), parentDistrict: try c.optionalString("comuna"),
                              zones: try c.strings("zones"), heartbeatSeconds: try c.int("heartbeat_seconds", in: 1...86_400),
                              frigateName: try c.optionalString("frigate_name"), faceAnalytics: try c.bool("face_analytics", default: false))
            }
        } catch let error as FieldError {
            throw EngineError.badInput(file: source, line: nil, field: error.field, reason: error.message)
        }
    }

    public static func encode(_ cameras: [Camera]) -> String {
        var lines = ["{\"schema\":\"\(schema)\",\"cameras\":["]
        for (i, c) in cameras.enumerated() {
            var o: [String: CanonicalJSON] = [
                "id": .string(c.id), "name": .string(c.name),
                "lat": .double(c.location.latitude), "lon": .double(c.location.longitude),
                "zones": .array(c.zones.map(CanonicalJSON.string)), "heartbeat_seconds": .int(Int64(c.heartbeatSeconds)),
                "face_analytics": .bool(c.faceAnalytics),
            ]
            if let d = c.district { o["barrio"] = .string(d) }
            if let p = c.parentDistrict { o["comuna"] = .string(p) }
            if let f = c.frigateName { o["frigate_name"] = .string(f) }
            lines.append(CanonicalJSON.object(o).text + (i < cameras.count - 1 ? "," : ""))
        }
        lines.append("]}")
        return lines.joined(separator: "\n") + "\n"
    }
}
