import Engine
import Foundation
import Synchronization
import VigiaCore

/// The console's main loop: the only place that draws. It wakes for a key,
/// for a commit to the store by anyone (polled twice a second), or for the
/// replay clock; it never spins.
public final class ConsoleApp {
    public struct Options: Sendable {
        public var language: Language
        public var glyphs: GlyphSet
        public var theme: Theme
        public var themeFolders: [URL]
        public var replay: PausableReplayClock?
        /// The guided tour's steps (`vigia demo --tour`); empty: no tour.
        public var tour: [Tour.Step]
        public var bell: Bool
        /// `--at`: a view of the store at a past time; nothing is changed.
        public var readOnly: Bool
        /// Clicks and the wheel (`--no-mouse` leaves the mouse to the terminal).
        public var mouse: Bool
        public init(language: Language, glyphs: GlyphSet, theme: Theme, themeFolders: [URL], replay: PausableReplayClock?, tour: [Tour.Step] = [], bell: Bool = true,
                    readOnly: Bool = false, mouse: Bool = true) {
            self.language = language; self.glyphs = glyphs; self.theme = theme; self.themeFolders = themeFolders
            self.replay = replay; self.tour = tour; self.bell = bell; self.readOnly = readOnly; self.mouse = mouse
        }
    }

    /// Set by SIGINT, SIGTERM or SIGHUP: leave the loop, restore the terminal, close the database.
    public static let stopRequested = Atomic<Bool>(false)
    /// Why a followed feed stopped (disk full, unreadable file): shown on the message line, never lost silently.
    public static let feedProblems = Mutex<[String]>([])
    /// With no commit and no key, the snapshot is still rebuilt this often,
    /// so ages, escalations and snooze ends move on in a quiet room.
    static let quietRebuildSeconds: TimeInterval = 30

    let engine: Engine
    var principal: Principal
    let options: Options
    let feeder: ReplayFeeder?

    public init(engine: Engine, principal: Principal, options: Options, feeder: ReplayFeeder?) {
        self.engine = engine
        self.principal = principal
        self.options = options
        self.feeder = feeder
    }

    public static func installSignalHandlers() {
        for s in [SIGINT, SIGTERM, SIGHUP] { signal(s) { _ in ConsoleApp.stopRequested.store(true, ordering: .relaxed) } }
        var set = sigset_t()
        sigemptyset(&set)
        for s in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&set, s) }
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }

    /// Whether both are the same prompt (its text edited), not one prompt closed and another opened.
    static func samePrompt(_ a: Overlay?, _ b: Overlay?) -> Bool {
        guard case .prompt(let p)? = a, case .prompt(let q)? = b else { return false }
        return p.purpose == q.purpose
    }

    public func run() throws {
        var initial = UIState(language: options.language, glyphs: options.glyphs)
        // A stored shift replayed read-only can be moved through; the demo's live feeds cannot be rewound.
        initial.canSeek = options.replay != nil && options.readOnly
        let found = options.themeFolders.flatMap { (try? FileManager.default.contentsOfDirectory(atPath: $0.path)) ?? [] }
            .filter { $0.hasSuffix(".theme") }.map { String($0.dropLast(6)) }
        initial.themeNames = Array(Set(initial.themeNames + found)).sorted()
        if !options.tour.isEmpty { initial.tour = options.tour; initial.tourStep = 0; Tour.apply(0, to: &initial) }
        // The system's duties (lapses, retention when due) at start-up and every minute.
        if !options.readOnly { try? engine.runScheduledWork() }
        var lastSweep = Date()
        let session = try ConsoleSession(engine: engine, principal: principal, state: initial, readOnly: options.readOnly,
                                         replaySpeed: options.replay?.speed)
        let screen = try CursesScreen(theme: options.theme, mouse: options.mouse)
        defer { screen.end() }
        feeder?.start()
        var lastGeneration = 0, dirty = true
        // Live by commits: any commit to the store, by this process or
        // another, rebuilds within about half a second; a slow timer only
        // moves ages, escalations and snooze ends on in a quiet room.
        while !Self.stopRequested.load(ordering: .relaxed) {
            if dirty {
                screen.draw(session.screen(screen.size))
                dirty = false
            }
            let key = screen.readKey(timeout: 500)
            if Self.stopRequested.load(ordering: .relaxed) { break }
            if let key {
                if key == .resize { dirty = true; continue }
                let wasPaused = session.state.paused
                let before = session.state.overlay
                let reaction = session.press(key, size: screen.size)
                // Text typed on after a prompt closed is not a string of commands, nor does it close
                // what the prompt opened (the handover notes after a sign-in) unread.
                if case .prompt? = before, session.state.overlay != before, !Self.samePrompt(before, session.state.overlay) { screen.discardTypeahead() }
                if session.state.paused != wasPaused { options.replay?.setPaused(session.state.paused) }
                if !reaction.effects.isDisjoint(with: [.seekBack, .seekForward]) {
                    options.replay?.seek(by: reaction.effects.contains(.seekBack) ? -Reducer.seekSeconds : Reducer.seekSeconds)
                    _ = session.poll(force: true)
                }
                if reaction.effects.contains(.quit) { feeder?.stop(); return }
                if case .setTheme(let name)? = reaction.command {
                    do {
                        let theme = try Theme.load(named: name, folders: options.themeFolders)
                        screen.setTheme(theme)
                        session.report(.themeLoaded(name: name, problem: theme.problems.first))
                    } catch { session.report(.refused("\(error)")) }
                }
                // Any change of state is in the reaction (redraw, rebuild); a theme redraws too.
                if !reaction.effects.isEmpty || reaction.command != nil { dirty = true }
                continue
            }
            if !options.readOnly, Date().timeIntervalSince(lastSweep) >= Engine.scheduledWorkPeriod { try? engine.runScheduledWork(); lastSweep = Date() }
            // No key: rebuild when the store or a feed moved, or each second while the replay clock runs.
            let generation = feeder?.generation.load(ordering: .relaxed) ?? 0
            let replaying = options.replay.map { !$0.finished } ?? false
            let force = generation != lastGeneration || (replaying && !session.state.paused) || session.sinceLastBuild > Self.quietRebuildSeconds
            lastGeneration = generation
            let problems = (feeder?.problems ?? []) + Self.feedProblems.withLock { $0 }
            let rebuilt = session.poll(force: force, feedProblems: problems) != nil
            if rebuilt || session.tick(now: engine.clock.now()) { dirty = true }
            // The bell rings once for each new priority-1 alert, whichever rebuild found it (taken either way, so the list never grows).
            let arrived = session.takeArrivals()
            if options.bell, arrived.contains(where: { $0.priority == 1 }) { FileHandle.standardOutput.write(Data([7])) }
        }
        feeder?.stop()
    }
}
