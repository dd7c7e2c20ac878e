import ArgumentParser
import Engine
import Foundation

struct PredictCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "predict",
        abstract: "Rank the city's cells for the next shift, day or week from the stored incidents.",
        discussion: "Forecasts are about places: grid cells, never people. Windows shorter than a day are weighted by the hour-of-week profile.")

    @OptionGroup var database: DatabaseOptions
    @Option(help: "Start of the window (ISO 8601; zone-less in --tz).") var at: String
    @Option(help: "8h, 24h or 7d.") var horizon: String = "8h"
    @Option(help: "Model: \(ModelCatalogue.names.joined(separator: ", ")).", completion: .list(ModelCatalogue.names)) var model: String = "recency"
    @Option(help: "How many cells to list.") var top: Int = 20
    @Option(name: .customLong("include-police-initiated"),
            help: "Weight for police-initiated records (default 0: excluded, safeguard 8); any other value is audited.")
    var policeWeight: Double = 0
    @Option(name: .customLong("spread-factor"),
            help: "Warn for a district whose share of the top 5 % cells exceeds this many times its share of reported crime.")
    var spreadFactor: Double = Engine.defaultSpreadFactor
    @Option(help: "text or json") var format: OutputFormat = .text

    func run() throws {
        guard (0...1).contains(policeWeight) else { throw ValidationError("--include-police-initiated takes a weight from 0 to 1") }
        let engine = try database.openEngine()
        let instant = try TimeParser.instant(at, in: engine.timeZone)
        let report = try engine.predict(at: instant, horizon: try Self.hours(horizon), model: model, top: top,
                                        policeWeight: policeWeight, spreadFactor: spreadFactor, as: .feed)
        if format == .json { print(try Output.json(report)); return }
        let f = TimestampFormatter(timeZone: engine.timeZone)
        print("\(report.model) forecast from \(f.string(from: report.at)) for \(Int(report.horizonHours)) h: \(String(format: "%.1f", report.expectedTotal)) incidents expected over \(report.validCells) cells of \(Int(report.cellSize)) m; Gini \(String(format: "%.2f", report.gini))")
        if let q = report.quality {
            let c = q.coverage
            print("quality: last \(q.days) daily forecasts, hit rate at \(Int(c.percentOfArea)) % \(String(format: "%.1f", c.hitRate * 100)) % "
                  + BacktestCommand.range(c.hitRateInterval?.lower, c.hitRateInterval?.upper) + " (95 %, \(c.interval)) of \(c.incidents) incidents, "
                  + "PAI \(String(format: "%.2f", c.pai)) [\(c.paiInterval.map { String(format: "%.2f–%.2f", $0.lower, $0.upper) } ?? "—")], "
                  + "PEI \(c.pei.map { String(format: "%.2f", $0) } ?? "—")")
        } else {
            print("quality: not known (no incidents in the last 7 days)")
        }
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
        for r in report.spread where r.exceeds {
            print("warning: district \(r.district) holds \(String(format: "%.1f", r.flaggedShare * 100)) % of the top 5 % cells with "
                  + "\(String(format: "%.1f", r.incidentShare * 100)) % of reported crime (more than \(report.spreadFactor)× its share)")
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
        commandName: "patrol", abstract: "Place N non-overlapping patrol boxes where the most incidents are expected; --issue records them as handed to units.",
        discussion: """
            With --issue (supervisor, admin; audited as patrol.issue) the boxes are recorded for the window [--at, --at + --horizon): \
            the shift summary then sets them against the incidents recorded inside them (dosage), and the feedback-loop guard \
            counts police-initiated records per box.
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var signIn: SignInOptions
    @Option(help: "Start of the window.") var at: String
    @Option(help: "8h, 24h or 7d.") var horizon: String = "8h"
    @Option(help: "Patrol units.") var units: Int
    @Option(help: "Box side in metres (rounded to whole cells).") var box: Double = 300
    @Option(help: "Model: \(ModelCatalogue.names.joined(separator: ", ")).", completion: .list(ModelCatalogue.names)) var model: String = "recency"
    @Option(name: .customLong("include-police-initiated"), help: "Weight for police-initiated records (audited when not 0; not with --issue).")
    var policeWeight: Double = 0
    @ArgumentParser.Flag(help: "Record the boxes as handed to units for the window (needs --operator).") var issue = false
    @Option(help: "text or json") var format: OutputFormat = .text

    func run() throws {
        guard (1...500).contains(units) else { throw ValidationError("--units must be 1 to 500") }
        guard (150...2_000).contains(box) else { throw ValidationError("--box must be 150 to 2000 metres") }
        guard (0...1).contains(policeWeight) else { throw ValidationError("--include-police-initiated takes a weight from 0 to 1") }
        guard !issue || policeWeight == 0 else { throw ValidationError("--issue plans on citizen reports only; leave out --include-police-initiated") }
        let engine = try database.openEngine()
        let start = try TimeParser.instant(at, in: engine.timeZone), length = try PredictCommand.hours(horizon)
        let report: PatrolReport
        if issue {
            let principal = try signIn.signIn(engine, purpose: "issuing patrol boxes")
            report = try engine.issuePatrol(at: start, horizon: length, units: units, boxMetres: box, model: model, by: principal)
        } else {
            report = try engine.patrol(at: start, horizon: length, units: units, boxMetres: box, model: model, policeWeight: policeWeight, as: .feed)
        }
        if format == .json { print(try Output.json(report)); return }
        for b in report.boxes {
            print(String(format: "unit %2d: %.0f m box at %.6f, %.6f (%@): %.2f expected, %.1f%%", b.unit, b.sizeMetres,
                         b.centreLatitude, b.centreLongitude, b.district ?? "?", b.expected, b.share * 100))
        }
        print(String(format: "%d boxes cover %.1f%% of the expected incidents", report.boxes.count, report.coveredShare * 100))
        if let id = report.issueID { print("issued as patrol issue \(id) for \(Int(report.horizonHours)) h from \(at) (audited)") }
    }
}
