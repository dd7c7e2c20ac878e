import Foundation
import Hotspots
import VigiaCore

extension Engine {
    /// The forecast made at the shift's start for its length, scored against
    /// the incidents recorded in the shift: hit rate, PAI and PEI at 1/5/10 %
    /// of the area with Wilson intervals, the spread across comunas, the top cells and the incidents by district against the
    /// forecast's share. Nil when there is nothing to forecast from.
    func forecastCheck(start: Date, end: Date, model: String, spreadFactor: Double = DistrictSpread.defaultFactor,
                       as principal: Principal) throws -> ForecastSection? {
        let horizon = end.timeIntervalSince(start)
        guard let (report, expected, input) = try? forecast(at: start, horizon: horizon, model: model, top: 10, spreadFactor: spreadFactor, as: principal) else {
            return nil
        }
        let happened = try incidents.incidents(from: start, to: end)
        let t = start.timeIntervalSince1970
        let valid = ValidCells.history(input.history, before: t)
        var cellOf: [Int] = [], perCell: [Int: Int] = [:]
        for i in happened {
            guard let c = input.grid.cell(containing: input.projection.project(i.location)) else { continue }
            cellOf.append(c)
            perCell[c, default: 0] += 1
        }
        // One period: the intervals are Wilson intervals on its counts.
        let scores = Coverage.score(risk: expected, validCells: valid, incidentCells: cellOf, percents: [1, 5, 10])
        let coverage = CoverageResult.pooled([Backtest.PeriodScore(start: t, incidents: cellOf.count, coverage: scores)])
        let top = report.cells.map {
            TopCell(rank: $0.rank, district: $0.district, latitude: $0.latitude, longitude: $0.longitude, expected: $0.expected,
                    incidents: perCell[$0.cell] ?? 0)
        }
        // Incidents by the larger district against the forecast's share of expected incidents.
        var byDistrict: [String: Int] = [:]
        for i in happened { byDistrict[i.parentDistrict ?? i.district ?? "outside", default: 0] += 1 }
        let forecastShare = Dictionary(report.concentration.map { ($0.district, $0.riskShare) }, uniquingKeysWith: { a, _ in a })
        let names = Set(byDistrict.keys).union(forecastShare.keys).sorted { (Int($0) ?? Int.max, $0) < (Int($1) ?? Int.max, $1) }
        let districts = names.map { d in
            DistrictShare(district: d, incidents: byDistrict[d] ?? 0,
                          incidentShare: happened.isEmpty ? 0 : Double(byDistrict[d] ?? 0) / Double(happened.count),
                          forecastShare: forecastShare[d] ?? 0)
        }
        return ForecastSection(model: report.model, horizonHours: horizon / 3600, incidents: happened.count,
                               expected: report.expectedTotal, coverage: coverage, topCells: top, districts: districts,
                               gini: report.gini, map: try forecastMap(input: input, expected: expected, valid: valid, incidents: happened),
                               spread: report.spread, spreadFactor: report.spreadFactor, districtLabel: try lookupLayer()?.parentKey)
    }

    /// The map's geometry: outlines, the top 5 % cells and the incidents, in metres from the grid's origin.
    private func forecastMap(input: HotspotInput, expected: [Double], valid: [Int], incidents: [Incident]) throws -> ForecastMap {
        let g = input.grid
        let ranked = Coverage.rank(risk: expected, validCells: valid)
        let top = Array(ranked.prefix(max(1, valid.count / 20)))
        let topSet = Set(top)
        let squares = top.enumerated().map { i, c in
            ForecastMap.Square(x: Double(g.column(of: c)) * g.cellSize, y: Double(g.row(of: c)) * g.cellSize, rank: i + 1)
        }
        let dots = incidents.compactMap { i -> ForecastMap.Dot? in
            let p = input.projection.project(i.location)
            guard let c = g.cell(containing: p) else { return nil }
            return ForecastMap.Dot(x: p.x - g.originX, y: p.y - g.originY, inTopCells: topSet.contains(c))
        }
        var outlines: [[[Double]]] = []
        for d in try districtIndex()?.districts ?? [] {
            for polygon in d.shape.polygons {
                let ring = polygon.outer
                let step = max(1, ring.count / 80)
                // The forecast grid uses the district layer's projection, so the rings are already in its metres.
                let path = stride(from: 0, to: ring.count, by: step).map { [Self.round1(ring[$0].x - g.originX), Self.round1(ring[$0].y - g.originY)] }
                if path.count >= 3 { outlines.append(path) }
            }
        }
        return ForecastMap(width: Double(g.columns) * g.cellSize, height: Double(g.rows) * g.cellSize, cellSize: g.cellSize,
                           outlines: outlines, topCells: squares, incidents: dots)
    }

    static func round1(_ v: Double) -> Double { (v * 10).rounded() / 10 }
}
