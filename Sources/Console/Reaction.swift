import Engine
import VigiaCore

/// What the loop must do after the reducer ran, in the htop/Elm manner: a
/// set of reactions and at most one command. The reducer decides; the loop
/// (`ConsoleSession`, `ConsoleApp`) only carries it out and hands the
/// command's result back to `Reducer.result`.
public struct Reaction: Sendable, Equatable {
    public struct Effects: OptionSet, Sendable, Hashable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        /// The screen changed (the state did).
        public static let redraw = Effects(rawValue: 1)
        /// Build the situation again now (a review view opened, a command went through, a sign-in).
        public static let rebuild = Effects(rawValue: 2)
        /// The forecast's horizon or model changed.
        public static let reloadForecast = Effects(rawValue: 4)
        public static let quit = Effects(rawValue: 8)
        /// Move a stored replay's clock back or on by `Reducer.seekSeconds`.
        public static let seekBack = Effects(rawValue: 16)
        public static let seekForward = Effects(rawValue: 32)
    }

    public var effects: Effects
    public var command: EngineCommand?

    public init(_ effects: Effects = [], command: EngineCommand? = nil) {
        self.effects = effects
        self.command = command
    }

    public static let none = Reaction()
    public static let rebuild = Reaction(.rebuild)
    public static let reloadForecast = Reaction(.reloadForecast)
    public static let quit = Reaction(.quit)
    public static func run(_ command: EngineCommand) -> Reaction { Reaction(command: command) }
}

/// How a command the reducer asked for went, or something the loop learnt
/// on its own (a followed feed stopped, a theme loaded). It goes back to
/// `Reducer.result`, the only writer of the message line besides the keys.
public enum CommandResult: Sendable, Equatable {
    case performed(Command, CommandOutcome)
    /// Signed in; `handover` holds the notes the last shift left (shown at once when there are any).
    case signedIn(name: String, role: Role, handover: [HandoverNote] = [])
    /// The engine (or the store) said no; the text says why.
    case refused(String)
    /// A view at a past time: nothing is changed from it.
    case readOnly
    case themeLoaded(name: String, problem: String?)
    /// Why a followed feed stopped; said unless another message is showing.
    case feedStopped(String)
}

extension Reducer {
    /// Takes a command's result (or the loop's news) into the state: the
    /// message line, and what `u` would undo.
    public static func result(_ state: inout UIState, _ result: CommandResult) -> Reaction {
        let l = state.language
        switch result {
        case .performed(let c, let outcome):
            state.message = report(c, outcome, l)
            // What `u` would undo: the last undoable alert action. A tick or a note leaves it as it was;
            // face and flag decisions are not alert actions and leave it too.
            switch c {
            case .alert(_, .tickStep), .alert(_, .note), .decideHit, .dispatchHit, .reviewFlag, .handover: break
            case .alert(let id, _) where c.undoable: state.lastActedAlert = id
            case .alert, .undo, .closeAll: state.lastActedAlert = nil
            }
            return Reaction([.redraw, .rebuild])
        case .signedIn(let name, let role, let notes):
            state.message = "\(Strings.text("msg.signedin", l)): \(name) (\(Strings.text("role." + role.rawValue, l)))"
            // The last shift's handover notes come first: nobody starts a shift without seeing them.
            if !notes.isEmpty { state.overlay = .handover(notes); state.helpScroll = 0 }
            return Reaction([.redraw, .rebuild])
        case .refused(let why):
            state.message = "\(Strings.text("msg.refused", l)): \(why)"
        case .readOnly:
            state.message = Strings.text("msg.readonly", l)
        case .themeLoaded(let name, let problem):
            state.message = problem ?? "theme \(name)"
        case .feedStopped(let why):
            guard state.message == nil else { return .none }
            state.message = "\(Strings.text("msg.feedstopped", l)): \(why)"
        }
        return Reaction(.redraw)
    }

    /// The message line's text, taken off it: plain mode prints it as a line instead.
    static func takeMessage(_ state: inout UIState) -> String? {
        defer { state.message = nil }
        return state.message
    }

    /// The message line after a command that went through.
    static func report(_ command: Command, _ outcome: CommandOutcome, _ l: Language) -> String {
        switch (command, outcome) {
        case (.alert(let id, .note), _): return "#\(id): \(Strings.text("msg.noted", l))"
        case (.handover, _): return Strings.text("msg.handedover", l)
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
