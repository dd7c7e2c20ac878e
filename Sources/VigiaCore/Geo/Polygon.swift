/// A polygon in planar metres: one outer ring and any holes. Rings need not
/// repeat their first point at the end.
public struct Polygon: Hashable, Sendable {
    public let outer: [PlanarPoint]
    public let holes: [[PlanarPoint]]
    public let bounds: PlanarRect

    public init(outer: [PlanarPoint], holes: [[PlanarPoint]] = []) {
        self.outer = outer
        self.holes = holes
        bounds = PlanarRect.enclosing(outer) ?? PlanarRect(minX: 0, minY: 0, maxX: 0, maxY: 0)
    }

    /// Even-odd rule: inside the outer ring and outside every hole.
    public func contains(_ p: PlanarPoint) -> Bool {
        guard bounds.contains(p), Self.ring(outer, contains: p) else { return false }
        return !holes.contains { Self.ring($0, contains: p) }
    }

    /// Shoelace area of the outer ring minus the holes, in m².
    public var area: Double {
        abs(Self.signedArea(outer)) - holes.reduce(0) { $0 + abs(Self.signedArea($1)) }
    }

    /// Distance in metres from `p` to the polygon (0 inside).
    public func distance(to p: PlanarPoint) -> Double {
        if contains(p) { return 0 }
        var best = Double.infinity
        for ring in [outer] + holes where ring.count >= 2 {
            var j = ring.count - 1
            for i in 0..<ring.count {
                best = Swift.min(best, Self.segmentDistance(p, ring[j], ring[i]))
                j = i
            }
        }
        return best
    }

    static func segmentDistance(_ p: PlanarPoint, _ a: PlanarPoint, _ b: PlanarPoint) -> Double {
        let dx = b.x - a.x, dy = b.y - a.y
        let length2 = dx * dx + dy * dy
        var t = length2 > 0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / length2 : 0
        t = Swift.max(0, Swift.min(1, t))
        return p.distance(to: PlanarPoint(x: a.x + t * dx, y: a.y + t * dy))
    }

    static func ring(_ ring: [PlanarPoint], contains p: PlanarPoint) -> Bool {
        guard ring.count >= 3 else { return false }
        var inside = false
        var j = ring.count - 1
        for i in 0..<ring.count {
            let a = ring[i], b = ring[j]
            if (a.y > p.y) != (b.y > p.y) {
                let xCross = a.x + (p.y - a.y) * (b.x - a.x) / (b.y - a.y)
                if p.x < xCross { inside.toggle() }
            }
            j = i
        }
        return inside
    }

    static func signedArea(_ ring: [PlanarPoint]) -> Double {
        guard ring.count >= 3 else { return 0 }
        var sum = 0.0
        var j = ring.count - 1
        for i in 0..<ring.count {
            sum += (ring[j].x + ring[i].x) * (ring[j].y - ring[i].y)
            j = i
        }
        return sum / 2
    }
}

/// One or more polygons: a district may have islands.
public struct MultiPolygon: Hashable, Sendable {
    public let polygons: [Polygon]
    public let bounds: PlanarRect

    public init(_ polygons: [Polygon]) {
        self.polygons = polygons
        bounds = polygons.dropFirst().reduce(polygons.first?.bounds ?? PlanarRect(minX: 0, minY: 0, maxX: 0, maxY: 0)) {
            $0.union($1.bounds)
        }
    }

    public func contains(_ p: PlanarPoint) -> Bool {
        bounds.contains(p) && polygons.contains { $0.contains(p) }
    }

    public var area: Double { polygons.reduce(0) { $0 + $1.area } }

    public func distance(to p: PlanarPoint) -> Double {
        polygons.reduce(Double.infinity) { Swift.min($0, $1.distance(to: p)) }
    }
}
