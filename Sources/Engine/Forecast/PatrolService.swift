import Foundation
import Hotspots
import VigiaCore

public struct PatrolReport: Codable, Sendable {
    public struct Box: Codable, Sendable, Equatable {
        public var unit: Int
        public var centreLatitude: Double
        public var centreLongitude: Double
        public var sizeMetres: Double
        public var district: String?
        public var expected: Double
        public var share: Double
    }
    public var at: Date
    public var horizonHours: Double
    public var boxes: [Box]
    /// Share of the window's expected incidents the plan covers.
    public var coveredShare: Double
    /// Set when the plan was recorded as handed to units (`patrol --issue`).
    public var issueID: Int64?
}

extension Engine {
    /// Patrol boxes of `boxMetres` for `units` units over the forecast's expected counts.
    public func patrol(at: Date, horizon: Double, units: Int, boxMetres: Double = 300, model: String = "recency",
                       policeWeight: Double = 0, as principal: Principal) throws -> PatrolReport {
        try patrolPlan(at: at, horizon: horizon, units: units, boxMetres: boxMetres, model: model, policeWeight: policeWeight, as: principal).report
    }

    /// Plans boxes for [at, at + horizon) and records them as handed to units
    /// (supervisor, admin): the dosage the summary later sets against what
    /// was recorded in them. Audited as `patrol.issue` in the same transaction.
    public func issuePatrol(at: Date, horizon: Double, units: Int, boxMetres: Double = 300, model: String = "recency",
                            by principal: Principal) throws -> PatrolReport {
        try require(.issuePatrols, of: principal)
        guard let patrols else {
            throw EngineError.badInput(file: location, line: nil, field: nil, reason: "this store cannot record issued patrols")
        }
        guard (1...500).contains(units) else {
            throw EngineError.badInput(file: "--units", line: nil, field: String(units), reason: "issue 1 to 500 units")
        }
        guard horizon > 0, horizon <= 7 * 86_400 else {
            throw EngineError.badInput(file: "--horizon", line: nil, field: nil, reason: "a patrol window lasts at most 7 days")
        }
        var (report, boxes, input) = try patrolPlan(at: at, horizon: horizon, units: units, boxMetres: boxMetres, model: model,
                                                    policeWeight: 0, as: principal)
        guard !boxes.isEmpty else {
            throw EngineError.badInput(file: location, line: nil, field: nil, reason: "the forecast expects nothing anywhere: no box to issue")
        }
        let g = input.grid
        let issued = zip(report.boxes, boxes).map { r, b in
            IssuedPatrolBox(unit: r.unit, centre: GeoPoint(latitude: r.centreLatitude, longitude: r.centreLongitude), sideMetres: r.sizeMetres,
                            expected: r.expected, district: r.district, cells: b.cells(in: g))
        }
        let end = at.addingTimeInterval(horizon)
        let format = TimestampFormatter(timeZone: timeZone)
        let record = IssuedPatrol(issuedAt: clock.now(), issuedBy: principal.name, from: at, to: end, model: model,
                                  grid: "\(g.originX)|\(g.originY)|\(g.cellSize)|\(g.columns)|\(g.rows)", boxes: issued)
        let id = try patrols.issue(record, audit: AuditEntry(
            principal: principal, action: .patrolIssue, subject: "\(format.string(from: at))/\(format.string(from: end))",
            details: ["units": .int(Int64(issued.count)), "box_metres": .double(issued.first?.sideMetres ?? boxMetres), "model": .string(model),
                      "cells": .int(Int64(issued.reduce(0) { $0 + $1.cells.count }))]))
        report.issueID = id
        return report
    }

    /// The plan, its boxes on the grid and the forecast input they came from.
    func patrolPlan(at: Date, horizon: Double, units: Int, boxMetres: Double, model: String, policeWeight: Double,
                    as principal: Principal) throws -> (report: PatrolReport, boxes: [PatrolPlan.Box], input: HotspotInput) {
        let (_, expected, input) = try forecast(at: at, horizon: horizon, model: model, top: 0, policeWeight: policeWeight, as: principal)
        let k = max(1, Int((boxMetres / input.grid.cellSize).rounded()))
        let boxes = PatrolPlan.greedy(expected: expected, grid: input.grid, boxCells: k, units: units)
        let total = expected.reduce(0, +)
        let districts = try districtIndex()
        let list = boxes.enumerated().map { i, b -> PatrolReport.Box in
            let centre = PlanarPoint(x: input.grid.originX + (Double(b.column) + Double(b.size) / 2) * input.grid.cellSize,
                                     y: input.grid.originY + (Double(b.row) + Double(b.size) / 2) * input.grid.cellSize)
            let geo = input.projection.unproject(centre)
            return PatrolReport.Box(unit: i + 1, centreLatitude: Self.round(geo.latitude, 1e6), centreLongitude: Self.round(geo.longitude, 1e6),
                                    sizeMetres: Double(b.size) * input.grid.cellSize, district: districts?.district(containing: centre)?.name,
                                    expected: b.expected, share: total > 0 ? b.expected / total : 0)
        }
        let report = PatrolReport(at: at, horizonHours: horizon / 3600, boxes: list, coveredShare: list.reduce(0) { $0 + $1.share })
        return (report, boxes, input)
    }
}
