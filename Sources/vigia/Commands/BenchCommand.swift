import ArgumentParser
import Engine
import Foundation
import Hotspots
import VigiaCore

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure the hot paths; compare results as ratios within one run.",
        discussion: "Build with -c release for meaningful numbers; the output says which build ran.")

    enum Suite: String, ExpressibleByArgument, CaseIterable {
        case ingestIncidents = "ingest-incidents"
        case ingestEvents = "ingest-events"
        case hotspots
        case faces
        case social
        case render
        case all
    }

    @Option(help: "Which suite: \(Suite.allCases.map(\.rawValue).joined(separator: ", "))") var suite: Suite = .all
    @Option(help: "text or json") var format: OutputFormat = .text
    @Option(help: "Repetitions; the median is reported.") var repeats: Int = 3
    @Option(name: .customLong("sample-data"), help: "The sample-data folder.", completion: .directory) var sampleData: String?
    @Option(help: "faces: watchlist templates.") var templates: Int = 100_000
    @Option(help: "faces: embedding dimensions.") var dim: Int = 512

    func run() throws {
        let data = try SampleData.locate(explicit: sampleData)
        var reports: [BenchReport] = []
        if suite == .ingestIncidents || suite == .all {
            reports.append(try IngestIncidentsBench.run(sampleData: data, repeats: max(1, repeats)))
        }
        if suite == .ingestEvents || suite == .all {
            reports.append(try IngestEventsBench.run(sampleData: data, repeats: max(1, repeats)))
        }
        if suite == .hotspots || suite == .all {
            reports.append(try HotspotsBench.run(sampleData: data, repeats: max(1, repeats)))
        }
        if suite == .social || suite == .all {
            reports.append(try SocialBench.run(sampleData: data, repeats: max(1, repeats)))
        }
        if suite == .render || suite == .all {
            reports.append(try RenderBench.run(sampleData: data, repeats: max(1, repeats)))
        }
        if suite == .faces || suite == .all {
            guard templates > 0, dim > 0 else { throw ValidationError("--templates and --dim must be positive") }
            reports.append(FacesBench.run(templates: templates, dimension: dim, repeats: max(1, repeats)))
        }
        for report in reports {
            if format == .json {
                print(try Output.json(report))
            } else {
                print("suite \(report.suite) (\(report.build) build)")
                for r in report.results {
                    let value = r.unit == "s" || r.unit == "ms" ? String(format: "%12.3f", r.value) : String(format: "%12.0f", r.value)
                    print("  " + r.name.padding(toLength: 34, withPad: " ", startingAt: 0) + value + " " + r.unit)
                }
            }
        }
    }
}

/// The shape every suite prints (DESIGN.md, Performance).
struct BenchReport: Encodable {
    var suite: String
    var build: String = BenchReport.currentBuild
    var results: [BenchResult]

    static var currentBuild: String {
        #if DEBUG
        return "debug"
        #else
        return "release"
        #endif
    }
}

struct BenchResult: Encodable {
    var name: String
    var unit: String
    var value: Double
    var params: [String: BenchParam]
}

enum BenchParam: Encodable {
    case int(Int), double(Double), string(String)
    func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .int(let v): try c.encode(v)
        case .double(let v): try c.encode(v)
        case .string(let v): try c.encode(v)
        }
    }
}

func median(_ values: [Double]) -> Double {
    let s = values.sorted()
    return s.isEmpty ? 0 : s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
}

/// Incident CSV → parse, validate, place in districts, store: rows per second.
enum IngestIncidentsBench {
    static func run(sampleData: URL, repeats: Int) throws -> BenchReport {
        let file = sampleData.appendingPathComponent("ba-robos-2017-2018.csv")
        let barrios = sampleData.appendingPathComponent("ba-barrios.geojson")
        let zone = try TimeZone.named(TimeParser.defaultTimeZoneIdentifier)
        var bareRates: [Double] = [], parseRates: [Double] = [], storeRates: [Double] = [], rows = 0
        for _ in 0..<repeats {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vigia-bench-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: folder) }
            let engine = try Engine(databasePath: folder.appendingPathComponent("bench.sqlite").path)
            _ = try engine.ingestBoundaries(at: barrios, layer: "barrios", nameKey: "barrio", parentKey: "comuna")
            // First, on a fresh engine: file to database, district index built inside the timing.
            let report = try engine.ingestIncidents(at: file, options: .init(timeZone: zone))
            rows = report.rows
            storeRates.append(report.rowsPerSecond)
            let bytes = Array(try Data(contentsOf: file))
            let bare = IncidentCSVParser(options: .init(timeZone: zone), districts: nil)
            let tb = Date()
            let bareOutput = try bare.parse(bytes, source: file.lastPathComponent)
            bareRates.append(Double(bareOutput.rows) / Date().timeIntervalSince(tb))
            let parser = IncidentCSVParser(options: .init(timeZone: zone), districts: try engine.districtIndex())
            let t0 = Date()
            let output = try parser.parse(bytes, source: file.lastPathComponent)
            parseRates.append(Double(output.rows) / Date().timeIntervalSince(t0))
        }
        let params: [String: BenchParam] = ["rows": .int(rows), "file": .string(file.lastPathComponent),
                                            "threads": .int(1), "repeats": .int(repeats)]
        return BenchReport(suite: "ingest-incidents", results: [
            BenchResult(name: "parse_validate", unit: "rows/s", value: median(bareRates), params: params),
            BenchResult(name: "parse_validate_locate", unit: "rows/s", value: median(parseRates), params: params),
            BenchResult(name: "ingest_to_database", unit: "rows/s", value: median(storeRates), params: params),
        ])
    }
}

