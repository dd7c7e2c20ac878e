import ArgumentParser
import Engine
import Foundation
import VigiaCore

struct PredictCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "predict",
        abstract: "Rank the city's cells for the next shift, day or week from the stored incidents.",
        discussion: "Forecasts are about places: grid cells, never people. Windows shorter than a day are weighted by the hour-of-week profile.")

    @OptionGroup var database: DatabaseOptions
    @Option(help: "Start of the window (ISO 8601; zone-less in --tz).") var at: String
    @Option(help: "8h, 24h or 7d.") var horizon: String = "8h"
    @Option(help: "Model: \(ModelCatalogue.names.joined(separator: ", ")).") var model: String = "recency"
    @Option(help: "How many cells to list.") var top: Int = 20
    @Option(name: .customLong("include-police-initiated"),
            help: "Weight for police-initiated records (default 0: excluded, safeguard 8); any other value is audited.")
    var policeWeight: Double = 0
    @Option(help: "text or json") var format: OutputFormat = .text

    func run() throws {
        guard (0...1).contains(policeWeight) else { throw ValidationError("--include-police-initiated takes a weight from 0 to 1") }
        let engine = try database.openEngine()
        let instant = try TimeParser.instant(at, in: engine.timeZone)
        let (report, _, _) = try engine.forecast(at: instant, horizon: try Self.hours(horizon), model: model, top: top,
                                                 policeWeight: policeWeight)
        if format == .json { print(try Output.json(report)); return }
        let f = TimestampFormatter(timeZone: engine.timeZone)
        print("\(report.model) forecast from \(f.string(from: report.at)) for \(Int(report.horizonHours)) h: \(String(format: "%.1f", report.expectedTotal)) incidents expected over \(report.validCells) cells of \(Int(report.cellSize)) m; Gini \(String(format: "%.2f", report.gini))")
        print("rank  expected  recent  peak hours   district")
        for c in report.cells {
            let peaks = c.peakHours.map { String(format: "%02d", $0) }.joined(separator: ",")
            print(String(format: "%4d  %8.3f  %6d  ", c.rank, c.expected, c.recentIncidents) + peaks.padding(toLength: 11, withPad: " ", startingAt: 0)
                  + "  \(c.district ?? "?") (\(c.parentDistrict ?? "?"))  \(c.latitude), \(c.longitude)")
        }
        if !report.concentration.isEmpty {
            print("by district: risk share / top-5 % cells / incidents last year")
            for d in report.concentration {
                print(String(format: "  %-8@ %5.1f%%  %5.1f%%  %5.1f%%", d.district, d.riskShare * 100, d.topCellShare * 100, d.incidentShare * 100))
            }
        }
    }

    static func hours(_ text: String) throws -> Double {
        switch text {
        case "8h": return 8 * 3600
        case "24h", "1d": return 86_400
        case "7d": return 7 * 86_400
        default: throw ValidationError("--horizon takes 8h, 24h or 7d")
        }
    }
}

struct PatrolCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "patrol", abstract: "Place N non-overlapping patrol boxes where the most incidents are expected.")

    @OptionGroup var database: DatabaseOptions
    @Option(help: "Start of the window.") var at: String
    @Option(help: "8h, 24h or 7d.") var horizon: String = "8h"
    @Option(help: "Patrol units.") var units: Int
    @Option(help: "Box side in metres (rounded to whole cells).") var box: Double = 300
    @Option(help: "Model: \(ModelCatalogue.names.joined(separator: ", ")).") var model: String = "recency"
    @Option(name: .customLong("include-police-initiated"), help: "Weight for police-initiated records (audited when not 0).")
    var policeWeight: Double = 0
    @Option(help: "text or json") var format: OutputFormat = .text

    func run() throws {
        guard (1...500).contains(units) else { throw ValidationError("--units must be 1 to 500") }
        guard (150...2_000).contains(box) else { throw ValidationError("--box must be 150 to 2000 metres") }
        guard (0...1).contains(policeWeight) else { throw ValidationError("--include-police-initiated takes a weight from 0 to 1") }
        let engine = try database.openEngine()
        let report = try engine.patrol(at: try TimeParser.instant(at, in: engine.timeZone), horizon: try PredictCommand.hours(horizon),
                                       units: units, boxMetres: box, model: model, policeWeight: policeWeight)
        if format == .json { print(try Output.json(report)); return }
        for b in report.boxes {
            print(String(format: "unit %2d: %.0f m box at %.6f, %.6f (%@): %.2f expected, %.1f%%", b.unit, b.sizeMetres,
                         b.centreLatitude, b.centreLongitude, b.district ?? "?", b.expected, b.share * 100))
        }
        print(String(format: "%d boxes cover %.1f%% of the expected incidents", report.boxes.count, report.coveredShare * 100))
    }
}
