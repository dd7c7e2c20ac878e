import Foundation

/// One box handed to a unit: a square around a centre, for the issue's window.
public struct IssuedPatrolBox: Hashable, Sendable, Codable {
    public var unit: Int
    public var centre: GeoPoint
    public var sideMetres: Double
    /// What the forecast expected in the box when it was issued.
    public var expected: Double
    public var district: String?
    /// The forecast grid's cells the box covered (see `IssuedPatrol.grid`).
    public var cells: [Int]

    public init(unit: Int, centre: GeoPoint, sideMetres: Double, expected: Double, district: String?, cells: [Int]) {
        self.unit = unit; self.centre = centre; self.sideMetres = sideMetres; self.expected = expected
        self.district = district; self.cells = cells
    }
}

/// Patrol boxes a supervisor handed to units for a time window: where
/// patrols were actually sent ("dosage"), kept so reports can set what
/// happened in the boxes against what was expected there.
public struct IssuedPatrol: Hashable, Sendable, Codable {
    public var id: Int64
    public var issuedAt: Date
    public var issuedBy: String
    /// The window the units patrol, [from, to).
    public var from: Date
    public var to: Date
    public var model: String
    /// The grid the cells refer to: `originX|originY|cellSize|columns|rows` in the district layer's metres.
    public var grid: String
    public var boxes: [IssuedPatrolBox]

    public init(id: Int64 = 0, issuedAt: Date, issuedBy: String, from: Date, to: Date, model: String, grid: String, boxes: [IssuedPatrolBox]) {
        self.id = id; self.issuedAt = issuedAt; self.issuedBy = issuedBy; self.from = from; self.to = to
        self.model = model; self.grid = grid; self.boxes = boxes
    }
}

public protocol PatrolRepository: Sendable {
    /// Stores the issue and its boxes with `audit` in one transaction; returns its id.
    @discardableResult
    func issue(_ patrol: IssuedPatrol, audit: AuditEntry) throws -> Int64
    /// Issues whose window overlaps [from, to), oldest first.
    func issued(overlapping from: Date, to: Date) throws -> [IssuedPatrol]
}
