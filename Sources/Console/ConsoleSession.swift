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
        Reducer.follow(&self.state, situation: situation)
    }

    var request: SituationSource.Request { Self.request(principal, state, replaySpeed) }

    static func request(_ principal: Principal, _ state: UIState, _ replaySpeed: Double?) -> SituationSource.Request {
        SituationSource.Request(principal: principal, horizonHours: state.horizonHours, model: state.model, replaySpeed: replaySpeed, review: state.review)
    }

    /// The screen as it stands.
    public func screen(_ size: TerminalSize) -> ScreenBuffer { render(situation, state, size) }

    /// One key. What the console itself must do (quit, change the theme) is
    /// returned; an engine command or a sign-in is run here, and the
    /// situation rebuilt after it.
    @discardableResult
    public func press(_ key: Key, size: TerminalSize) -> EngineCommand? {
        guard let command = Reducer.reduce(&state, key: key, situation: situation, size: size) else {
            Reducer.follow(&state, situation: situation)
            return nil
        }
        switch command {
        case .engine, .signIn: run(command)
        case .setTheme, .quit: return command
        case .reloadForecast, .refresh: break
        }
        poll(force: true)
        return nil
    }

    /// Rebuilds when anyone (this process or another) committed to the store
    /// since the last look, or when `force`. Returns the alerts that arrived,
    /// nil when nothing was rebuilt. The last of `feedProblems` (why a
    /// followed feed stopped) is said at any rebuild, however it was caused,
    /// unless another message is showing.
    @discardableResult
    public func poll(force: Bool = false, feedProblems: [String] = []) -> [Situation.AlertItem]? {
        let commit = engine.storeChangeCount()
        guard force || commit != lastCommit else { return nil }
        if let last = feedProblems.last, state.message == nil { state.message = "\(Strings.text("msg.feedstopped", state.language)): \(last)" }
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

    /// Shows a message on the message line (a stopped feed, a theme problem).
    public func say(_ message: String) { state.message = message }

    /// Alerts that arrived in any rebuild since the last call (for the bell), oldest first.
    public func takeArrivals() -> [Situation.AlertItem] {
        defer { arrivals = [] }
        return arrivals
    }

    /// Runs a command for the signed-in operator and says how it went.
    private func run(_ command: EngineCommand) {
        let l = state.language
        do {
            switch command {
            case .engine(let c):
                if readOnly { state.message = Strings.text("msg.readonly", l); return }
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
                if readOnly { state.message = Strings.text("msg.readonly", l); return }
                principal = try engine.signIn(name: name, passphrase: passphrase)
                state.message = "\(Strings.text("msg.signedin", l)): \(principal.name) (\(Strings.text("role." + principal.role.rawValue, l)))"
            case .setTheme, .reloadForecast, .refresh, .quit: return
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
