import ArgumentParser
import Engine
import Foundation

struct BacktestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backtest",
        abstract: "Score hotspot models by rolling-origin backtest: hit rate, PAI and PEI at shares of the area, with 95 % intervals.",
        discussion: """
            Each period is forecast using only incidents strictly before its start. Hit rate at coverage c is the \
            share of the period's incidents in the top ⌊N·c⌋ valid cells; PAI is hit rate ÷ c; PEI is the incidents \
            captured ÷ the most the same number of cells could have held. Intervals: a percentile bootstrap over \
            periods (10 or more), else a Wilson interval on the pooled counts. Police-initiated records are left out \
            unless --include-police-initiated gives them a weight (safeguard 8). docs/hotspots.md says more.
            """)

    @Option(help: "An incident CSV (same options as ingest).", completion: .file(extensions: ["csv"])) var incidents: String
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
        var options = IncidentCSVParser.Options(timeZone: zone)
        if let columns { options.mapping = try ColumnMapping(parsing: columns) }
        if let sourceValues { options.sourceValues = try SourceValues(parsing: sourceValues) }
        let (start, end) = try ReportPeriod.parse(from: from, to: to, in: zone)
        var request = BacktestRequest(incidents: URL(fileURLWithPath: incidents), options: options, start: start, end: end,
                                      horizon: try Self.duration(horizon))
        request.percents = try coverage.split(separator: ",").map { part in
            guard let v = Double(part.trimmingCharacters(in: .whitespaces)) else { throw ValidationError("--coverage: \(part) is not a percentage") }
            return v
        }
        request.models = models == "all" ? [] : models.split(separator: ",").map(String.init)
        request.cellSize = cell
        request.policeWeight = policeWeight
        if mask == "history" {
            request.mask = .history
        } else if mask.hasPrefix("boundary:") {
            request.mask = .boundary(URL(fileURLWithPath: String(mask.dropFirst(9))))
        } else {
            throw ValidationError("--mask takes history or boundary:FILE.geojson")
        }
        let report = try Engine.backtest(request, as: .feed)
        if format == .json {
            print(Self.json(report, timeZone: zone).text)
            return
        }
        print("\(report.periods) periods of \(horizon), \(report.incidents) incidents, \(report.validCells) valid cells of \(Int(cell)) m")
        for m in report.models {
            print(String(format: "%-12@ ", m.name) + m.coverage.map { c in
                String(format: "%4.0f%%: %5.1f%% ", c.percentOfArea, c.hitRate * 100) + Self.range(c.hitRateInterval?.lower, c.hitRateInterval?.upper)
                    + String(format: " PAI %5.2f", c.pai) + " PEI " + (c.pei.map { String(format: "%.2f", $0) } ?? "—")
            }.joined(separator: "  ") + String(format: "  [fit %.2f s, %d forecasts %.2f s]", m.fitSeconds, report.periods, m.forecastSeconds))
            if !m.fit.isEmpty {
                print("    last fit: " + m.fit.sorted { $0.key < $1.key }.map { "\($0.key) \(String(format: "%.4g", $0.value))" }.joined(separator: ", "))
            }
        }
        if let method = report.models.first?.coverage.first?.interval {
            print("95 % intervals of the hit rate in brackets (\(method == "bootstrap" ? "bootstrap over the \(report.periods) periods" : "Wilson, pooled counts"))")
        }
    }

    /// A 95 % interval of a share, in percent.
    static func range(_ lower: Double?, _ upper: Double?) -> String {
        guard let lower, let upper else { return "[—]" }
        return String(format: "[%.1f–%.1f]", lower * 100, upper * 100)
    }

    /// The documented JSON shape, with the intervals and PEI beside each number.
    static func json(_ r: BacktestReport, timeZone: TimeZone) -> CanonicalJSON {
        func rounded(_ v: Double, _ scale: Double) -> CanonicalJSON { .double((v * scale).rounded() / scale) }
        func optional(_ v: Double?, _ scale: Double) -> CanonicalJSON { v.map { rounded($0, scale) } ?? .null }
        let formatter = TimestampFormatter(timeZone: timeZone)
        return .object(["valid_cells": .int(Int64(r.validCells)), "incidents": .int(Int64(r.incidents)), "periods": .int(Int64(r.periods)),
                        "models": .array(r.models.map { m in
            .object([
                "name": .string(m.name),
                "coverage": .array(m.coverage.map { c in
                    .object(["percent": .double(c.percentOfArea), "hit_rate": rounded(c.hitRate, 10_000), "pai": rounded(c.pai, 1_000),
                             "captured": .int(Int64(c.captured)), "best_possible": .int(Int64(c.bestPossible)), "pei": optional(c.pei, 10_000),
                             "hit_rate_low": optional(c.hitRateInterval?.lower, 10_000), "hit_rate_high": optional(c.hitRateInterval?.upper, 10_000),
                             "pai_low": optional(c.paiInterval?.lower, 1_000), "pai_high": optional(c.paiInterval?.upper, 1_000),
                             "pei_low": optional(c.peiInterval?.lower, 10_000), "pei_high": optional(c.peiInterval?.upper, 10_000),
                             "interval": .string(c.interval)])
                }),
                "fit_seconds": rounded(m.fitSeconds, 1_000), "forecast_seconds": rounded(m.forecastSeconds, 1_000),
                "fit": .object(m.fit.mapValues { rounded($0, 1e6) }),
                "periods": .array(m.periods.map { p in
                    .object(["start": .string(formatter.string(from: p.start)), "incidents": .int(Int64(p.incidents)),
                             "coverage": .array(p.coverage.map { c in
                                 .object(["percent": .double(c.percent), "hit_rate": rounded(c.hitRate, 10_000), "pai": rounded(c.pai, 1_000),
                                          "captured": .int(Int64(c.captured)), "best_possible": .int(Int64(c.bestPossible))])
                             })])
                }),
            ])
        })])
    }

    static func duration(_ text: String) throws -> Double {
        switch text {
        case "1d", "24h": return 86_400
        case "8h": return 8 * 3600
        case "7d": return 7 * 86_400
        default: throw ValidationError("--horizon takes 1d, 8h or 7d")
        }
    }
}
