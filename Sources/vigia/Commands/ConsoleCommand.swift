import ArgumentParser
import Console
import Engine
import Foundation

/// What every console invocation shares: theme, language, glyphs.
struct ConsoleOptions: ParsableArguments {
    static let shippedThemes = Theme.shipped

    @Option(help: "Theme from themes/NAME.theme: dark, light, high-contrast, monochrome (default: theme in the config file, else dark).",
            completion: .list(shippedThemes))
    var theme: String?
    @Option(help: "Interface language: es or en (default: lang in the config file, else from LANG).", completion: .list(["es", "en"]))
    var lang: String?
    @ArgumentParser.Flag(inversion: .prefixedNo,
                         help: "ASCII glyphs only (default: ascii in the config file; ASCII anyway when the locale is not UTF-8).")
    var ascii: Bool?
    @ArgumentParser.Flag(name: .customLong("no-bell"), help: "No terminal bell on new priority-1 alerts.") var noBell = false
    @ArgumentParser.Flag(help: "Plain text, for a screen reader or a log: no full screen and no drawing characters; each new alert, candidate and flag is one line, actions are numbered choices, the map a ranked list (automatic with TERM=dumb).")
    var plain = false
    @ArgumentParser.Flag(name: .customLong("no-mouse"), help: "Leave the mouse to the terminal (no click to select, no wheel to scroll).") var noMouse = false

    /// `--plain`, or a terminal that says it can do nothing more (`TERM=dumb`).
    var plainMode: Bool { plain || ProcessInfo.processInfo.environment["TERM"] == "dumb" }

    /// The flags, else `VIGIA_*` variables or the config file, else the built-in defaults.
    var effectiveTheme: String { theme ?? UserConfig.current.theme ?? "dark" }
    var effectiveLang: String? { lang ?? UserConfig.current.lang }
    var effectiveASCII: Bool { ascii ?? UserConfig.current.ascii ?? false }

    static func themeFolders() -> [URL] {
        var folders: [URL] = []
        if let data = try? SampleFolder.locate(explicit: nil) { folders.append(data.deletingLastPathComponent().appendingPathComponent("themes")) }
        let env = ProcessInfo.processInfo.environment
        let config = env["XDG_CONFIG_HOME"].map { URL(fileURLWithPath: $0) } ?? URL(fileURLWithPath: NSHomeDirectory()).appendingPathComponent(".config")
        folders.append(config.appendingPathComponent("vigia/themes"))
        return folders
    }

    func options(replay: PausableReplayClock?, tour: [Tour.Step] = []) throws -> ConsoleApp.Options {
        let theme = effectiveTheme, lang = effectiveLang
        guard lang == nil || ["es", "en"].contains(lang!) else { throw ValidationError("--lang takes es or en") }
        let env = ProcessInfo.processInfo.environment
        let folders = Self.themeFolders()
        var chosen: Theme
        do { chosen = try Theme.load(named: theme, folders: folders) } catch {
            if theme != "dark" { throw ValidationError("\(error)") }
            chosen = Theme.builtIn
        }
        for p in chosen.problems { Output.warning("\(p)") }
        return ConsoleApp.Options(language: Language.resolve(flag: lang, environment: env), glyphs: GlyphSet.detect(forceASCII: effectiveASCII),
                                  theme: chosen, themeFolders: folders, replay: replay, tour: tour, bell: !noBell, mouse: !noMouse)
    }
}

