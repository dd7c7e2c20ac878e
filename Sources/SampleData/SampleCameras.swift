import Foundation
import VigiaCore

extension SampleGenerator {
    /// Cameras at the busy places, then at corners where incidents have been
    /// dense (drawn from real incident points, at least 350 m apart).
    func makeCameras(random: SeededRandom) -> [Camera] {
        var random = random
        var cameras: [Camera] = []
        var planar: [PlanarPoint] = []
        func add(name: String, at point: GeoPoint, zones: [String], face: Bool) {
            let district = districts.district(containing: point)
            let id = String(format: "CAM-%03d", cameras.count + 1)
            let heartbeat = [60, 60, 120, 120, 120, 300][random.int(in: 0...5)]
            cameras.append(Camera(id: id, name: name, location: point, district: district?.name, parentDistrict: district?.parent,
                                  zones: zones, heartbeatSeconds: heartbeat, frigateName: "cam_" + id.dropFirst(4),
                                  faceAnalytics: face))
            planar.append(districts.projection.project(point))
        }
        for place in SampleNames.places {
            add(name: place.name, at: GeoPoint(latitude: place.lat, longitude: place.lon), zones: place.zones, face: true)
        }
        var attempts = 0
        while cameras.count < options.cameraCount, attempts < 100_000 {
            attempts += 1
            let point = random.pick(incidentPoints)
            let p = districts.projection.project(point)
            guard let district = districts.district(containing: p),
                  !planar.contains(where: { $0.distance(to: p) < 350 }) else { continue }
            let streets = SampleNames.streetsByComuna[district.parent ?? ""] ?? ["Av. Rivadavia", "Av. Corrientes"]
            let a = random.pick(streets)
            var b = random.pick(streets)
            while b == a { b = random.pick(streets) }
            let kind = random.unit()
            let zones = kind < 0.6 ? ["crossing", "sidewalk"] : kind < 0.85 ? ["sidewalk", "entrance", "parking"] : ["plaza", "sidewalk"]
            add(name: "\(a) y \(b)", at: GeoPoint(latitude: Self.round(point.latitude, 1e6), longitude: Self.round(point.longitude, 1e6)),
                zones: zones, face: random.chance(0.15))
        }
        return cameras
    }
}
