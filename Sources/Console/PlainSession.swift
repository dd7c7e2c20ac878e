import Engine
import Foundation
import VigiaCore

/// The console as lines of text (`--plain`, and `TERM=dumb`; issue 23): for a
/// screen reader, a braille display, a serial line or a log. Nothing is drawn
/// and nothing is redrawn: each new alert, candidate and flag is one line as
/// it arrives, actions are numbered choices, and the map is a ranked list of
/// cells with their barrio. Every action goes through the same engine
/// commands, role checks and audit as the full console; this only reads lines
/// and writes lines, so tests drive it with no terminal at all.
public final class PlainSession {
    let session: ConsoleSession
    /// What a numbered choice or a line of text answers, when one is asked.
    private var asking: Question?
    private var seenHits: Set<Int64>
    private var seenFlags: Set<Int64>
    private var endedSaid = false
    private var saidProblems: Set<String> = []
    private var bell = false

    enum Question: Equatable {
        case alertMenu(Int64), hitMenu(Int64), flagMenu(Int64)
        case disposition(Int64), snoozeMinutes(Int64), forwardTo(Int64), forwardMessage(Int64, to: String), note(Int64)
        case dispatchAlert(Int64), dispatchHit(Int64)
        case hitReason(Int64, confirm: Bool), flagReason(Int64, credible: Bool)
        case quit
    }

    public init(session: ConsoleSession) {
        self.session = session
        seenHits = Set(session.situation.hits.map(\.id))
        seenFlags = Set(session.situation.flags.map(\.id))
    }

    var l: Language { session.state.language }
    var s: Situation { session.situation }
    func t(_ key: String) -> String { Strings.text(key, l) }
    static let sep = " | "

    /// What is shown on start: who and when, the last shift's handover notes, what is open, and how to act.
    public func start() -> [String] {
        Self.safe(opening())
    }

    /// Every line made terminal-safe as a whole, whatever stored field it holds.
    static func safe(_ lines: [String]) -> [String] { lines.map { TerminalSafe.line($0, limit: 16_384) } }

    func opening() -> [String] {
        var out = [header()]
        if case .handover(let notes)? = session.state.overlay {
            out += handover(notes)
            session.state.overlay = nil
        }
        out += list()
        out.append(t("plain.hint"))
        return out
    }

    func header() -> String {
        let h = s.header
        var parts = ["\(t("title.app")) \(Draw.clock(h.now, h.timeZone)) \(t("title.shift")) \(t("shift." + h.shift))",
                     "\(h.operatorName) (\(t("role." + h.role.rawValue)))",
                     "\(t("title.unhandled")) \(s.unhandledAlerts)/\(s.pendingHits)/\(s.pendingFlags)",
                     t(h.auditIntact ? "title.audit.ok" : "title.audit.bad")]
        if let speed = h.replaySpeed { parts.append("\(t("title.replay")) x\(Int(speed))") }
        if session.readOnly { parts.append(t("title.readonly")) }
        return parts.joined(separator: Self.sep)
    }