/// The October 2018 daily backtest on 150 m cells, every model: the job
/// open_cp needs about 51 s for on these machines.
enum HotspotsBench {
    static func run(sampleData: URL, repeats: Int) throws -> BenchReport {
        let file = sampleData.appendingPathComponent("ba-robos-2017-2018.csv")
        let zone = try TimeZone.named(TimeParser.defaultTimeZoneIdentifier)
        var parse: [Double] = [], perModel: [String: [Double]] = [:], total: [Double] = []
        var events = 0
        let start = try TimeParser.instant("2018-10-01", in: zone).timeIntervalSince1970
        let starts = Backtest.periodStarts(from: start, to: start + 30 * HotspotTime.day, horizon: HotspotTime.day)
        for _ in 0..<repeats {
            let t0 = Date()
            let bytes = [UInt8](try Data(contentsOf: file))
            let parsed = try IncidentCSVParser(options: .init(timeZone: zone), districts: nil).parse(bytes, source: file.lastPathComponent)
            let input = HotspotInput(incidents: parsed.records.map(\.incident))
            let valid = ValidCells.history(input.history, before: start)
            events = input.history.firstIndex(atOrAfter: start)
            parse.append(Date().timeIntervalSince(t0))
            for name in ModelCatalogue.names {
                let t1 = Date()
                _ = Backtest.run(model: ModelCatalogue.model(named: name, timeZone: zone)!, history: input.history, grid: input.grid,
                                 validCells: valid, periodStarts: starts, horizon: HotspotTime.day, percents: [1, 2, 5, 10, 20])
                perModel[name, default: []].append(Date().timeIntervalSince(t1))
            }
            total.append(Date().timeIntervalSince(t0))
        }
        let params: [String: BenchParam] = ["periods": .int(30), "horizon": .string("1d"), "cell_m": .int(150),
                                            "history_events": .int(events), "threads": .int(1), "repeats": .int(repeats)]
        var results = [
            BenchResult(name: "backtest_30d_all_models", unit: "s", value: median(total),
                        params: params.merging(["models": .string(ModelCatalogue.names.joined(separator: ","))]) { a, _ in a }),
            BenchResult(name: "load_and_grid", unit: "s", value: median(parse), params: params),
        ]
        for name in ModelCatalogue.names {
            results.append(BenchResult(name: "backtest_30d_\(name)", unit: "s", value: median(perModel[name] ?? []),
                                       params: params.merging(["model": .string(name)]) { a, _ in a }))
        }
        // One city-wide 8 h forecast once the model is fitted (ETAS warm-started
        // from the previous period's fit, as the live console does).
        let bytes = [UInt8](try Data(contentsOf: file))
        let parsed = try IncidentCSVParser(options: .init(timeZone: zone), districts: nil).parse(bytes, source: file.lastPathComponent)
        let input = HotspotInput(incidents: parsed.records.map(\.incident))
        for name in ["recency+when", "etas+when"] {
            var forecaster = ModelCatalogue.model(named: name, timeZone: zone)!.makeForecaster()
            _ = forecaster.forecast(history: input.history, grid: input.grid, at: start - 8 * 3600, horizon: 8 * 3600)
            var times: [Double] = []
            for r in 0..<max(3, repeats) {
                let t0 = Date()
                _ = forecaster.forecast(history: input.history, grid: input.grid, at: start + Double(r) * 8 * 3600, horizon: 8 * 3600)
                times.append(Date().timeIntervalSince(t0))
            }
            results.append(BenchResult(name: "predict_city_8h_\(name.replacingOccurrences(of: "+", with: "_"))", unit: "s",
                                       value: median(times), params: params.merging(["model": .string(name), "cells": .int(input.grid.cellCount)]) { a, _ in a }))
        }
        return BenchReport(suite: "hotspots", results: results)
    }
}

/// Camera events from JSON lines through the rules into the database:
/// the demo shift's 60,942 lines (1,600 of them face probes), read as a
/// stream and committed in batches of 10,000 lines.
enum IngestEventsBench {
    static func run(sampleData: URL, repeats: Int) throws -> BenchReport {
        let file = sampleData.appendingPathComponent("camera-events.jsonl")
        var rates: [Double] = [], events = 0, alerts = 0
        let rssBefore = residentKilobytes()
        for _ in 0..<repeats {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vigia-bench-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: folder) }
            let engine = try Engine(databasePath: folder.appendingPathComponent("bench.sqlite").path)
            _ = try engine.ingestCameras(at: sampleData.appendingPathComponent("cameras.json"))
            try engine.addOperator(name: "bench", role: .admin, passphrase: "bench-passphrase", by: nil)
            let admin = Principal(name: "bench", role: .admin)
            _ = try engine.loadRules(text: try String(contentsOf: sampleData.appendingPathComponent("alert-rules.conf"), encoding: .utf8),
                                     source: "alert-rules.conf", by: admin)
            guard let handle = FileHandle(forReadingAtPath: file.path) else { throw ValidationError("cannot open \(file.path)") }
            let report = try engine.ingestEvents(from: handle, source: file.lastPathComponent)
            rates.append(report.eventsPerSecond)
            events = report.events
            alerts = report.alerts
        }
        let params: [String: BenchParam] = ["events": .int(events), "alerts": .int(alerts), "file": .string(file.lastPathComponent),
                                            "batch_lines": .int(10_000), "threads": .int(1), "repeats": .int(repeats)]
        return BenchReport(suite: "ingest-events", results: [
            BenchResult(name: "events_through_rules_to_database", unit: "events/s", value: median(rates), params: params),
            BenchResult(name: "resident_memory_growth", unit: "KiB", value: Double(residentKilobytes() - rssBefore),
                        params: params),
        ])
    }

    /// VmRSS of this process, from /proc (0 where unavailable).
    static func residentKilobytes() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }) else { return 0 }
        return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
    }
}
