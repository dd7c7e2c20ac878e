import ArgumentParser
import Engine
import Foundation
import Hotspots
import VigiaCore

struct BacktestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backtest",
        abstract: "Score hotspot models by rolling-origin backtest: hit rate and PAI at shares of the area.",
        discussion: """
            Each period is forecast using only incidents strictly before its start. Hit rate at coverage c is the \
            share of the period's incidents in the top ⌊N·c⌋ valid cells; PAI is hit rate ÷ c. Police-initiated \
            records are left out unless --include-police-initiated gives them a weight (safeguard 8).
            """)

    @Option(help: "An incident CSV (same options as ingest).") var incidents: String
    @Option(help: "Column names: time=…,hour=…,lat=…,lon=…,type=…,source=…") var columns: String?
    @Option(name: .customLong("source-values"), help: "citizen=v1|v2,police=v3") var sourceValues: String?
    @Option(help: "Time zone of the file's civil times and of period starts.") var tz: String = TimeParser.defaultTimeZoneIdentifier
    @Option(help: "First period start (date or time).") var from: String
    @Option(help: "Last day forecast (inclusive date) or end time.") var to: String
    @Option(help: "Period length: 1d, 8h or 7d.") var horizon: String = "1d"
    @Option(help: "Coverage percentages.") var coverage: String = "1,2,5,10,20"
    @Option(help: "Models: all or name,name (\(ModelCatalogue.names.joined(separator: ", ")); NAME+when weights by hour of week).")
    var models: String = "all"
    @Option(help: "Cell size in metres.") var cell: Double = Grid.defaultCellSize
    @Option(help: "Valid cells: history (cells with an earlier incident) or boundary:FILE.geojson.") var mask: String = "history"
    @Option(name: .customLong("include-police-initiated"), help: "Weight for police-initiated records (default 0: excluded).")
    var policeWeight: Double = 0
    @Option(help: "text or json") var format: OutputFormat = .text

    func run() throws {
        let zone = try TimeZone.named(tz)
        let horizonSeconds = try Self.duration(horizon)
        let percents = try coverage.split(separator: ",").map { part -> Double in
            guard let v = Double(part), v > 0, v <= 100 else { throw ValidationError("--coverage: \(part) is not a percentage") }
            return v
        }
        let chosen = models == "all" ? ModelCatalogue.names : models.split(separator: ",").map(String.init)
        let list = try chosen.map { name -> any HotspotModel in
            guard let m = ModelCatalogue.model(named: name, timeZone: zone) else {
                throw ValidationError("unknown model \(name); use \(ModelCatalogue.names.joined(separator: ", "))")
            }
            return m
        }
        guard cell >= 10, cell <= 5_000 else { throw ValidationError("--cell must be 10 to 5000 metres") }
        guard (0...1).contains(policeWeight) else { throw ValidationError("--include-police-initiated takes a weight from 0 to 1") }

        var options = IncidentCSVParser.Options(timeZone: zone)
        if let columns { options.mapping = try ColumnMapping(parsing: columns) }
        if let sourceValues { options.sourceValues = try SourceValues(parsing: sourceValues) }
        options.maximumDistanceOutside = .infinity
        let url = URL(fileURLWithPath: incidents)
        let bytes: [UInt8]
        do { bytes = [UInt8](try Data(contentsOf: url)) } catch {
            throw ValidationError("\(incidents): cannot read: \(error.localizedDescription)")
        }
        let parsed = try IncidentCSVParser(options: options, districts: nil).parse(bytes, source: url.lastPathComponent)
        let input = HotspotInput(incidents: parsed.records.map(\.incident), cellSize: cell, weights: SourceWeights(police: policeWeight))

        let start = try TimeParser.instant(from, in: zone).timeIntervalSince1970
        var end = try TimeParser.instant(to, in: zone).timeIntervalSince1970
        if to.count == 10 { end += HotspotTime.day }
        let starts = Backtest.periodStarts(from: start, to: end, horizon: horizonSeconds)
        guard !starts.isEmpty else { throw ValidationError("--from must come before --to") }
        let valid: [Int]
        if mask == "history" {
            valid = ValidCells.history(input.history, before: start)
        } else if mask.hasPrefix("boundary:") {
            let features = try GeoJSONReader.read(contentsOf: URL(fileURLWithPath: String(mask.dropFirst(9))))
            valid = ValidCells.boundary(features.map { MultiPolygon($0.polygons.map { $0.projected(with: input.projection) }) }, grid: input.grid)
        } else {
            throw ValidationError("--mask takes history or boundary:FILE.geojson")
        }

        let formatter = TimestampFormatter(timeZone: zone)
        var results: [CanonicalJSON] = []
        var textLines: [String] = []
        var incidentTotal = 0
        for model in list {
            // The first (cold) fit, timed on its own; the backtest resumes from it.
            let tf = Date()
            var first = model.makeForecaster()
            _ = first.forecast(history: input.history, grid: input.grid, at: starts[0], horizon: horizonSeconds)
            let fitSeconds = first.state == nil ? 0 : Date().timeIntervalSince(tf)
            let t0 = Date()
            let score = Backtest.run(model: model, history: input.history, grid: input.grid, validCells: valid,
                                     periodStarts: starts, horizon: horizonSeconds, percents: percents, resumingFrom: first.state)
            let seconds = Date().timeIntervalSince(t0)
            incidentTotal = score.periods.reduce(0) { $0 + $1.incidents }
            results.append(.object([
                "name": .string(score.name),
                "coverage": .array(score.coverage.map(Self.json)),
                "fit_seconds": .double((fitSeconds * 1000).rounded() / 1000),
                "forecast_seconds": .double((seconds * 1000).rounded() / 1000),
                "fit": .object(score.fit.mapValues { .double(($0 * 1e6).rounded() / 1e6) }),
                "periods": .array(score.periods.map { p in
                    .object(["start": .string(formatter.string(from: Date(timeIntervalSince1970: p.start))),
                             "incidents": .int(Int64(p.incidents)), "coverage": .array(p.coverage.map(Self.json))])
                }),
            ]))
            textLines.append(String(format: "%-12@ ", score.name) + score.coverage.map {
                String(format: "%4.0f%%: %5.1f%% (PAI %5.2f)", $0.percent, $0.hitRate * 100, $0.pai)
            }.joined(separator: "  ") + String(format: "  [fit %.2f s, %d forecasts %.2f s]", fitSeconds, starts.count, seconds))
            if !score.fit.isEmpty {
                textLines.append("    last fit: " + score.fit.sorted { $0.key < $1.key }.map { "\($0.key) \(String(format: "%.4g", $0.value))" }.joined(separator: ", "))
            }
        }
        if format == .json {
            print(CanonicalJSON.object(["valid_cells": .int(Int64(valid.count)), "incidents": .int(Int64(incidentTotal)),
                                        "periods": .int(Int64(starts.count)), "models": .array(results)]).text)
        } else {
            print("\(starts.count) periods of \(horizon), \(incidentTotal) incidents, \(valid.count) valid cells of \(Int(cell)) m")
            textLines.forEach { print($0) }
        }
    }

    static func json(_ s: CoverageScore) -> CanonicalJSON {
        .object(["percent": .double(s.percent), "hit_rate": .double((s.hitRate * 10_000).rounded() / 10_000),
                 "pai": .double((s.pai * 1_000).rounded() / 1_000), "captured": .int(Int64(s.captured))])
    }

    static func duration(_ text: String) throws -> Double {
        switch text {
        case "1d", "24h": return HotspotTime.day
        case "8h": return 8 * 3600
        case "7d": return HotspotTime.week
        default: throw ValidationError("--horizon takes 1d, 8h or 7d")
        }
    }
}
