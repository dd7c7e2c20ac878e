import Foundation
import Hotspots
import VigiaCore

/// What `vigia backtest` asks for: incidents from a file, periods, coverages and models.
public struct BacktestRequest: Sendable {
    public enum Mask: Sendable, Equatable {
        /// Cells with an incident before the first period (the open_cp convention).
        case history
        /// Cells whose centre lies inside a GeoJSON file's polygons.
        case boundary(URL)
    }

    public var incidents: URL
    public var options: IncidentCSVParser.Options
    /// The first period starts here; periods start every `horizon` while before `end`.
    public var start: Date
    public var end: Date
    public var horizon: Double
    public var percents: [Double] = [1, 2, 5, 10, 20]
    /// Model names, `NAME+when` allowed; empty means all.
    public var models: [String] = []
    public var cellSize: Double = Grid.defaultCellSize
    public var mask: Mask = .history
    /// Weight for police-initiated records (safeguard 8: 0 leaves them out).
    public var policeWeight: Double = 0

    public init(incidents: URL, options: IncidentCSVParser.Options, start: Date, end: Date, horizon: Double) {
        self.incidents = incidents
        self.options = options
        self.start = start
        self.end = end
        self.horizon = horizon
    }
}

/// One model's rolling-origin backtest, pooled and period by period.
public struct ModelBacktest: Codable, Sendable, Equatable {
    public struct Period: Codable, Sendable, Equatable {
        public var start: Date
        public var incidents: Int
        /// This period alone, without intervals (one day says little on its own).
        public var coverage: [CoverageScoreRow]
    }

    public var name: String
    /// Pooled over all periods, with 95 % intervals.
    public var coverage: [CoverageResult]
    public var fitSeconds: Double
    public var forecastSeconds: Double
    public var fit: [String: Double]
    public var periods: [Period]
}

/// One period's score at one coverage.
public struct CoverageScoreRow: Codable, Sendable, Equatable {
    public var percent: Double
    public var hitRate: Double
    public var pai: Double
    public var captured: Int
    public var bestPossible: Int
}

public struct BacktestReport: Codable, Sendable, Equatable {
    public var validCells: Int
    public var incidents: Int
    public var periods: Int
    public var horizonSeconds: Double
    public var cellSize: Double
    public var models: [ModelBacktest]
}

extension Engine {
    /// Scores models by rolling-origin backtest on an incident file: each
    /// period forecast from earlier incidents only, hit rate, PAI and PEI at
    /// each coverage with 95 % intervals. A read-only analysis: it runs as
    /// the system actor and needs no database.
    public static func backtest(_ r: BacktestRequest, as principal: Principal) throws -> BacktestReport {
        guard principal.role.allows(.readAll) else {
            throw EngineError.forbidden(principal: principal.name, role: principal.role, permission: .readAll)
        }
        guard r.cellSize >= 10, r.cellSize <= 5_000 else {
            throw EngineError.badInput(file: "--cell", line: nil, field: String(r.cellSize), reason: "the cell size must be 10 to 5000 metres")
        }
        guard (0...1).contains(r.policeWeight) else {
            throw EngineError.badInput(file: "--include-police-initiated", line: nil, field: String(r.policeWeight), reason: "the weight must be 0 to 1")
        }
        guard !r.percents.isEmpty, r.percents.allSatisfy({ $0 > 0 && $0 <= 100 }) else {
            throw EngineError.badInput(file: "--coverage", line: nil, field: nil, reason: "coverages are percentages above 0 and at most 100")
        }
        let names = r.models.isEmpty ? ModelCatalogue.names : r.models
        let models = try names.map { name -> any HotspotModel in
            guard let m = ModelCatalogue.model(named: name, timeZone: r.options.timeZone) else {
                throw EngineError.badInput(file: "--models", line: nil, field: name, reason: "unknown model; use \(ModelCatalogue.names.joined(separator: ", "))")
            }
            return m
        }
        let starts = Backtest.periodStarts(from: r.start.timeIntervalSince1970, to: r.end.timeIntervalSince1970, horizon: r.horizon)
        guard let first = starts.first else {
            throw EngineError.badInput(file: "--from", line: nil, field: nil, reason: "the first period must start before --to")
        }

        let bytes: [UInt8]
        do { bytes = [UInt8](try Data(contentsOf: r.incidents)) } catch {
            throw EngineError.badInput(file: r.incidents.path, line: nil, field: nil, reason: "cannot read: \(error.localizedDescription)")
        }
        var options = r.options
        options.maximumDistanceOutside = .infinity
        let parsed = try IncidentCSVParser(options: options, districts: nil).parse(bytes, source: r.incidents.lastPathComponent)
        let input = HotspotInput(incidents: parsed.records.map(\.incident), cellSize: r.cellSize, weights: SourceWeights(police: r.policeWeight))
        let valid: [Int]
        switch r.mask {
        case .history: valid = ValidCells.history(input.history, before: first)
        case .boundary(let url):
            let features = try GeoJSONReader.read(contentsOf: url)
            valid = ValidCells.boundary(features.map { MultiPolygon($0.polygons.map { $0.projected(with: input.projection) }) }, grid: input.grid)
        }

        var results: [ModelBacktest] = []
        var incidentTotal = 0
        for model in models {
            // The first (cold) fit, timed on its own; the backtest resumes from it.
            let fitStarted = Date()
            var cold = model.makeForecaster()
            _ = cold.forecast(history: input.history, grid: input.grid, at: first, horizon: r.horizon)
            let fitSeconds = cold.state == nil ? 0 : Date().timeIntervalSince(fitStarted)
            let started = Date()
            let score = Backtest.run(model: model, history: input.history, grid: input.grid, validCells: valid, periodStarts: starts,
                                     horizon: r.horizon, percents: r.percents, resumingFrom: cold.state)
            let seconds = Date().timeIntervalSince(started)
            incidentTotal = score.periods.reduce(0) { $0 + $1.incidents }
            results.append(ModelBacktest(
                name: score.name, coverage: CoverageResult.pooled(score.periods), fitSeconds: fitSeconds, forecastSeconds: seconds, fit: score.fit,
                periods: score.periods.map { p in
                    ModelBacktest.Period(start: Date(timeIntervalSince1970: p.start), incidents: p.incidents, coverage: p.coverage.map {
                        CoverageScoreRow(percent: $0.percent, hitRate: $0.hitRate, pai: $0.pai, captured: $0.captured, bestPossible: $0.bestPossible)
                    })
                }))
        }
        return BacktestReport(validCells: valid.count, incidents: incidentTotal, periods: starts.count, horizonSeconds: r.horizon,
                              cellSize: r.cellSize, models: results)
    }
}
