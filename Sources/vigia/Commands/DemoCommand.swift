import ArgumentParser
import Console
import Engine
import Foundation
import SampleData

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "A fresh database from the shipped sample data, then the demo shift replayed in the console.",
        discussion: """
            Loads the Buenos Aires barrio, comuna and city boundaries, every real incident \
            (2017–2018 violent robberies, 2020 crimes), the demo operators, cameras and rules, imports the \
            watchlist, calibrates and authorises face search, then replays the shift of 2018-11-15 14:00–22:00 \
            (camera events and posts) at --speed in the console, signed in as the demo dispatcher. \
            --tour adds a guided tour. Without a terminal, or with --headless, the whole shift runs at full \
            speed with scripted operators and a summary is printed.
            """)

    @Option(help: "Where to build the demo database (default: a new temporary folder).", completion: .file()) var db: String?
    @Option(name: .customLong("sample-data"), help: "The sample-data folder (found automatically in the source tree).", completion: .directory)
    var sampleData: String?
    @Option(help: "text or json") var format: OutputFormat = .text
    @ArgumentParser.Flag(help: "No console: the whole shift at full speed with scripted operators, then a summary.") var headless = false
    @ArgumentParser.Flag(help: "A guided tour for presenters (Enter: next step).") var tour = false
    @Option(help: "Replay speed: shift seconds per wall-clock second.") var speed: Double = 30
    @OptionGroup var look: ConsoleOptions

    /// The shift replayed into the console, signed in as the demo dispatcher.
    /// The tour ships with the sample data: its text is about this city's shift.
    func tourSteps(_ data: URL) throws -> [Tour.Step] {
        guard tour else { return [] }
        do { return try Tour.load(from: data.appendingPathComponent("tour.json")) } catch { throw ValidationError("\(error)") }
    }

    func runConsole(path: String, data: URL, people: [OperatorsFile.Entry]) throws {
        let clock = PausableReplayClock(start: SampleGenerator.shiftStart, speed: speed, end: SampleGenerator.shiftEnd)
        let live = try Engine(databasePath: path, clock: clock)
        guard let dispatcher = people.first(where: { $0.role == .dispatcher }) else { throw ValidationError("operators.json has no dispatcher") }
        let principal = try live.signIn(name: dispatcher.name, passphrase: dispatcher.passphrase)
        let feeder = ReplayFeeder(engine: live, clock: clock, feeds: [
            .init(kind: .events, file: data.appendingPathComponent("camera-events.jsonl")),
            .init(kind: .posts, file: data.appendingPathComponent("posts.jsonl")),
        ])
        print("Replaying the shift at ×\(Int(speed)) as \(principal.name) (\(principal.role.rawValue)); other demo operators: "
              + people.filter { $0.name != principal.name }.map { "\($0.name) (\($0.role.rawValue))" }.joined(separator: ", ")
              + "; passphrases in sample-data/operators.json")
        ConsoleApp.installSignalHandlers()
        if look.plainMode {
            try PlainConsole(engine: live, principal: principal, options: try look.options(replay: clock), feeder: feeder).run()
        } else {
            do {
                try ConsoleApp(engine: live, principal: principal, options: try look.options(replay: clock, tour: tourSteps(data)), feeder: feeder).run()
            } catch let e as CursesScreen.Unavailable {
                throw ValidationError(e.description + "; or --plain for plain text")
            }
        }
        for p in feeder.problems { Output.warning("feed stopped: \(p)") }
        print("Demo database kept at \(path). Explore it with: vigia status --db \(path)")
    }

    func run() throws {
        let data = try SampleFolder.locate(explicit: sampleData)
        let path: String
        if let db {
            path = db
        } else {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vigia-demo-\(UUID().uuidString.prefix(8))")
            path = folder.appendingPathComponent("demo.sqlite").path
        }
        guard speed > 0, speed <= 100_000 else { throw ValidationError("--speed must be between 0 and 100000") }
        let started = Date()
        let demo = try DemoDatabase.prepare(path: path, data: data)
        let engine = demo.engine, people = demo.people, reports = demo.incidents, faces = demo.faces
        // --plain runs the shift as lines even into a pipe or a log; the full console needs a terminal.
        let interactive = !headless && format == .text && (look.plain || isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1)
        // The demo shift's events.
        var events: EventIngestReport?
        let eventsFile = data.appendingPathComponent("camera-events.jsonl")
        if demo.feedsReady, let handle = FileHandle(forReadingAtPath: eventsFile.path) {
            if interactive {
                if let faces { print(faces.text) }
                try runConsole(path: path, data: data, people: people)
                return
            }
            events = try engine.ingestEvents(from: handle, source: eventsFile.lastPathComponent)
        }
        var posts: PostIngestReport?
        let postsFile = data.appendingPathComponent("posts.jsonl")
        if let handle = FileHandle(forReadingAtPath: postsFile.path) {
            posts = try engine.ingestPosts(from: handle, source: postsFile.lastPathComponent)
        }
        var script: DemoScript.Report?
        if headless {
            let clock = ManualTimeSource(SampleGenerator.shiftStart)
            let during = try Engine(databasePath: path, clock: clock)
            script = try DemoScript.run(engine: during, clock: clock, people: people)
        }
        let status = try engine.status(as: .feed)
        if format == .json {
            print(try Output.json(DemoSummary(database: path, ingest: reports, faces: faces, events: events, posts: posts, status: status,
                                              seconds: Date().timeIntervalSince(started))))
            return
        }
        print("Vigía demo — sample data from \(data.path)")
        for r in reports { print(IngestText.render(r)) }
        if let faces { print(faces.text) }
        if let events { print(EventText.render(events)) }
        if let posts { print(PostText.render(posts)) }
        if let script { print(script.text) }
        print("")
        print(StatusText.render(status, timeZone: engine.timeZone))
        print(String(format: "\nBuilt in %.1f s. Explore it with: vigia status --db %@", Date().timeIntervalSince(started), path))
    }
}

