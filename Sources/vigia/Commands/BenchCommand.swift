import ArgumentParser
import Engine
import Foundation

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
        let data = try SampleFolder.locate(explicit: sampleData)
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

