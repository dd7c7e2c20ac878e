import VigiaCore

/// Where patrols were actually sent ("dosage") against what happened there:
/// for each issued box, the incidents recorded inside it during its window,
/// split by who initiated the record. Police-initiated records follow
/// patrols (Ensign et al. 2018), so a box that gathers them faster than the
/// rest of the city shows the feedback loop the forecast must not learn from.
public enum PatrolDosage {
    /// An issued box: a square in planar metres, for a time window.
    public struct Box: Hashable, Sendable {
        public var unit: Int
        public var centre: PlanarPoint
        public var side: Double
        /// Seconds since the epoch, [from, to).
        public var from: Double
        public var to: Double

        public init(unit: Int, centre: PlanarPoint, side: Double, from: Double, to: Double) {
            self.unit = unit; self.centre = centre; self.side = side; self.from = from; self.to = to
        }

        func contains(_ r: Record) -> Bool {
            r.time >= from && r.time < to && abs(r.point.x - centre.x) <= side / 2 && abs(r.point.y - centre.y) <= side / 2
        }
    }

    /// A recorded incident: where, when, and whether the police initiated it.
    public struct Record: Hashable, Sendable {
        public var point: PlanarPoint
        public var time: Double
        public var policeInitiated: Bool

        public init(point: PlanarPoint, time: Double, policeInitiated: Bool) {
            self.point = point; self.time = time; self.policeInitiated = policeInitiated
        }
    }

    public struct BoxCount: Hashable, Sendable, Codable {
        public var unit: Int
        public var incidents: Int
        public var policeInitiated: Int
    }

    public struct Result: Hashable, Sendable, Codable {
        public var boxes: [BoxCount]
        /// Records in the window inside at least one box, and of those police-initiated.
        public var inBoxes: Int
        public var policeInitiatedInBoxes: Int
        /// Records in the window outside every box.
        public var elsewhere: Int
        public var policeInitiatedElsewhere: Int
        /// Police-initiated records per issued box.
        public var policeInitiatedPerBox: Double?
        /// Police-initiated records elsewhere per the same area as the mean box; nil without an area.
        public var policeInitiatedPerBoxAreaElsewhere: Double?
    }

    /// Counts `records` against `boxes`. `area` is the whole city's in m²
    /// (for the rate elsewhere); the window counted is the union of the boxes'.
    public static func count(boxes: [Box], records: [Record], area: Double) -> Result {
        guard let from = boxes.map(\.from).min(), let to = boxes.map(\.to).max() else {
            return Result(boxes: [], inBoxes: 0, policeInitiatedInBoxes: 0, elsewhere: 0, policeInitiatedElsewhere: 0,
                          policeInitiatedPerBox: nil, policeInitiatedPerBoxAreaElsewhere: nil)
        }
        var counts = boxes.map { BoxCount(unit: $0.unit, incidents: 0, policeInitiated: 0) }
        var inBoxes = 0, policeIn = 0, elsewhere = 0, policeOut = 0
        for r in records where r.time >= from && r.time < to {
            var inside = false
            for (i, b) in boxes.enumerated() where b.contains(r) {
                inside = true
                counts[i].incidents += 1
                if r.policeInitiated { counts[i].policeInitiated += 1 }
            }
            if inside { inBoxes += 1; if r.policeInitiated { policeIn += 1 } } else { elsewhere += 1; if r.policeInitiated { policeOut += 1 } }
        }
        let meanBoxArea = boxes.reduce(0) { $0 + $1.side * $1.side } / Double(boxes.count)
        let areaElsewhere = area - boxes.reduce(0) { $0 + $1.side * $1.side }
        return Result(boxes: counts, inBoxes: inBoxes, policeInitiatedInBoxes: policeIn, elsewhere: elsewhere, policeInitiatedElsewhere: policeOut,
                      policeInitiatedPerBox: Double(policeIn) / Double(boxes.count),
                      policeInitiatedPerBoxAreaElsewhere: areaElsewhere > 0 ? Double(policeOut) * meanBoxArea / areaElsewhere : nil)
    }
}
