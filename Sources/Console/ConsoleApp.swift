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

    /// Runs an engine command for the signed-in operator and says how it went.
    func perform(_ command: EngineCommand, _ state: inout UIState, _ screen: CursesScreen) {
        let l = state.language
        if options.readOnly {
            switch command {
            case .alert, .undoAlert, .bulkClose, .decideHit, .dispatchHit, .reviewFlag, .signIn:
                state.message = Strings.text("msg.readonly", l)
                return
            case .setTheme, .reloadForecast, .refresh, .quit: break
            }
        }
        do {
            switch command {
            case .alert(let id, let c):
                _ = try engine.perform(c, onAlert: id, by: principal)
                if case .note = c { state.message = "#\(id): \(Strings.text("msg.noted", l))"; return }
                if case .tickStep(let n) = c {
                    // A tick leaves the state (and what `u` would undo) as it was.
                    state.message = "#\(id): \(Strings.text("steps.ticked", l)) \(n)"
                    return
                }
                state.lastActedAlert = id
                switch c {
                case .acknowledge, .close, .snooze, .forward: state.message = Strings.text("msg.undohint", l); return
                default: state.lastActedAlert = nil
                }
            case .bulkClose(let ids, let disposition, let reason):
                let r = try engine.closeAll(ids, disposition: disposition, reason: reason, by: principal)
                state.message = "\(Strings.text("msg.bulkclosed", l)) \(r.closed.count)/\(ids.count)"
                    + (r.refused.first.map { " · \(r.refused.count) \(Strings.text("msg.refused", l)): #\($0.alert) \($0.reason)" } ?? "")
                state.lastActedAlert = nil
                return
            case .undoAlert(let id):
                let s = try engine.undoLastAction(onAlert: id, by: principal)
                state.lastActedAlert = nil
                state.message = "\(Strings.text("msg.undone", l)): #\(id) \(Strings.text("alert." + s.alert.state.rawValue, l))"
                return
            case .decideHit(let id, let confirm, let reason):
                let next = try engine.decideHit(id: id, confirm: confirm, reason: reason, by: principal)
                state.message = "#\(id): \(Strings.text("hit." + next.rawValue, l))"
                return
            case .dispatchHit(let id): try engine.dispatchHit(id: id, by: principal)
            case .reviewFlag(let id, let credible, let reason): _ = try engine.reviewFlag(id: id, credible: credible, reason: reason, by: principal)
            case .signIn(let name, let passphrase):
                principal = try engine.signIn(name: name, passphrase: passphrase)
                state.message = "\(Strings.text("msg.signedin", l)): \(principal.name) (\(Strings.text("role." + principal.role.rawValue, l)))"
                return
            case .setTheme(let name):
                let theme = try Theme.load(named: name, folders: options.themeFolders)
                screen.setTheme(theme)
                state.message = theme.problems.first ?? "theme \(name)"
                return
            case .reloadForecast, .refresh, .quit: return
            }
            state.message = Strings.text("msg.done", l)
        } catch {
            state.message = "\(Strings.text("msg.refused", l)): \(error)"
        }
    }
}
