/// Incidents placed on a grid, sorted by time, stored as parallel arrays so
/// the models can scan windows without allocating. Place only: no person.
public struct EventHistory: Sendable {
    /// Seconds since the epoch, ascending.
    public private(set) var times: [Double] = []
    public private(set) var cells: [Int32] = []
    /// Planar metres, for kernels finer than a cell.
    public private(set) var xs: [Double] = []
    public private(set) var ys: [Double] = []
    /// 1 for a citizen report; less (or 0) for records that follow patrols.
    public private(set) var weights: [Double] = []

    public init() {}

    /// Builds a history from unsorted events; those outside the grid are dropped.
    public init(events: [GridEvent]) {
        let sorted = events.sorted { ($0.time, $0.cell) < ($1.time, $1.cell) }
        times.reserveCapacity(sorted.count)
        for e in sorted { append(e) }
    }

    public mutating func append(_ e: GridEvent) {
        precondition(times.last.map { $0 <= e.time } ?? true, "events must arrive in time order")
        times.append(e.time)
        cells.append(Int32(e.cell))
        xs.append(e.x)
        ys.append(e.y)
        weights.append(e.weight)
    }

    public var count: Int { times.count }

    /// The index of the first event at or after `time`.
    public func firstIndex(atOrAfter time: Double) -> Int {
        var lo = 0, hi = times.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if times[mid] < time { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Indices of events in [from, to).
    public func range(from: Double, to: Double) -> Range<Int> {
        let a = firstIndex(atOrAfter: from), b = firstIndex(atOrAfter: to)
        return a..<max(a, b)
    }
}

/// An incident placed on the grid.
public struct GridEvent: Hashable, Sendable {
    public var cell: Int
    /// Seconds since the epoch.
    public var time: Double
    public var x: Double
    public var y: Double
    public var weight: Double

    public init(cell: Int, time: Double, x: Double = 0, y: Double = 0, weight: Double = 1) {
        self.cell = cell
        self.time = time
        self.x = x
        self.y = y
        self.weight = weight
    }
}
