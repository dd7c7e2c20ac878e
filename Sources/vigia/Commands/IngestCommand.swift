import ArgumentParser
import Engine
import Foundation

struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Load feeds into the database: incident CSVs, district boundaries, the camera registry, camera events and posts.",
        discussion: """
            Incidents: any city's CSV with a date (and an hour band) or a full timestamp, WGS84 coordinates \
            and a type. Columns are guessed from common names (fecha, franja_horaria, latitud, longitud, tipo, …) \
            or named with --columns. Bad rows go to quarantine with file, line and reason; the rest load. \
            Ingesting the same file again adds nothing. Files with columns about people are refused.
            """)

    @OptionGroup var database: DatabaseOptions
    @Option(help: "An incident CSV file.", completion: .file(extensions: ["csv"])) var incidents: String?
    @Option(help: "Column names: time=…,hour=…,lat=…,lon=…,type=…,subtype=…,source=…,id=…")
    var columns: String?
    @Option(name: .customLong("source-values"),
            help: "What the source column's values mean: citizen=v1|v2,police=v3|v4")
    var sourceValues: String?
    @Option(help: "A GeoJSON file of district boundaries (Polygon / MultiPolygon features).",
            completion: .file(extensions: ["geojson", "json"]))
    var boundaries: String?
    @Option(help: "The camera registry (cameras.json); replaces the stored one.", completion: .file(extensions: ["json"])) var cameras: String?
    @Option(help: "Camera events as JSON lines: a file, or - for standard input.", completion: .file()) var events: String?
    @Option(name: .customLong("events-format"), help: "vigia (Vigía's schema) or frigate (Frigate's MQTT payloads).",
            completion: .list(["vigia", "frigate"]))
    var eventsFormat: String = "vigia"
    @Option(help: "Public posts as JSON lines: a file, or - for standard input. Only flagged posts are kept.", completion: .file()) var posts: String?
    @ArgumentParser.Flag(help: "Keep reading --events or --posts as the file grows, until interrupted (Ctrl-C).") var follow = false
    @Option(help: "The name to store the boundary layer under.") var layer: String = "districts"
    @Option(name: .customLong("name-key"), help: "The feature property that names each district.")
    var nameKey: String = "name"
    @Option(name: .customLong("parent-key"), help: "The property naming the larger district it belongs to.")
    var parentKey: String?
    @Option(name: .customLong("commit-every"),
            help: "Feeds (--events, --posts): lines per transaction. Smaller loses less work to a crash; larger is faster.")
    var commitEvery: Int = 10_000
    @Option(help: "text or json") var format: OutputFormat = .text

    func validate() throws {
        guard (1...1_000_000).contains(commitEvery) else { throw ValidationError("--commit-every takes 1 to 1000000 lines, found \(commitEvery)") }
        if incidents == nil && boundaries == nil && cameras == nil && events == nil && posts == nil {
            throw ValidationError("nothing to ingest: give --incidents, --boundaries, --cameras, --events or --posts")
        }
        if events == "-" && posts == "-" { throw ValidationError("only one of --events and --posts can read standard input") }
        if follow && events != nil && posts != nil { throw ValidationError("--follow follows one feed: give --events or --posts, not both") }
        guard EventFormat(rawValue: eventsFormat) != nil else { throw ValidationError("--events-format takes vigia or frigate") }
    }

    /// A feed file, or standard input for "-", with the name it is stored under.
    static func openFeed(_ path: String) throws -> (FileHandle, String) {
        if path == "-" { return (.standardInput, "stdin") }
        guard let h = FileHandle(forReadingAtPath: path) else { throw ValidationError("\(path): cannot open the file") }
        return (h, URL(fileURLWithPath: path).lastPathComponent)
    }

    func run() throws {
        let engine = try database.openEngine(create: true)
        if follow { StopSignal.install() }
        if let boundaries {
            let count = try engine.ingestBoundaries(at: URL(fileURLWithPath: boundaries), layer: layer,
                                                    nameKey: nameKey, parentKey: parentKey)
            if format == .text { print("\(boundaries): \(count) districts stored as layer \"\(layer)\"") }
        }
        if let cameras {
            let n = try engine.ingestCameras(at: URL(fileURLWithPath: cameras))
            if format == .text { print("\(cameras): \(n) cameras registered") }
        }
        if let events {
            let (handle, source) = try Self.openFeed(events)
            let report = try engine.ingestEvents(from: handle, source: source,
                                                 format: EventFormat(rawValue: eventsFormat)!, batchLines: commitEvery,
                                                 follow: follow ? { !StopSignal.requested.load(ordering: .relaxed) } : nil)
            print(format == .json ? try Output.json(report) : EventText.render(report))
        }
        if let posts {
            let (handle, source) = try Self.openFeed(posts)
            let report = try engine.ingestPosts(from: handle, source: source, batchLines: commitEvery,
                                                follow: follow ? { !StopSignal.requested.load(ordering: .relaxed) } : nil)
            print(format == .json ? try Output.json(report) : PostText.render(report))
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

enum PostText {
    static func render(_ r: PostIngestReport) -> String {
        var lines = ["\(r.source): \(r.posts) posts classified, \(r.flagged) flagged as threats (kept for review), \(r.posts - r.flagged) not kept; \(r.quarantined) lines quarantined"]
        if !r.byCategory.isEmpty {
            lines.append("  flags: " + r.byCategory.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: " · "))
        }
        for s in r.surges { lines.append("  surge alert: \(s)") }
        for w in r.warnings where !w.hasPrefix("surge alert") { lines.append("  warning: \(w)") }
        for e in r.examples { lines.append("  e.g. \(e)") }
        lines.append(String(format: "  %.2f s, %.0f posts/s", r.seconds, r.postsPerSecond))
        return lines.joined(separator: "\n")
    }
}

enum EventText {
    static func render(_ r: EventIngestReport) -> String {
        var lines = ["\(r.source): \(r.lines) lines, \(r.events) events, \(r.alerts) alerts raised (\(r.suppressedByCooldown) repeats held back by cool-downs), \(r.quarantined) lines quarantined"]
        if r.faceProbes > 0, r.warnings.allSatisfy({ !$0.contains("not searched") }) {
            lines.append("  \(r.faceProbes) face probes: \(r.hits) candidates above threshold under an authorisation; no probe stored")
        }
        for (reason, n) in r.ignored.sorted(by: { $0.key < $1.key }) { lines.append("  ignored \(n): \(reason)") }
        for e in r.examples { lines.append("  e.g. \(e)") }
        for w in r.warnings { lines.append("  warning: \(w)") }
        lines.append(String(format: "  %.2f s, %.0f events/s", r.seconds, r.eventsPerSecond))
        return lines.joined(separator: "\n")
    }
}
