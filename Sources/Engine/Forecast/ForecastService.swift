import Foundation
import Hotspots
import VigiaCore

/// One ranked cell of a forecast: a place, never a person.
public struct CellForecast: Codable, Sendable, Equatable {
    public var rank: Int
    public var cell: Int
    public var latitude: Double
    public var longitude: Double
    public var district: String?
    public var parentDistrict: String?
    public var risk: Double
    /// Expected incidents in the window.
    public var expected: Double
    /// Local hours of the day (0–23) with most incidents around the cell.
    public var peakHours: [Int]
    /// Incidents recorded in the cell in the 30 days before the forecast.
    public var recentIncidents: Int
}

/// How the forecast is spread over the larger districts (safeguard 8: the
/// console shows how concentrated it is).
public struct DistrictConcentration: Codable, Sendable, Equatable {
    public var district: String
    public var riskShare: Double
    /// Share of the top 5 % cells that lie in the district.
    public var topCellShare: Double
    /// Share of the last year's incidents.
    public var incidentShare: Double
}

public struct ForecastReport: Codable, Sendable {
    public var model: String
    public var at: Date
    public var horizonHours: Double
    public var cellSize: Double
    public var validCells: Int
    public var expectedTotal: Double
    public var cells: [CellForecast]
    public var gini: Double
    public var concentration: [DistrictConcentration]
    public var fit: [String: Double]
    public var forecastSeconds: Double
    /// Per district: its share of the top 5 % cells against its share of the
    /// incidents trained on, with a warning past the factor (safeguard 8).
    public var spread: [DistrictSpread.Row] = []
    public var spreadFactor: Double = DistrictSpread.defaultFactor
    /// The model's last seven daily forecasts at 5 % of the area (`predict` only).
    public var quality: ForecastQuality?
}

