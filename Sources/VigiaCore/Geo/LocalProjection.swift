/// WGS84 ↔ local planar metres around a reference point.
///
/// A transverse Mercator with its central meridian through the reference and
/// scale 1 there, shifted so the reference is (0, 0). Its scale error grows as
/// x²/2R²: 5 ppm at 20 km east or west, i.e. under 0.2 m over a 40 km city,
/// well inside the 1 m the grid needs. Distances along the meridian are exact.
public struct LocalProjection: Sendable, Hashable {
    public let reference: GeoPoint
    private let mercator: TransverseMercator
    private let origin: PlanarPoint

    public init(reference: GeoPoint) {
        self.reference = reference
        mercator = TransverseMercator(centralMeridian: reference.longitude)
        origin = mercator.forward(reference)
    }

    public func project(_ p: GeoPoint) -> PlanarPoint {
        let q = mercator.forward(p)
        return PlanarPoint(x: q.x - origin.x, y: q.y - origin.y)
    }

    public func unproject(_ p: PlanarPoint) -> GeoPoint {
        mercator.inverse(PlanarPoint(x: p.x + origin.x, y: p.y + origin.y))
    }
}
