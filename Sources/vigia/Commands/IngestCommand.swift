import ArgumentParser
import Engine
import Foundation
import VigiaCore

struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Load feeds into the database: incident CSVs and district boundaries.",
        discussion: """
            Incidents: any city's CSV with a date (and an hour band) or a full timestamp, WGS84 coordinates \
            and a type. Columns are guessed from common names (fecha, franja_horaria, latitud, longitud, tipo, …) \
            or named with --columns. Bad rows go to quarantine with file, line and reason; the rest load. \
            Ingesting the same file again adds nothing. Files with columns about people are refused.
            """)

    @OptionGroup var database: DatabaseOptions
    @Option(help: "An incident CSV file.") var incidents: String?
    @Option(help: "Column names: time=…,hour=…,lat=…,lon=…,type=…,subtype=…,source=…,id=…")
    var columns: String?
    @Option(name: .customLong("source-values"),
            help: "What the source column's values mean: citizen=v1|v2,police=v3|v4")
    var sourceValues: String?
    @Option(help: "A GeoJSON file of district boundaries (Polygon / MultiPolygon features).")
    var boundaries: String?
    @Option(help: "The name to store the boundary layer under.") var layer: String = "districts"
    @Option(name: .customLong("name-key"), help: "The feature property that names each district.")
    var nameKey: String = "name"
    @Option(name: .customLong("parent-key"), help: "The property naming the larger district it belongs to.")
    var parentKey: String?
    @Option(help: "text or json") var format: OutputFormat = .text

    func validate() throws {
        if incidents == nil && boundaries == nil {
            throw ValidationError("nothing to ingest: give --incidents FILE.csv or --boundaries FILE.geojson")
        }
    }

    func run() throws {
        let engine = try database.openEngine()
        if let boundaries {
            let count = try engine.ingestBoundaries(at: URL(fileURLWithPath: boundaries), layer: layer,
                                                    nameKey: nameKey, parentKey: parentKey)
            if format == .text { print("\(boundaries): \(count) districts stored as layer \"\(layer)\"") }
        }
        if let incidents {
            var options = IncidentCSVParser.Options(timeZone: engine.timeZone)
            if let columns { options.mapping = try ColumnMapping(parsing: columns) }
            if let sourceValues { options.sourceValues = try SourceValues(parsing: sourceValues) }
            let report = try engine.ingestIncidents(at: URL(fileURLWithPath: incidents), options: options)
            print(format == .json ? try Output.json(report) : IngestText.render(report))
        }
    }
}

enum IngestText {
    static func render(_ r: IngestReport) -> String {
        var lines = ["\(r.source): \(r.rows) rows, \(r.accepted) accepted (\(r.inserted) new, \(r.duplicates) already stored), \(r.rejected) rejected to quarantine"]
        if r.withoutHour > 0 { lines.append("  \(r.withoutHour) accepted rows had no hour: kept with day precision") }
        for (reason, n) in r.rejectedByReason.sorted(by: { $0.value > $1.value }) {
            lines.append("  rejected \(n): \(reason)")
        }
        for example in r.examples { lines.append("  e.g. \(example)") }
        lines.append(String(format: "  %.2f s, %.0f rows/s", r.seconds, r.rowsPerSecond))
        return lines.joined(separator: "\n")
    }
}
