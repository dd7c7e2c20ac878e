import Foundation
import VigiaCore

/// How much each kind of report counts when models train (safeguard 8).
/// Police-initiated records follow patrols, so by default they are left out.
public struct SourceWeights: Sendable, Equatable {
    public var citizen = 1.0
    public var unknown = 1.0
    public var police = 0.0

    public init(police: Double = 0) {
        self.police = police
    }

    public func weight(_ source: ReportSource) -> Double {
        switch source {
        case .citizen: return citizen
        case .unknown: return unknown
        case .policeInitiated: return police
        }
    }
}

/// Incidents placed on a grid over planar metres, ready for the models.
public struct HotspotInput: Sendable {
    public let projection: LocalProjection
    public let grid: Grid
    public let history: EventHistory

    /// A grid of `cellSize` metres over the incidents' extent (or `bounds`),
    /// projected around its centre. Events with weight 0 are kept out.
    public init(incidents: [Incident], cellSize: Double = Grid.defaultCellSize, weights: SourceWeights = SourceWeights(),
                bounds: PlanarRect? = nil, projection: LocalProjection? = nil) {
        let projection = projection ?? LocalProjection(reference: .boundingBoxCentre(of: incidents.lazy.map(\.location)))
        let points = incidents.map { projection.project($0.location) }
        let extent = bounds ?? PlanarRect.enclosing(points) ?? PlanarRect(minX: 0, minY: 0, maxX: cellSize, maxY: cellSize)
        let grid = Grid(covering: extent, cellSize: cellSize)
        var events: [GridEvent] = []
        events.reserveCapacity(incidents.count)
        for (incident, p) in zip(incidents, points) {
            let w = weights.weight(incident.source)
            guard w > 0, let cell = grid.cell(containing: p) else { continue }
            events.append(GridEvent(cell: cell, time: incident.occurredAt.timeIntervalSince1970, x: p.x, y: p.y, weight: w))
        }
        self.projection = projection
        self.grid = grid
        history = EventHistory(events: events)
    }
}
