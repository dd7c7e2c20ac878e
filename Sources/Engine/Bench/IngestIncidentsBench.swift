import Foundation
import Hotspots
import VigiaCore

/// Incident CSV → parse, validate, place in districts, store: rows per second.
public enum IngestIncidentsBench {
    public static func run(sampleData: URL, repeats: Int) throws -> BenchReport {
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