    func handover(_ notes: [HandoverNote]) -> [String] {
        var out = [t("handover.plain")]
        for n in notes {
            out.append("  \(Draw.dayAndMinute(n.at, s.header.timeZone))\(Self.sep)\(TerminalSafe.line(n.operatorName, limit: 64))")
            out += n.text.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + TerminalSafe.line(String($0), limit: Engine.maximumHandoverBytes) }
        }
        return out
    }

    var showsHits: Bool { s.header.role.allows(.decideHits) }

    /// Every open item, one line each.
    func list() -> [String] {
        var out = ["\(t("pane.alerts")): \(s.alerts.count)"] + s.alerts.map(alertLine)
        if showsHits { out += ["\(t("pane.hits")): \(s.hits.count)"] + s.hits.map(hitLine) }
        out += ["\(t("pane.flags")): \(s.flags.count)"] + s.flags.map(flagLine)
        return out
    }

    func alertLine(_ a: Situation.AlertItem) -> String {
        let zone = s.header.timeZone
        return "  a\(a.id)\(Self.sep)P\(a.priority) \(a.escalated ? t("plain.escalated") + " " : "")\(t("alert." + a.state.rawValue))\(Self.sep)\(Draw.clock(a.createdAt, zone))"
            + "\(Self.sep)\(a.camera ?? "-")\(Self.sep)\(TerminalSafe.line(a.title, limit: 200))"
    }

    func hitLine(_ h: Situation.HitItem) -> String {
        let done = h.state == .confirmed ? 2 : h.confirmations
        let threshold = h.threshold.map { " (\(t("hit.threshold")) \(String(format: "%.3f", $0)))" } ?? ""
        return "  h\(h.id)\(Self.sep)\(TerminalSafe.line(h.candidate, limit: 80)) \(String(format: "%.3f", h.similarity))\(threshold)\(Self.sep)\(h.camera) "
            + "\(Draw.clock(h.time, s.header.timeZone))\(Self.sep)\(done)/2 \(t("hit." + h.state.rawValue))\(Self.sep)\(TerminalSafe.line(h.orderReference, limit: 80))"
            + "\(Self.sep)\(t("hit.candidate"))"
    }

    func flagLine(_ f: Situation.FlagItem) -> String {
        "  f\(f.id)\(Self.sep)\(t("flag." + f.category.rawValue)) \(String(format: "%.2f", f.score))\(Self.sep)\(Draw.clock(f.time, s.header.timeZone))"
            + "\(Self.sep)\(f.district ?? "-")\(Self.sep)\"\(f.phrases.map { TerminalSafe.line($0, limit: 80) }.joined(separator: "\", \""))\""
            + "\(Self.sep)\(TerminalSafe.line(f.text, limit: 300))"
    }

    /// After a rebuild: one line for each alert, candidate and flag that arrived
    /// (oldest first; alerts found by a rebuild after an action too), each
    /// stopped feed once, and the replay's end.
    public func poll(force: Bool = false, feedProblems: [String] = []) -> [String] {
        Self.safe(news(force: force, feedProblems: feedProblems))
    }

    func news(force: Bool, feedProblems: [String]) -> [String] {
        var out = feedProblems.filter { !saidProblems.contains($0) }.map { "\(t("msg.feedstopped")): \($0)" }
        saidProblems.formUnion(feedProblems)
        session.poll(force: force)
        let fresh = session.takeArrivals()
        if fresh.contains(where: { $0.priority == 1 }) { bell = true }
        out += fresh.sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }.map { "\(t("plain.new.alert"))\(alertLine($0))" }
        if showsHits {
            let hits = s.hits.filter { !seenHits.contains($0.id) }
            out += hits.map { "\(t("plain.new.hit"))\(hitLine($0))" }
        }
        seenHits.formUnion(s.hits.map(\.id))
        out += s.flags.filter { !seenFlags.contains($0.id) }.map { "\(t("plain.new.flag"))\(flagLine($0))" }
        seenFlags.formUnion(s.flags.map(\.id))
        if let message = Reducer.takeMessage(&session.state) { out.append(message) }
        if s.header.replayEnded, !endedSaid { endedSaid = true; out.append(t("title.ended")) }
        return out
    }

    /// Whether a new priority-1 alert arrived since the last call (the bell's cue).
    public func takeBell() -> Bool {
        defer { bell = false }
        return bell
    }

    /// Whether a question is waiting for its answer.
    public var isAsking: Bool { asking != nil }

    /// One line typed by the operator. `quit` is true when the console should end.
    public func enter(_ raw: String) -> (lines: [String], quit: Bool) {
        let (lines, quit) = reply(raw)
        return (Self.safe(lines), quit)
    }

    func reply(_ raw: String) -> (lines: [String], quit: Bool) {
        let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if let q = asking {
            asking = nil
            return answer(q, line)
        }
        let words = line.split(separator: " ").map(String.init)
        guard let first = words.first?.lowercased() else { return ([], false) }
        switch first {
        case "list", "l", "lista": return ([header()] + list(), false)
        case "map", "m", "mapa": return (Self.map(s, l), false)
        case "help", "h", "?", "ayuda": return ([t("plain.help")], false)
        case "quit", "q", "salir":
            let unhandled = s.unhandledAlerts + s.pendingHits + s.pendingFlags
            if unhandled == 0 { return ([], true) }
            asking = .quit
            return (["\(t("prompt.quit")) \(t("plain.choose.quit"))"], false)
        case "login", "entrar": return ([t("plain.nologin")], false)
        case "lang" where words.count == 2:
            if let lang = Language(rawValue: words[1]) { session.state.language = lang }
            return ([header()], false)
        case "handover", "relevo":
            let text = line.drop(while: { !$0.isWhitespace }).trimmingCharacters(in: .whitespaces)
            if text.isEmpty { return ([t("handover.usage")], false) }
            return ([perform(.engine(.handover(text)))], false)
        default: break
        }
        if let (kind, id) = Self.item(first) { return (pick(kind, id), false) }
        return (["\(t("msg.unknown")): \(TerminalSafe.line(line, limit: 80)). \(t("plain.help"))"], false)
    }

    /// `a41`, `h7`, `f3`, or a bare number for an alert.
    static func item(_ word: String) -> (Character, Int64)? {
        if let n = Int64(word) { return ("a", n) }
        guard let kind = word.first, "ahf".contains(kind), let n = Int64(word.dropFirst()) else { return nil }
        return (kind, n)
    }

    func pick(_ kind: Character, _ id: Int64) -> [String] {
        switch kind {
        case "a":
            guard let a = s.alerts.first(where: { $0.id == id }) else { return ["\(t("plain.noitem")) a\(id)"] }
            asking = .alertMenu(id)
            var out = [alertLine(a)]
            out += a.steps.enumerated().map { "    \($0.offset + 1). [\($0.element.done == nil ? " " : "x")] \($0.element.text)\($0.element.done.map { " (\($0))" } ?? "")" }
            out += a.notes.map { "    \(t("details.notes")): \(TerminalSafe.line($0, limit: 300))" }
            out.append(t("plain.menu.alert"))
            return out
        case "h":
            guard showsHits, let h = s.hits.first(where: { $0.id == id }) else { return ["\(t("plain.noitem")) h\(id)"] }
            asking = .hitMenu(id)
            return [hitLine(h), t("plain.menu.hit")]
        default:
            guard let f = s.flags.first(where: { $0.id == id }) else { return ["\(t("plain.noitem")) f\(id)"] }
            asking = .flagMenu(id)
            return [flagLine(f), t("plain.menu.flag")]
        }
    }

    /// The answer to what was asked. `0`, an empty line or anything not offered goes back, doing nothing.
    func answer(_ q: Question, _ line: String) -> (lines: [String], quit: Bool) {
        let back = ([t("plain.back")], false)
        switch q {
        case .quit: return line == "1" ? ([], true) : back
        case .alertMenu(let id):
            switch line {
            case "1": return ([perform(.alert(id, .acknowledge))], false)
            case "2": asking = .dispatchAlert(id); return (["\(t("prompt.dispatch")) a\(id)? \(t("plain.choose.yes"))"], false)
            case "3": asking = .disposition(id); return (["a\(id) \(t("plain.choose.disposition"))"], false)
            case "4": asking = .snoozeMinutes(id); return (["a\(id) \(t("prompt.minutes")) (1-1440):"], false)
            case "5": asking = .forwardTo(id); return (["a\(id) \(t("prompt.forward")):"], false)
            case "6": asking = .note(id); return (["a\(id) \(t("plain.note")):"], false)
            case "7":
                guard let step = s.alerts.first(where: { $0.id == id })?.nextStep else { return ([t("steps.none")], false) }
                return ([perform(.alert(id, .tickStep(step)))], false)
            case "8": return ([perform(.undoAlert(id))], false)
            default: return back
            }
        case .hitMenu(let id):
            switch line {
            case "1": asking = .hitReason(id, confirm: true); return (["h\(id) \(t("key.hits.confirm")). \(t("prompt.reason")):"], false)
            case "2": asking = .hitReason(id, confirm: false); return (["h\(id) \(t("key.hits.reject")). \(t("prompt.reason")):"], false)
            case "3": asking = .dispatchHit(id); return (["\(t("prompt.dispatchhit")) h\(id)? \(t("plain.choose.yes"))"], false)
            default: return back
            }
        case .flagMenu(let id):
            switch line {
            case "1": asking = .flagReason(id, credible: true); return (["f\(id) \(t("key.flags.confirm")). \(t("prompt.reason")):"], false)
            case "2": asking = .flagReason(id, credible: false); return (["f\(id) \(t("key.flags.reject")). \(t("prompt.reason")):"], false)
            default: return back
            }
        case .dispatchAlert(let id): return line == "1" ? ([perform(.alert(id, .dispatch))], false) : back
        case .dispatchHit(let id): return line == "1" ? ([perform(.dispatchHit(id))], false) : back
        case .disposition(let id):
            guard line.count == 1, let d = Reducer.dispositionChoices[line.first!] else { return back }
            return ([perform(.alert(id, .close(d, note: nil)))], false)
        case .snoozeMinutes(let id):
            // A wrong number asks again (so the next line is not taken for a command).
            guard let m = Int(line), Engine.snoozeMinutes.contains(m) else {
                guard !line.isEmpty, line != "0" else { return back }
                asking = q
                return (["a\(id) \(t("prompt.minutes")) (1-1440, 0 \(t("plain.backword"))):"], false)
            }
            return ([perform(.alert(id, .snooze(minutes: m)))], false)
        case .forwardTo(let id):
            guard !line.isEmpty else { return back }
            asking = .forwardMessage(id, to: line)
            return (["a\(id) \(t("prompt.message")) (\(TerminalSafe.line(line, limit: 64))):"], false)
        case .forwardMessage(let id, let to):
            guard !line.isEmpty else { return ([t("prompt.needmessage")], false) }
            return ([perform(.alert(id, .forward(to: to, message: line)))], false)
        case .note(let id):
            guard !line.isEmpty else { return back }
            return ([perform(.alert(id, .note(line)))], false)
        case .hitReason(let id, let confirm): return ([perform(.decideHit(id, confirm: confirm, reason: line))], false)
        case .flagReason(let id, let credible): return ([perform(.reviewFlag(id, credible: credible, reason: line))], false)
        }
    }

    /// Runs a command through the session (the engine checks the role) and says how it went.
    func perform(_ command: EngineCommand) -> String {
        guard let (result, said) = session.execute(command) else { return t("msg.done") }
        // What went through and can be undone says how: here undo is a numbered choice, not the `u` key.
        if case .performed(let c, _) = result, c.undoable { return t("plain.undohint") }
        return said ?? t("msg.done")
    }

    /// The map as a list: the forecast line, then the city's top cells by expected incidents, with their barrio and class.
    static func map(_ s: Situation, _ l: Language, top: Int = 10) -> [String] {
        guard let r = s.risk else { return [Strings.text("map.none", l)] }
        var out = [MapView.forecastLine(r, l, separator: sep, dash: "-")]
        let ranked = RiskClass.ranked(r.expected)
        for (rank, cell) in ranked.prefix(top).enumerated() {
            let d = s.districts?.district(containing: r.grid.centre(of: cell))
            let place = d.map { TerminalSafe.line($0.name, limit: 60) + ($0.parent.map { " (\(TerminalSafe.line($0, limit: 20)))" } ?? "") } ?? Strings.text("map.outside", l)
            let level = cell < r.classes.count ? Int(r.classes[cell]) : 0
            let recent = cell < r.recent.count ? r.recent[cell] : 0
            out.append("  \(rank + 1). \(place)\(sep)\(MapView.className(level, l))\(sep)\(Strings.text("map.expected", l)) \(String(format: "%.2f", r.expected[cell]))"
                       + "\(sep)\(Strings.text("map.recent", l)): \(recent)")
        }
        if ranked.isEmpty { out.append("  -") }
        return out
    }
}
