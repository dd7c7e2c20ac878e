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
        public var tour: Bool
        public var bell: Bool
        /// `--at`: a view of the store at a past time; nothing is changed.
        public var readOnly: Bool
        public init(language: Language, glyphs: GlyphSet, theme: Theme, themeFolders: [URL], replay: PausableReplayClock?, tour: Bool, bell: Bool = true,
                    readOnly: Bool = false) {
            self.language = language; self.glyphs = glyphs; self.theme = theme; self.themeFolders = themeFolders
            self.replay = replay; self.tour = tour; self.bell = bell; self.readOnly = readOnly
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

    public func run() throws {
        let source = SituationSource(engine: engine)
        var state = UIState(language: options.language, glyphs: options.glyphs)
        state.readOnly = options.readOnly
        if options.tour { state.tourStep = 0; Tour.apply(0, to: &state) }
        func request() -> SituationSource.Request {
            SituationSource.Request(principal: principal, horizonHours: state.horizonHours, model: state.model, replaySpeed: options.replay?.speed,
                                    review: state.review)
        }
        // Safeguard 11: the retention policy runs at start-up and then hourly; lapsed
        // urgent authorisations (safeguard 3) are made final at start-up and every minute.
        if !options.readOnly {
            _ = try? engine.applyScheduledRetention()
            _ = try? engine.applyAuthorisationLapses()
        }
        var lastRetention = Date(), lastSweep = Date()
        var situation = try source.situation(request())
        Reducer.follow(&state, situation: situation)
        let screen = try CursesScreen(theme: options.theme)
        defer { screen.end() }
        feeder?.start()
        var lastBuild = Date(), lastGeneration = 0, dirty = true
        // Live by commits: any commit to the store, by this process or
        // another, rebuilds within about half a second; a slow timer only
        // moves ages, escalations and snooze ends on in a quiet room.
        var lastCommit = engine.storeChangeCount()
        var seenAlerts = Set(situation.alerts.map(\.id))
        while !Self.stopRequested.load(ordering: .relaxed) {
            if dirty {
                screen.draw(render(situation, state, screen.size))
                dirty = false
            }
            let key = screen.readKey(timeout: 500)
            if Self.stopRequested.load(ordering: .relaxed) { break }
            if let key {
                dirty = true
                if key == .resize { continue }
                let wasPaused = state.paused
                let hadPrompt: Bool
                if case .prompt? = state.overlay { hadPrompt = true } else { hadPrompt = false }
                let command = Reducer.reduce(&state, key: key, situation: situation, size: screen.size)
                // Text typed on after a prompt closed is not a string of commands.
                if hadPrompt, state.overlay == nil { screen.discardTypeahead() }
                if state.paused != wasPaused { options.replay?.setPaused(state.paused) }
                if let command {
                    if command == .quit { break }
                    perform(command, &state, screen)
                    situation = (try? source.situation(request())) ?? situation
                    lastBuild = Date()
                    lastCommit = engine.storeChangeCount()
                }
                Reducer.follow(&state, situation: situation)
                continue
            }
            if !options.readOnly, Date().timeIntervalSince(lastRetention) >= 3600 { _ = try? engine.applyScheduledRetention(); lastRetention = Date() }
            if !options.readOnly, Date().timeIntervalSince(lastSweep) >= 60 { _ = try? engine.applyAuthorisationLapses(); lastSweep = Date() }
            // No key: rebuild when a feed moved, or each second while the replay clock runs.
            let generation = feeder?.generation.load(ordering: .relaxed) ?? 0
            let replaying = options.replay.map { !$0.finished } ?? false
            let commit = engine.storeChangeCount()
            if generation != lastGeneration || commit != lastCommit || (replaying && !state.paused)
                || Date().timeIntervalSince(lastBuild) > Self.quietRebuildSeconds {
                lastGeneration = generation
                let problems = (feeder?.problems ?? []) + Self.feedProblems.withLock { $0 }
                if let last = problems.last, state.message == nil { state.message = "\(Strings.text("msg.feedstopped", state.language)): \(last)" }
                if let next = try? source.situation(request()) {
                    // The bell rings once for each new priority-1 alert.
                    let fresh = next.alerts.filter { !seenAlerts.contains($0.id) }
                    if options.bell, fresh.contains(where: { $0.priority == 1 }) { FileHandle.standardOutput.write(Data([7])) }
                    seenAlerts.formUnion(fresh.map(\.id))
                    Reducer.arrivals(&state, fresh: fresh, now: Date())
                    situation = next
                    Reducer.follow(&state, situation: situation)
                }
                lastBuild = Date()
                lastCommit = engine.storeChangeCount()
                dirty = true
            } else if Int(engine.clock.now().timeIntervalSince1970) != Int(situation.header.now.timeIntervalSince1970) {
                // Between rebuilds the clock and the ages still move on.
                situation.header.now = engine.clock.now()
                dirty = true
            }
        }
        feeder?.stop()
    }

    /// Runs a command for the signed-in operator and says how it went.
    func perform(_ command: EngineCommand, _ state: inout UIState, _ screen: CursesScreen) {
        let l = state.language
        do {
            switch command {
            case .engine(let c):
                if options.readOnly { state.message = Strings.text("msg.readonly", l); return }
                let outcome = try engine.perform(c, by: principal)
                state.message = Self.report(c, outcome, l)
                // What `u` would undo: the last undoable alert action. A tick or a note leaves it as it was;
                // face and flag decisions are not alert actions and leave it too.
                switch c {
                case .alert(_, .tickStep), .alert(_, .note), .decideHit, .dispatchHit, .reviewFlag: break
                case .alert(let id, _) where c.undoable: state.lastActedAlert = id
                case .alert, .undo, .closeAll: state.lastActedAlert = nil
                }
            case .signIn(let name, let passphrase):
                if options.readOnly { state.message = Strings.text("msg.readonly", l); return }
                principal = try engine.signIn(name: name, passphrase: passphrase)
                state.message = "\(Strings.text("msg.signedin", l)): \(principal.name) (\(Strings.text("role." + principal.role.rawValue, l)))"
            case .setTheme(let name):
                let theme = try Theme.load(named: name, folders: options.themeFolders)
                screen.setTheme(theme)
                state.message = theme.problems.first ?? "theme \(name)"
            case .reloadForecast, .refresh, .quit: return
            }
        } catch {
            state.message = "\(Strings.text("msg.refused", l)): \(error)"
        }
    }

    /// The message line after a command that went through.
    static func report(_ command: Command, _ outcome: CommandOutcome, _ l: Language) -> String {
        switch (command, outcome) {
        case (.alert(let id, .note), _): return "#\(id): \(Strings.text("msg.noted", l))"
        // A tick leaves the state (and what `u` would undo) as it was.
        case (.alert(let id, .tickStep(let n)), _): return "#\(id): \(Strings.text("steps.ticked", l)) \(n)"
        case (.closeAll(let ids, _, _), .closed(let r)):
            return "\(Strings.text("msg.bulkclosed", l)) \(r.closed.count)/\(ids.count)"
                + (r.refused.first.map { " · \(r.refused.count) \(Strings.text("msg.refused", l)): #\($0.alert) \($0.reason)" } ?? "")
        case (.undo(let id), .alert(let s)): return "\(Strings.text("msg.undone", l)): #\(id) \(Strings.text("alert." + s.alert.state.rawValue, l))"
        case (.decideHit(let id, _, _), .hit(let next)): return "#\(id): \(Strings.text("hit." + next.rawValue, l))"
        default: return command.undoable ? Strings.text("msg.undohint", l) : Strings.text("msg.done", l)
        }
    }
}