extension Engine {
    /// Ranks the city's cells for [at, at + horizon) from the stored incidents.
    /// Windows shorter than a day are weighted by the hour-of-week profile.
    public func forecast(at: Date, horizon: Double, model name: String = "recency", top: Int = 20,
                         cellSize: Double = Grid.defaultCellSize, policeWeight: Double = 0, spreadFactor: Double = DistrictSpread.defaultFactor,
                         as principal: Principal) throws -> (ForecastReport, [Double], HotspotInput) {
        try require(.readAll, of: principal)
        let incidents = try incidents.incidents(from: nil, to: at)
        guard !incidents.isEmpty else {
            throw EngineError.badInput(file: location, line: nil, field: nil, reason: "no incidents before \(TimestampFormatter(timeZone: timeZone).string(from: at)); ingest some first")
        }
        let districts = try districtIndex()
        let input = HotspotInput(incidents: incidents, cellSize: cellSize, weights: SourceWeights(police: policeWeight),
                                 bounds: districts?.bounds, projection: districts?.projection)
        let modelName = horizon < HotspotTime.day && !name.hasSuffix("+when") ? name + "+when" : name
        guard let model = ModelCatalogue.model(named: modelName, timeZone: timeZone) else {
            throw EngineError.badInput(file: "--model", line: nil, field: name, reason: "unknown model; use \(ModelCatalogue.names.joined(separator: ", "))")
        }
        if policeWeight > 0 {
            // Safeguard 8 lets a person override the guard, never silently.
            try audit.append(AuditEntry(principal: principal, action: .forecastPoliceWeight, subject: model.name,
                                        details: ["weight": .double(policeWeight)]))
        }
        let t = at.timeIntervalSince1970
        let started = Date()
        // Resume from the cached fit when it used no data after `at`; save the newer fit.
        let g = input.grid
        let cacheKey = "\(name.replacingOccurrences(of: "+when", with: ""))|\(g.originX)|\(g.originY)|\(g.cellSize)|\(g.columns)|\(g.rows)|police=\(policeWeight)"
        let cached = try modelCache?.load(key: cacheKey)
        let usable = cached.flatMap { $0.fittedBefore <= at ? $0.parameters : nil }
        var forecaster = model.makeForecaster(resumingFrom: usable, grid: input.grid)
        let risk = forecaster.forecast(history: input.history, grid: input.grid, at: t, horizon: horizon)
        if let state = forecaster.state, cached.map({ $0.fittedBefore <= at }) ?? true {
            try modelCache?.save(key: cacheKey, fittedBefore: at, parameters: state)
        }
        let seconds = Date().timeIntervalSince(started)
        let valid = ValidCells.history(input.history, before: t)

        // Expected counts: the model's own for ETAS, else risk scaled to the recent citywide rate.
        let recent = input.history.range(from: t - 90 * HotspotTime.day, to: t)
        let rate = recent.reduce(0) { $0 + input.history.weights[$1] } / (90 * HotspotTime.day)
        let riskTotal = valid.reduce(0) { $0 + risk[$1] }
        let native = model.name.hasPrefix("etas")
        let scale = native || riskTotal <= 0 ? 1 : rate * horizon / riskTotal
        let expected = risk.map { $0 * scale }
        let profile = HourOfWeekProfile(history: input.history, grid: input.grid, before: t, timeZone: timeZone)
        var recentCounts: [Int: Int] = [:]
        for i in input.history.range(from: t - 30 * HotspotTime.day, to: t) { recentCounts[Int(input.history.cells[i]), default: 0] += 1 }

        let ranked = Coverage.rank(risk: risk, validCells: valid)
        let cells = ranked.prefix(max(0, top)).enumerated().map { i, cell -> CellForecast in
            let centre = input.projection.unproject(input.grid.centre(of: cell))
            let district = districts?.district(containing: input.grid.centre(of: cell))
            return CellForecast(rank: i + 1, cell: cell, latitude: Self.round(centre.latitude, 1e6), longitude: Self.round(centre.longitude, 1e6),
                                district: district?.name, parentDistrict: district?.parent, risk: risk[cell], expected: expected[cell],
                                peakHours: profile.peakHours(cell: cell, grid: input.grid), recentIncidents: recentCounts[cell] ?? 0)
        }
        // One lookup per cell, shared by the concentration and the spread.
        var names: [Int: String] = [:]
        func districtName(_ cell: Int) -> String {
            if let n = names[cell] { return n }
            let d = districts?.district(containing: input.grid.centre(of: cell))
            let n = d?.parent ?? d?.name ?? "outside"
            names[cell] = n
            return n
        }
        let concentration = districts == nil ? [] : self.concentration(risk: risk, ranked: ranked, input: input, at: t, district: districtName)
        let spread = districts == nil ? [] : self.spread(ranked: ranked, input: input, at: t, factor: spreadFactor, district: districtName)
        let report = ForecastReport(model: model.name, at: at, horizonHours: horizon / 3600, cellSize: cellSize, validCells: valid.count,
                                    expectedTotal: valid.reduce(0) { $0 + expected[$1] }, cells: cells,
                                    gini: Concentration.gini(valid.map { risk[$0] }), concentration: concentration,
                                    fit: forecaster.fitSummary, forecastSeconds: seconds,
                                    spread: spread,
                                    spreadFactor: spreadFactor)
        return (report, expected, input)
    }

    func concentration(risk: [Double], ranked: [Int], input: HotspotInput, at t: Double, district name: (Int) -> String) -> [DistrictConcentration] {
        var riskBy: [String: Double] = [:], topBy: [String: Double] = [:], incidentsBy: [String: Double] = [:]
        for c in ranked { riskBy[name(c), default: 0] += risk[c] }
        let top = ranked.prefix(max(1, ranked.count / 20))
        for c in top { topBy[name(c), default: 0] += 1 }
        for i in input.history.range(from: t - 365 * HotspotTime.day, to: t) { incidentsBy[name(Int(input.history.cells[i])), default: 0] += 1 }
        let riskTotal = riskBy.values.reduce(0, +), incidentTotal = incidentsBy.values.reduce(0, +)
        return Set(riskBy.keys).union(incidentsBy.keys).sorted { a, b in
            (Int(a) ?? Int.max, a) < (Int(b) ?? Int.max, b)
        }.map { d in
            DistrictConcentration(district: d, riskShare: riskTotal > 0 ? (riskBy[d] ?? 0) / riskTotal : 0,
                                  topCellShare: (topBy[d] ?? 0) / Double(top.count),
                                  incidentShare: incidentTotal > 0 ? (incidentsBy[d] ?? 0) / incidentTotal : 0)
        }
    }

    static func round(_ v: Double, _ places: Double) -> Double { (v * places).rounded() / places }
}