/// `vigia` with no subcommand: the console on a database, with live feeds.
struct ConsoleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "console",
        abstract: "The console: district map, camera alerts, face-match candidates and social flags (the default command).",
        discussion: """
            Needs a terminal, unless --plain (automatic with TERM=dumb): plain text, one line per new item, numbered choices. --events and --posts follow files as they grow (or read stdin with -) while the console runs. \
            --at TIME shows the store as it was at TIME (e.g. the end of a finished shift), read-only: the title says so \
            and every action is refused: alerts raised by then in their state then, candidates and flags as they stood. \
            --replay FROM/TO plays a stored period back the same way at --speed, read-only: Space pauses, [ and ] move \
            10 min back or on, and the title says when the replay ended.
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var signIn: SignInOptions
    @OptionGroup var look: ConsoleOptions
    @Option(help: "Camera events to follow: a file, or - for stdin.", completion: .file()) var events: String?
    @Option(help: "Posts to follow: a file, or - for stdin.", completion: .file()) var posts: String?
    @Option(help: "Look at the store as it was at this time, read-only (e.g. 2018-11-15T21:00).") var at: String?
    @Option(help: "Play a stored period back, read-only: FROM/TO (e.g. 2018-11-15T14:00/2018-11-15T22:00).") var replay: String?
    @Option(help: "Replay speed with --replay: stored seconds per wall-clock second.") var speed: Double = 30

    func run() throws {
        if events == "-" && posts == "-" { throw ValidationError("only one of --events and --posts can read standard input") }
        if look.plainMode, events == "-" || posts == "-" {
            throw ValidationError("plain mode reads what the operator types from standard input, so a feed cannot come from it: give --events/--posts a file")
        }
        if at != nil, events != nil || posts != nil { throw ValidationError("--at is a read-only view: it cannot follow --events or --posts") }
        if replay != nil, events != nil || posts != nil { throw ValidationError("--replay is a read-only view: it cannot follow --events or --posts") }
        if replay != nil, at != nil { throw ValidationError("give --at or --replay, not both") }
        guard speed > 0, speed <= 100_000 else { throw ValidationError("--speed must be between 0 and 100000") }
        var engine = try database.openEngine()
        // Sign-in is audited at the real time; a view of the past then reads through an engine whose clock stands still there.
        let principal = try signIn.signIn(engine, purpose: "the console")
        var options = try look.options(replay: nil)
        if let at {
            let instant = try TimeParser.instant(at, in: engine.timeZone)
            engine = try database.openEngine(clock: FixedTimeSource(instant))
            options.readOnly = true
        }
        if let replay {
            let (from, to) = try Self.period(replay, in: engine.timeZone)
            let clock = PausableReplayClock(start: from, speed: speed, end: to)
            engine = try database.openEngine(clock: clock)
            options.replay = clock
            options.readOnly = true
        }
        ConsoleApp.installSignalHandlers()
        let live = LiveFeeds(engine: engine)
        if let events { try live.follow(events, kind: .events) }
        if let posts { try live.follow(posts, kind: .posts) }
        defer { live.stop() }
        if look.plainMode { return try PlainConsole(engine: engine, principal: principal, options: options, feeder: nil).run() }
        do {
            try ConsoleApp(engine: engine, principal: principal, options: options, feeder: nil).run()
        } catch let e as CursesScreen.Unavailable {
            throw ValidationError(e.description + "; or --plain for plain text")
        }
    }

    /// `FROM/TO`, two times with FROM before TO.
    static func period(_ text: String, in zone: TimeZone) throws -> (Date, Date) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2 else { throw ValidationError("--replay takes FROM/TO, e.g. 2018-11-15T14:00/2018-11-15T22:00; found '\(text)'") }
        let from: Date, to: Date
        do { from = try TimeParser.instant(parts[0], in: zone) } catch { throw ValidationError("--replay FROM: \(error)") }
        do { to = try TimeParser.instant(parts[1], in: zone) } catch { throw ValidationError("--replay TO: \(error)") }
        guard from < to else { throw ValidationError("--replay: FROM (\(parts[0])) must be before TO (\(parts[1]))") }
        return (from, to)
    }
}

/// Files (or stdin) followed by the engine's feeds while the console runs.
final class LiveFeeds: Sendable {
    let engine: Engine
    init(engine: Engine) { self.engine = engine }

    func follow(_ path: String, kind: ReplayFeeder.Feed.Kind) throws {
        let (handle, source) = try IngestCommand.openFeed(path)
        Thread.detachNewThread { [engine] in
            let keepGoing = { !ConsoleApp.stopRequested.load(ordering: .relaxed) }
            do {
                switch kind {
                case .events: _ = try engine.ingestEvents(from: handle, source: source, follow: keepGoing, flushInterval: 0.5)
                case .posts: _ = try engine.ingestPosts(from: handle, source: source, flushInterval: 0.5, follow: keepGoing)
                }
            } catch {
                ConsoleApp.feedProblems.withLock { $0.append("\(source): \(engine.explain(error))") }
            }
        }
    }

    func stop() { ConsoleApp.stopRequested.store(true, ordering: .relaxed) }
}
