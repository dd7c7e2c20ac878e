import ArgumentParser
import Engine
import Foundation

struct AlertsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alerts", abstract: "The camera alert queue and its life cycle: acknowledge, dispatch, close, hold, snooze, forward.",
        subcommands: [List.self, Show.self, Act.self, Close.self, CloseAll.self, Snooze.self, Forward.self, Step.self, Note.self, Undo.self], defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Open alerts by priority (escalated first), then age.")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var signIn: SignInOptions
        @Option(help: "Show the queue as it stood at this time: alerts raised by then, in their state then (default: now).") var at: String?
        @Option(help: "At most this many.") var limit: Int = 30
        @Option(help: "text or json") var format: OutputFormat = .text
        func run() throws {
            let engine = try database.openEngine()
            let now = try at.map { try TimeParser.instant($0, in: engine.timeZone) }
            let q = try engine.alertQueue(at: now, asOf: now != nil, as: try signIn.reader(engine, purpose: "reading the alert queue"))
            if format == .json { print(try Output.json(q)); return }
            let counts = q.countsByState.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
            print("alerts: \(counts.isEmpty ? "none" : counts)")
            let f = TimestampFormatter(timeZone: engine.timeZone)
            for item in q.items.prefix(limit) {
                let a = item.stored.alert
                print(String(format: "%5lld  P%d%@  %-12@  %@  %@", a.id, item.effectivePriority, item.escalated ? "↑" : " ",
                             a.state.rawValue, String(f.string(from: a.createdAt).dropFirst(11).prefix(8)), a.title))
            }
            let off = q.cameraHealth.filter { $0.value != "online" }.sorted { $0.key < $1.key }
            if !off.isEmpty { print("cameras: " + off.map { "\($0.key) \($0.value)" }.joined(separator: ", ")) }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "One alert: procedure, evidence and history.")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var signIn: SignInOptions
        @Argument(help: "Alert id.") var id: Int64
        func run() throws {
            let engine = try database.openEngine()
            let reader = try signIn.reader(engine, purpose: "reading an alert")
            guard let s = try engine.alert(id: id, as: reader) else { throw ValidationError("no alert \(id)") }
            let f = TimestampFormatter(timeZone: engine.timeZone)
            print("alert \(id): \(s.alert.title)\n  state \(s.alert.state.rawValue), priority \(s.alert.priority), rule \(s.alert.ruleID), raised \(f.string(from: s.alert.createdAt))")
            let steps = try engine.procedureSteps(alert: id, as: reader)
            print("  procedure:" + (steps.isEmpty ? " —" : ""))
            for step in steps {
                let done = step.tick.map { "[x] \($0.operatorName) \(f.string(from: $0.at))  " } ?? "[ ] "
                print("    \(step.number). \(done)\(step.text)")
            }
            if let ended = s.endedAt { print("  ended at the edge: \(f.string(from: ended))") }
            for n in try engine.alertNotes(alerts: [id], as: reader) {
                print("  note \(f.string(from: n.at)) by \(n.operatorName): \(TerminalSafe.line(n.text, limit: 2_048))")
            }
            print("  evidence: " + s.evidence.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " "))
            for t in try engine.alertHistory(id: id, as: reader) {
                print("  \(f.string(from: t.at))  \(t.from.rawValue) → \(t.to.rawValue)  by \(t.operatorName)\(t.note.map { ": \($0)" } ?? "")")
            }
        }
    }

    struct Act: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "act", abstract: "acknowledge, dispatch, hold or resume an alert.")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var signIn: SignInOptions
        @Argument(help: "acknowledge, dispatch, hold or resume") var action: String
        @Argument(help: "Alert id.") var id: Int64
        func run() throws {
            let command: AlertCommand
            switch action {
            case "acknowledge", "ack": command = .acknowledge
            case "dispatch": command = .dispatch
            case "hold": command = .hold
            case "resume": command = .resume
            default: throw ValidationError("action must be acknowledge, dispatch, hold or resume")
            }
            let engine = try database.openEngine()
            let s = try engine.perform(.alert(id, command), by: try signIn.signIn(engine, purpose: "acting on an alert")).storedAlert
            print("alert \(id) is now \(s?.alert.state.rawValue ?? "?")")
        }
    }

    struct Close: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Close an alert with its disposition.")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var signIn: SignInOptions
        @Argument(help: "Alert id.") var id: Int64
        @Option(help: "attended, false_alarm, duplicate or no_action") var disposition: String
        @Option(help: "An optional note.") var note: String?
        @Option(help: ArgumentHelp("Close although the rule's close condition does not hold yet (a supervisor), for this reason; audited as alert.close.override.",
                                   valueName: "reason")) var override: String?
        func run() throws {
            guard let d = Disposition(rawValue: disposition) else {
                throw ValidationError("--disposition takes \(Disposition.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let engine = try database.openEngine()
            let command: AlertCommand = override.map { .closeOverriding(d, note: note, reason: $0) } ?? .close(d, note: note)
            try engine.perform(.alert(id, command), by: try signIn.signIn(engine, purpose: "closing an alert"))
            print("alert \(id) closed: \(d.rawValue)" + (override == nil ? "" : " (override, audited)"))
        }
    }

    struct CloseAll: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "close-all",
            abstract: "Close every open alert that matches, with one disposition and one reason.",
            discussion: "At least one of --rule, --priority, --camera or --ids chooses the set, so nothing closes the whole queue by accident. Each alert is closed as one by one would be (its close condition too) and audited; one more record, alert.close.bulk, lists what closed and what was refused.")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var signIn: SignInOptions
        @Option(help: "attended, false_alarm, duplicate or no_action") var disposition: String
        @Option(help: "One reason for all of them.") var reason: String
        @Option(help: "Only alerts of this rule id.") var rule: String?
        @Option(help: "Only alerts of this priority (1–5, as raised).") var priority: Int?
        @Option(help: "Only alerts of this camera id.") var camera: String?
        @Option(help: "Only these alert ids, comma-separated.") var ids: String?
        @Option(help: "text or json") var format: OutputFormat = .text
        func run() throws {
            guard let d = Disposition(rawValue: disposition) else {
                throw ValidationError("--disposition takes \(Disposition.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            guard rule != nil || priority != nil || camera != nil || ids != nil else {
                throw ValidationError("choose the alerts with --rule, --priority, --camera or --ids")
            }
            let wanted = try ids.map { list in
                try Set(list.split(separator: ",").map { part -> Int64 in
                    guard let n = Int64(part.trimmingCharacters(in: .whitespaces)) else { throw ValidationError("--ids: '\(part)' is not an alert id") }
                    return n
                })
            }
            let engine = try database.openEngine()
            let who = try signIn.signIn(engine, purpose: "closing alerts")
            let chosen = try engine.alertQueue(as: who).items.map(\.stored).filter { s in
                (rule.map { s.alert.ruleID == $0 } ?? true) && (priority.map { s.alert.priority == $0 } ?? true)
                    && (camera.map { s.alert.cameraID == $0 } ?? true) && (wanted.map { $0.contains(s.alert.id) } ?? true)
            }.map(\.alert.id)
            guard !chosen.isEmpty else { print("no open alert matches"); return }
            guard let r = try engine.perform(.closeAll(chosen, d, reason: reason), by: who).bulkClose else { return }
            if format == .json { print(try Output.json(r)); return }
            print("closed \(r.closed.count) of \(chosen.count) alerts: \(d.rawValue)")
            for x in r.refused { print("  #\(x.alert) refused: \(x.reason)") }
        }
    }

    struct Snooze: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Put an alert aside; it returns to New after the time.")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var signIn: SignInOptions
        @Argument(help: "Alert id.") var id: Int64
        @Option(help: "Minutes, 1–1440.") var minutes: Int
        func run() throws {
            let engine = try database.openEngine()
            try engine.perform(.alert(id, .snooze(minutes: minutes)), by: try signIn.signIn(engine, purpose: "snoozing an alert"))
            print("alert \(id) snoozed for \(minutes) min")
        }
    }

    struct Forward: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Hand an alert to another operator with a message.")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var signIn: SignInOptions
        @Argument(help: "Alert id.") var id: Int64
        @Option(help: "The operator to forward to.") var to: String
        @Option(help: "What they need to know.") var message: String
        func run() throws {
            let engine = try database.openEngine()
            try engine.perform(.alert(id, .forward(to: to, message: message)), by: try signIn.signIn(engine, purpose: "forwarding an alert"))
            print("alert \(id) forwarded to \(to)")
        }
    }

    struct Step: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Tick off step N of an alert's procedure as done.",
            discussion: "The tick is stored with who and when, audited (alert.step), shown by `vigia alerts show` and counted in the shift summary. A step is ticked once; a closed alert's steps are final.")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var signIn: SignInOptions
        @Argument(help: "Alert id.") var id: Int64
        @Argument(help: "Step number, from 1.") var step: Int
        func run() throws {
            let engine = try database.openEngine()
            let who = try signIn.signIn(engine, purpose: "ticking a procedure step")
            try engine.perform(.alert(id, .tickStep(step)), by: who)
            let steps = try engine.procedureSteps(alert: id, as: who)
            print("alert \(id): step \(step) done (\(steps.filter { $0.tick != nil }.count) of \(steps.count))")
        }
    }

    struct Note: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a note to an alert (any state, closed ones too).",
            discussion: "Stored with who and when, audited (alert.note, with the text's SHA-256), shown by `vigia alerts show` and in the console's details. At most 2 KiB.")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var signIn: SignInOptions
        @Argument(help: "Alert id.") var id: Int64
        @Option(help: "The note.") var text: String
        func run() throws {
            let engine = try database.openEngine()
            try engine.perform(.alert(id, .note(text)), by: try signIn.signIn(engine, purpose: "adding a note"))
            print("alert \(id): note added")
        }
    }

    struct Undo: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Undo your own last acknowledge, close, snooze or forward of an alert, within 10 s.",
            discussion: "The undo is a transition of its own in the alert's history and the audit trail. Dispatch, and face or flag decisions, cannot be undone.")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var signIn: SignInOptions
        @Argument(help: "Alert id.") var id: Int64
        func run() throws {
            let engine = try database.openEngine()
            let s = try engine.perform(.undo(alert: id), by: try signIn.signIn(engine, purpose: "undoing an alert action")).storedAlert
            print("alert \(id) is \(s?.alert.state.rawValue ?? "?") again")
        }
    }
}