/// The demo's operators: the first admin by bootstrap, the rest added by that admin.
enum DemoOperators {
    static func read(from data: URL) throws -> [OperatorsFile.Entry] {
        let file = data.appendingPathComponent("operators.json")
        guard FileManager.default.fileExists(atPath: file.path) else { return [] }
        return try OperatorsFile.decode(try Data(contentsOf: file), source: file.lastPathComponent)
    }

    static func create(_ entries: [OperatorsFile.Entry], in engine: Engine) throws {
        guard let admin = entries.first(where: { $0.role == .admin }) else { return }
        try engine.addOperator(name: admin.name, role: .admin, passphrase: admin.passphrase, by: nil)
        let root = try engine.signIn(name: admin.name, passphrase: admin.passphrase)
        for e in entries where e.name != admin.name {
            try engine.addOperator(name: e.name, role: e.role, passphrase: e.passphrase, by: root)
        }
    }
}

struct DemoSummary: Encodable {
    var database: String
    var ingest: [IngestReport]
    var faces: DemoFaces?
    var events: EventIngestReport?
    var posts: PostIngestReport?
    var status: DatabaseStatus
    var seconds: Double
}

/// Face search for the demo shift, set up the way an operations room would:
/// a supervisor imports the watchlist, calibrates the threshold on the
/// calibration set (FPIR 0.001) and authorises search for the shift.
struct DemoFaces: Encodable {
    var searchable: Int
    var threshold: Float
    var fpir: Double
    var fnir: Double
    var authorisation: Int64

    var text: String {
        String(format: "Face search: %d watchlist entries in force; threshold %.4f (FPIR %.4f, FNIR %.4f); authorisation #%lld for the shift",
               searchable, threshold, fpir, fnir, authorisation)
    }

    static func prepare(engine: Engine, data: URL, people: [OperatorsFile.Entry]) throws -> DemoFaces? {
        let watchlist = data.appendingPathComponent("watchlist.json"), set = data.appendingPathComponent("face-calibration.jsonl")
        let supervisors = people.filter { $0.role == .supervisor }
        guard FileManager.default.fileExists(atPath: watchlist.path), FileManager.default.fileExists(atPath: set.path),
              let supervisor = supervisors.first, let admin = people.first(where: { $0.role == .admin }) else { return nil }
        let sergio = try engine.signIn(name: supervisor.name, passphrase: supervisor.passphrase)
        // Live face search needs its legal preconditions on record; the demo records demo values.
        try engine.recordLegalPreconditions(
            oversightBody: "Demo: comisión de control (ficticia) de la Legislatura", lastIndependentReport: SampleGenerator.shiftStart.addingTimeInterval(-30 * 86_400),
            impactAssessment: "Demo: evaluación de impacto EIA-DEMO-2018", publicNotice: "Demo: aviso público en el Boletín Oficial (ficticio)",
            by: try engine.signIn(name: admin.name, passphrase: admin.passphrase))
        let imported = try engine.importWatchlist(at: watchlist, by: sergio)
        let report = try engine.calibrateFaces(set: set, targetFPIR: 0.001, saveAs: sergio)
        let (id, needsSecond) = try engine.authorise(entries: nil, cameras: nil, from: SampleGenerator.shiftStart, to: SampleGenerator.shiftEnd,
                                                     reason: "Demo: órdenes de captura vigentes del listado de muestra, turno tarde",
                                                     urgent: false, by: sergio)
        // The whole list on every camera is a wide authorisation: a second supervisor confirms it.
        if needsSecond, let second = supervisors.dropFirst().first {
            try engine.confirmAuthorisation(id: id, by: try engine.signIn(name: second.name, passphrase: second.passphrase))
        }
        return DemoFaces(searchable: imported.searchable, threshold: report.threshold, fpir: report.fpir, fnir: report.fnir, authorisation: id)
    }
}
