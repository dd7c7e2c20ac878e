/// A named area (a barrio, a comuna) with its boundary in planar metres.
public struct District: Hashable, Sendable {
    public var name: String
    /// The larger district this one belongs to (a barrio's comuna), if known.
    public var parent: String?
    public var shape: MultiPolygon

    public init(name: String, parent: String? = nil, shape: MultiPolygon) {
        self.name = name
        self.parent = parent
        self.shape = shape
    }
}

/// Answers "which district is this point in" quickly: a coarse bucket grid
/// narrows each query to the few districts whose bounds touch its bucket.
public struct DistrictIndex: Sendable {
    public let districts: [District]
    public let projection: LocalProjection
    private let buckets: Grid
    private let candidates: [[Int32]]

    public init(districts: [District], projection: LocalProjection, bucketSize: Double = 500) {
        self.districts = districts
        self.projection = projection
        let bounds = districts.dropFirst().reduce(districts.first?.shape.bounds ?? PlanarRect(minX: 0, minY: 0, maxX: 1, maxY: 1)) {
            $0.union($1.shape.bounds)
        }
        buckets = Grid(covering: bounds, cellSize: bucketSize)
        var lists = [[Int32]](repeating: [], count: buckets.cellCount)
        for (i, district) in districts.enumerated() {
            let b = district.shape.bounds
            let c0 = Swift.max(0, Int(((b.minX - buckets.originX) / bucketSize).rounded(.down)))
            let c1 = Swift.min(buckets.columns - 1, Int(((b.maxX - buckets.originX) / bucketSize).rounded(.down)))
            let r0 = Swift.max(0, Int(((b.minY - buckets.originY) / bucketSize).rounded(.down)))
            let r1 = Swift.min(buckets.rows - 1, Int(((b.maxY - buckets.originY) / bucketSize).rounded(.down)))
            guard c0 <= c1, r0 <= r1 else { continue }
            for r in r0...r1 { for c in c0...c1 { lists[r * buckets.columns + c].append(Int32(i)) } }
        }
        candidates = lists
    }

    /// Builds an index from GeoJSON features, naming each district by the
    /// property `nameKey` and its parent by `parentKey`.
    public init(features: [GeoFeature], nameKey: String, parentKey: String? = nil,
                projection: LocalProjection) {
        let districts = features.map { f in
            District(name: f.properties[nameKey] ?? "?",
                     parent: parentKey.flatMap { f.properties[$0] },
                     shape: MultiPolygon(f.polygons.map { $0.projected(with: projection) }))
        }
        self.init(districts: districts, projection: projection)
    }

    /// The union of every district's bounds.
    public var bounds: PlanarRect {
        PlanarRect(minX: buckets.originX, minY: buckets.originY,
                   maxX: buckets.originX + Double(buckets.columns) * buckets.cellSize,
                   maxY: buckets.originY + Double(buckets.rows) * buckets.cellSize)
    }

    public func district(containing p: PlanarPoint) -> District? {
        index(containing: p).map { districts[$0] }
    }

    public func district(containing p: GeoPoint) -> District? {
        district(containing: projection.project(p))
    }

    public func index(containing p: PlanarPoint) -> Int? {
        guard let bucket = buckets.cell(containing: p) else { return nil }
        for i in candidates[bucket] where districts[Int(i)].shape.contains(p) { return Int(i) }
        return nil
    }

    /// Distance in metres from `p` to the nearest district (0 inside one).
    /// Exact but slow: meant for the rare point that falls outside every district.
    public func distanceToNearestDistrict(_ p: PlanarPoint) -> Double {
        if index(containing: p) != nil { return 0 }
        return districts.reduce(Double.infinity) { Swift.min($0, $1.shape.distance(to: p)) }
    }
}
