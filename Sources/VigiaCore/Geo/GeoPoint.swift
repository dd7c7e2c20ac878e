/// A WGS84 position in decimal degrees.
public struct GeoPoint: Hashable, Sendable, Codable {
    public var latitude: Double
    public var longitude: Double

    public init(latitude: Double, longitude: Double) {
        self.latitude = latitude
        self.longitude = longitude
    }

    /// The centre of the points' latitude / longitude bounding box (0, 0 for none):
    /// the reference point for a city's local projection.
    public static func boundingBoxCentre<S: Sequence>(of points: S) -> GeoPoint where S.Element == GeoPoint {
        var minLat = 90.0, maxLat = -90.0, minLon = 180.0, maxLon = -180.0
        for p in points {
            minLat = Swift.min(minLat, p.latitude); maxLat = Swift.max(maxLat, p.latitude)
            minLon = Swift.min(minLon, p.longitude); maxLon = Swift.max(maxLon, p.longitude)
        }
        guard minLat <= maxLat else { return GeoPoint(latitude: 0, longitude: 0) }
        return GeoPoint(latitude: (minLat + maxLat) / 2, longitude: (minLon + maxLon) / 2)
    }

    /// True when both coordinates are finite and inside the WGS84 ranges.
    public var isValid: Bool {
        latitude.isFinite && longitude.isFinite
            && (-90...90).contains(latitude) && (-180...180).contains(longitude)
    }
}

/// A position in local planar metres (x east, y north) of a `LocalProjection`.
public struct PlanarPoint: Hashable, Sendable, Codable {
    public var x: Double
    public var y: Double

    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }

    public func distance(to other: PlanarPoint) -> Double {
        ((x - other.x) * (x - other.x) + (y - other.y) * (y - other.y)).squareRoot()
    }
}

/// An axis-aligned rectangle in planar metres.
public struct PlanarRect: Hashable, Sendable, Codable {
    public var minX: Double
    public var minY: Double
    public var maxX: Double
    public var maxY: Double

    public init(minX: Double, minY: Double, maxX: Double, maxY: Double) {
        self.minX = minX
        self.minY = minY
        self.maxX = maxX
        self.maxY = maxY
    }

    public var width: Double { maxX - minX }
    public var height: Double { maxY - minY }

    public func contains(_ p: PlanarPoint) -> Bool {
        p.x >= minX && p.x <= maxX && p.y >= minY && p.y <= maxY
    }

    public func union(_ other: PlanarRect) -> PlanarRect {
        PlanarRect(minX: Swift.min(minX, other.minX), minY: Swift.min(minY, other.minY),
                   maxX: Swift.max(maxX, other.maxX), maxY: Swift.max(maxY, other.maxY))
    }

    /// The smallest rectangle holding every point; nil for no points.
    public static func enclosing<S: Sequence>(_ points: S) -> PlanarRect? where S.Element == PlanarPoint {
        var it = points.makeIterator()
        guard let first = it.next() else { return nil }
        var r = PlanarRect(minX: first.x, minY: first.y, maxX: first.x, maxY: first.y)
        while let p = it.next() {
            r.minX = Swift.min(r.minX, p.x); r.maxX = Swift.max(r.maxX, p.x)
            r.minY = Swift.min(r.minY, p.y); r.maxY = Swift.max(r.maxY, p.y)
        }
        return r
    }
}
