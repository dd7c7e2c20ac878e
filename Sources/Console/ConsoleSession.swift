import Engine
import Foundation
import VigiaCore

/// The console without a terminal: keys → reducer → engine → situation →
/// screen. `ConsoleApp` drives one from a real terminal; tests drive one
/// headless (`press`, `poll`, `screen`) on a real engine and database, so
/// what a key does is tested end to end with no tmux.
public final class ConsoleSession {
    public let engine: Engine
    public private(set) var principal: Principal
    public var state: UIState
    public private(set) var situation: Situation
    let source: SituationSource
    let readOnly: Bool
    let replaySpeed: Double?
    private var lastCommit: Int?
    private var lastBuild = Date()
    private var seenAlerts: Set<Int64>
    private var arrivals: [Situation.AlertItem] = []

    public init(engine: Engine, principal: Principal, state: UIState, readOnly: Bool = false, replaySpeed: Double? = nil) throws {
        self.engine = engine
        self.principal = principal
        self.state = state
        self.state.readOnly = readOnly
        self.readOnly = readOnly
        self.replaySpeed = replaySpeed
        source = SituationSource(engine: engine)
        lastCommit = engine.storeChangeCount()
        situation = try source.situation(Self.request(principal, state, replaySpeed))
        seenAlerts = Set(situation.alerts.map(\.id))
        NewSinceLooked.start(&self.state, at: situation.header.now)
        Reducer.follow(&self.state, situation: situation)
        // An operator who starts the console signed in sees the last shift's handover first
        // (a view of the past, or the demo's tour, has no shift to hand over to).
        if !readOnly, self.state.tourStep == nil, principal.role != .system,
           let notes = try? engine.handoverNotes(as: principal), !notes.isEmpty {
            self.state.overlay = .handover(notes)
        }
    }

    var request: SituationSource.Request { Self.request(principal, state, replaySpeed) }

    static func request(_ principal: Principal, _ state: UIState, _ replaySpeed: Double?) -> SituationSource.Request {
        // A read-only console is a view of the past (`--at`, `--replay`): its queues are as they stood at its clock's time.
        SituationSource.Request(principal: principal, horizonHours: state.horizonHours, model: state.model, replaySpeed: replaySpeed, review: state.review,
                                asOf: state.readOnly)
    }

    /// The screen as it stands.
    public func screen(_ size: TerminalSize) -> ScreenBuffer { render(situation, state, size) }

    /// One key. The reducer decides; an engine command or a sign-in is run
    /// here, its result handed back to the reducer, and the situation rebuilt
    /// when the reaction says so. What only the terminal can do (quit, load a
    /// theme) is returned.
    @discardableResult
    public func press(_ key: Key, size: TerminalSize) -> Reaction {
        let reaction = Reducer.reduce(&state, key: key, situation: situation, size: size)
        var effects = reaction.effects
        var forTerminal: EngineCommand?
        if let command = reaction.command {
            if let result = run(command) { effects.formUnion(Reducer.result(&state, result).effects) } else { forTerminal = command }
        }
        if !effects.isDisjoint(with: [.rebuild, .reloadForecast]) { poll(force: true) } else { Reducer.follow(&state, situation: situation) }
        return Reaction(effects, command: forTerminal)
    }

    /// Runs a command as a key would have asked for it (plain mode's numbered
    /// choices): the result goes to the reducer, the situation is rebuilt, and
    /// the result is returned with the message it left (taken off the message line).
    /// Nil: the command is the terminal's (a theme).
    func execute(_ command: EngineCommand) -> (result: CommandResult, message: String?)? {
        guard let result = run(command) else { return nil }
        let effects = Reducer.result(&state, result).effects
        if !effects.isDisjoint(with: [.rebuild, .reloadForecast]) { poll(force: true) }
        return (result, Reducer.takeMessage(&state))
    }

    /// Hands news from the loop (a theme loaded, a feed stopped) to the reducer.
    public func report(_ result: CommandResult) { _ = Reducer.result(&state, result) }

    /// Rebuilds when anyone (this process or another) committed to the store
    /// since the last look, or when `force`. Returns the alerts that arrived,
    /// nil when nothing was rebuilt. The last of `feedProblems` (why a
    /// followed feed stopped) is said at any rebuild, however it was caused,
    /// unless another message is showing.
    @discardableResult
    public func poll(force: Bool = false, feedProblems: [String] = []) -> [Situation.AlertItem]? {
        let commit = engine.storeChangeCount()
        guard force || commit != lastCommit else { return nil }
        if let last = feedProblems.last { report(.feedStopped(last)) }
        guard let next = try? source.situation(request) else { return nil }
        let fresh = next.alerts.filter { !seenAlerts.contains($0.id) }
        seenAlerts.formUnion(fresh.map(\.id))
        Reducer.arrivals(&state, fresh: fresh, now: Date())
        arrivals += fresh
        situation = next
        Reducer.follow(&state, situation: situation)
        lastCommit = commit
        lastBuild = Date()
        return fresh
    }

    /// Seconds since the situation was last built.
    public var sinceLastBuild: TimeInterval { Date().timeIntervalSince(lastBuild) }

    /// Between rebuilds the clock and the ages still move on.
    public func tick(now: Date) -> Bool {
        guard Int(now.timeIntervalSince1970) != Int(situation.header.now.timeIntervalSince1970) else { return false }
        situation.header.now = now
        return true
    }

    /// Alerts that arrived in any rebuild since the last call (for the bell), oldest first.
    public func takeArrivals() -> [Situation.AlertItem] {
        defer { arrivals = [] }
        return arrivals
    }

    /// Runs a command for the signed-in operator; the reducer says how it
    /// went. Nil: the command is the terminal's (a theme), not run here.
    private func run(_ command: EngineCommand) -> CommandResult? {
        do {
            switch command {
            case .setTheme: return nil
            case _ where readOnly: return .readOnly
            case .engine(let c): return .performed(c, try engine.perform(c, by: principal))
            case .signIn(let name, let passphrase):
                principal = try engine.signIn(name: name, passphrase: passphrase)
                return .signedIn(name: principal.name, role: principal.role, handover: (try? engine.handoverNotes(as: principal)) ?? [])
            }
        } catch {
            return .refused("\(error)")
        }
    }
}
