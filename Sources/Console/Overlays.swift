import Engine
import Foundation
import VigiaCore

/// Help, details, prompts and the tour's caption, drawn over the panes.
enum Overlays {
    static func draw(_ b: inout ScreenBuffer, _ s: Situation, _ state: UIState, _ layout: Layout) {
        let l = state.language
        if let step = state.tourStep, state.tour.indices.contains(step) {
            let t = state.tour[step]
            let text = l == .spanish ? t.spanish : t.english
            window(&b, title: "\(Strings.text("tour.title", l)) \(step + 1)/\(state.tour.count)",
                   lines: wrap(text, width: min(70, b.size.columns - 6)) + ["", Strings.text("tour.next", l)], glyphs: state.glyphs, bottom: true)
        }
        switch state.overlay {
        case .help?: help(&b, s, state)
        case .details?: details(&b, s, state)
        case .prompt(let p)?: prompt(&b, p, state, layout)
        case .handover(let notes)?: handover(&b, notes, state, zone: s.header.timeZone)
        case nil: break
        }
    }

    /// A framed window centred on the screen (or near the bottom).
    static func window(_ b: inout ScreenBuffer, title: String, lines: [String], glyphs: GlyphSet, bottom: Bool = false) {
        let width = min(b.size.columns - 2, max(Draw.width(title) + 6, (lines.map(Draw.width).max() ?? 0) + 4))
        let height = min(b.size.rows - 2, lines.count + 2)
        let top = bottom ? b.size.rows - height - 3 : (b.size.rows - height) / 2
        let r = Rect(row: max(1, top), column: (b.size.columns - width) / 2, rows: height, columns: width)
        for row in r.row..<(r.row + r.rows) { b.put(String(repeating: " ", count: r.columns), row: row, column: r.column, role: .help) }
        Draw.box(&b, r, title: title, focused: true, glyphs: glyphs)
        for (i, line) in lines.prefix(height - 2).enumerated() {
            b.put(Draw.clip(line, width - 4, glyphs), row: r.row + 1 + i, column: r.column + 2, role: .help)
        }
    }

    /// Words to lines of at most `width` cells; a word wider than a line is broken, so nothing is cut off.
    static func wrap(_ text: String, width: Int) -> [String] {
        let width = max(1, width)
        var lines: [String] = [], current = ""
        for word in text.split(separator: " ") {
            var word = String(word)
            if Draw.width(current) + Draw.width(word) + 1 > width, !current.isEmpty { lines.append(current); current = "" }
            while Draw.width(word) > width {
                var head = ""
                for c in word {
                    guard Draw.width(head + String(c)) <= width else { break }
                    head.append(c)
                }
                if head.isEmpty { head = String(word.first!) }
                lines.append(head)
                word.removeFirst(head.count)
            }
            current += (current.isEmpty ? "" : " ") + word
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    /// The help's lines, one binding each, grouped by pane.
    static func helpLines(_ s: Situation, _ state: UIState) -> [String] {
        let l = state.language
        var lines: [String] = []
        for context in [nil] + Pane.allCases.map(Optional.some) {
            let group = KeyRegistry.bindings.filter { $0.context == context }
            guard !group.isEmpty else { continue }
            lines.append(context.map { Strings.text("pane." + $0.rawValue, l) } ?? Strings.text("help.everywhere", l))
            for k in group {
                let allowed = k.allowed(for: s.header.role)
                lines.append("  \(k.keyLabel.padding(toLength: 12, withPad: " ", startingAt: 0)) \(k.description(l))\(k.dangerous ? " (\(Strings.text("help.dangerous", l)))" : "")\(allowed ? "" : " ✗")")
            }
        }
        return lines
    }

    /// Rows of help text a screen of `size` shows at once.
    static func helpRoom(_ size: TerminalSize) -> Int { max(1, size.rows - 4) }

    /// How far the help can scroll at `size` (0: it all fits, in one or two columns).
    static func helpMaxScroll(_ s: Situation, _ state: UIState, _ size: TerminalSize) -> Int {
        let lines = helpLines(s, state), room = helpRoom(size)
        return twoColumns(lines, size) != nil ? 0 : maxScroll(lines.count, room: room)
    }

    /// The help in two columns, when both fit the screen whole.
    static func twoColumns(_ lines: [String], _ size: TerminalSize) -> [String]? {
        let half = (lines.count + 1) / 2
        let width = (lines.map(Draw.width).max() ?? 0) + 2
        guard half <= helpRoom(size), width * 2 + 4 <= size.columns - 2 else { return nil }
        let left = Array(lines[..<half]), right = Array(lines[half...])
        return left.enumerated().map { i, line in
            line.padding(toLength: width, withPad: " ", startingAt: 0) + (i < right.count ? right[i] : "")
        }
    }

    /// Generated from the key registry, like the hint bar and the README table.
    /// One column when it fits; else two columns when both fit; else one
    /// column that scrolls (↑↓ PgUp PgDn), never a column cut off.
    static func help(_ b: inout ScreenBuffer, _ s: Situation, _ state: UIState) {
        let l = state.language
        var lines = helpLines(s, state)
        let room = helpRoom(b.size)
        if lines.count > room {
            if let two = twoColumns(lines, b.size) {
                lines = two
            } else {
                lines = scrolled(lines, room: room, top: state.helpScroll, l)
            }
        }
        window(&b, title: Strings.text("help.title", l), lines: lines, glyphs: state.glyphs)
    }

    /// How far `count` lines scroll in `room` rows (one of them the footer); 0 when they fit.
    static func maxScroll(_ count: Int, room: Int) -> Int { count <= room ? 0 : count - (room - 1) }

    /// The `room - 1` lines from `top` on, and a footer that says where they are;
    /// padded to the widest line, so the window keeps its width as it scrolls.
    static func scrolled(_ lines: [String], room: Int, top: Int, _ l: Language) -> [String] {
        let shown = max(1, room - 1)
        let top = max(0, min(top, lines.count - shown))
        let widest = lines.map(Draw.width).max() ?? 0
        var footer = "\(Strings.text("help.scroll", l)) · \(top + 1)–\(top + shown) / \(lines.count)"
        footer += String(repeating: " ", count: max(0, widest - Draw.width(footer)))
        return Array(lines[top..<(top + shown)]) + [footer]
    }

    /// The handover notes' lines: who and when, then the text wrapped, a blank line between notes.
    static func handoverLines(_ notes: [HandoverNote], _ state: UIState, _ size: TerminalSize, zone: TimeZone) -> [String] {
        let width = max(20, min(76, size.columns - 6))
        var lines: [String] = []
        for note in notes {
            if !lines.isEmpty { lines.append("") }
            lines.append("\(Draw.dayAndMinute(note.at, zone))\(state.glyphs.separator)\(TerminalSafe.line(note.operatorName, limit: 64))")
            for paragraph in note.text.split(separator: "\n", omittingEmptySubsequences: false) {
                let wrapped = wrap(TerminalSafe.line(String(paragraph), limit: Engine.maximumHandoverBytes), width: width - 2)
                // A blank line of the note stays a blank line.
                lines += wrapped.isEmpty ? [""] : wrapped.map { "  " + $0 }
            }
        }
        return lines
    }

    static func handoverMaxScroll(_ notes: [HandoverNote], _ state: UIState, _ size: TerminalSize, zone: TimeZone) -> Int {
        maxScroll(handoverLines(notes, state, size, zone: zone).count, room: helpRoom(size))
    }

    static func handover(_ b: inout ScreenBuffer, _ notes: [HandoverNote], _ state: UIState, zone: TimeZone) {
        var lines = handoverLines(notes, state, b.size, zone: zone)
        let room = helpRoom(b.size)
        if lines.count > room { lines = scrolled(lines, room: room, top: state.helpScroll, state.language) }
        window(&b, title: Strings.text("handover.title", state.language), lines: lines, glyphs: state.glyphs)
    }

    /// The procedure as numbered steps, each ticked (with who and when) or not; `x` ticks the next.
    static func procedureLines(_ a: Situation.AlertItem, width: Int, glyphs: GlyphSet) -> [String] {
        guard !a.steps.isEmpty else { return ["  —"] }
        var lines: [String] = []
        for (i, step) in a.steps.enumerated() {
            let box = step.done == nil ? glyphs.stepOpen : glyphs.stepDone
            let head = "  \(i + 1). \(box) "
            let text = step.text + (step.done.map { " (\($0))" } ?? "")
            let wrapped = wrap(text, width: max(10, width - Draw.width(head)))
            lines += wrapped.enumerated().map { ($0.offset == 0 ? head : String(repeating: " ", count: Draw.width(head))) + $0.element }
        }
        return lines
    }

    static func details(_ b: inout ScreenBuffer, _ s: Situation, _ state: UIState) {
        let l = state.language, zone = s.header.timeZone, width = min(90, b.size.columns - 8)
        var lines: [String] = [], title = ""
        switch state.focus {
        case .alerts:
            let items = PaneItems.alerts(s, state)
            guard items.indices.contains(state.selected(.alerts)) else { return }
            let a = items[state.selected(.alerts)]
            title = "#\(a.id) \(a.title)"
            lines = ["P\(a.priority) \(Strings.text("alert." + a.state.rawValue, l))\(state.glyphs.separator)\(a.rule)\(state.glyphs.separator)\(a.camera ?? "—")\(state.glyphs.separator)\(Draw.clock(a.createdAt, zone))", "",
                     Strings.text("details.procedure", l) + ":"] + procedureLines(a, width: width, glyphs: state.glyphs)
                + (a.endedAt.map { ["", "\(Strings.text("details.ended", l)): \(Draw.clock($0, zone))"] } ?? [])
                + (a.notes.isEmpty ? [] : ["", Strings.text("details.notes", l) + ":"] + a.notes.flatMap { wrap($0, width: width - 2).map { "  " + $0 } })
                + ["", Strings.text("details.evidence", l) + ":"]
                + a.evidence.sorted { $0.key < $1.key }.map { "  \($0.key): \(TerminalSafe.line($0.value, limit: 120))" }
                + ["", Strings.text("details.history", l) + ":"] + (a.history.isEmpty ? ["  —"] : a.history.map { "  " + $0 })
        case .hits:
            let items = PaneItems.hits(s, state)
            guard items.indices.contains(state.selected(.hits)) else { return }
            let h = items[state.selected(.hits)]
            title = "#\(h.id) \(h.candidate)"
            let margin = h.threshold.map { t in
                " · \(Strings.text("hit.threshold", l)) \(String(format: "%.3f", t)) (\(String(format: "%+.3f", h.similarity - t)))"
            } ?? ""
            let place = h.cameraName.map { " \(TerminalSafe.line($0, limit: 60))" } ?? ""
            lines = [Strings.text("hit.candidate", l), "",
                     "similarity \(String(format: "%.3f", h.similarity))\(margin) · \(Strings.text("hit.rank", l)) \(h.rank)",
                     "\(h.orderReference)\(state.glyphs.separator)\(h.court)",
                     "\(h.camera)\(place)\(state.glyphs.separator)\(Draw.clock(h.time, zone))", "\(h.state == .confirmed ? 2 : h.confirmations)/2 \(Strings.text("hit." + h.state.rawValue, l))"]
        case .flags:
            let items = PaneItems.flags(s, state)
            guard items.indices.contains(state.selected(.flags)) else { return }
            let f = items[state.selected(.flags)]
            title = "#\(f.id) \(Strings.text("flag." + f.category.rawValue, l))"
            lines = ["\(String(format: "%.2f", f.score))\(state.glyphs.separator)\(Draw.clock(f.time, zone))\(state.glyphs.separator)\(f.district ?? "—")",
                     "«\(f.phrases.joined(separator: "» «"))»", ""] + wrap(TerminalSafe.line(f.text, limit: 2000), width: width)
        case .cameras:
            let items = PaneItems.cameras(s, state)
            guard items.indices.contains(state.selected(.cameras)) else { return }
            let c = items[state.selected(.cameras)]
            title = "\(c.id) \(c.name)"
            lines = CameraPane.details(c, s, state)
        case .map: return
        }
        window(&b, title: TerminalSafe.line(title, limit: 60), lines: lines, glyphs: state.glyphs)
    }

    static func prompt(_ b: inout ScreenBuffer, _ p: Prompt, _ state: UIState, _ layout: Layout) {
        let l = state.language
        let label: String
        var shown = p.text
        switch p.purpose {
        case .hitReason(let id, let confirm): label = "#\(id) \(confirm ? "y" : "n") · \(Strings.text("prompt.reason", l))"
        case .flagReason(let id, let credible): label = "#\(id) \(credible ? "y" : "n") · \(Strings.text("prompt.reason", l))"
        case .snoozeMinutes: label = Strings.text("prompt.minutes", l)
        case .forwardTo: label = Strings.text("prompt.forward", l)
        case .forwardMessage(let id, let to): label = "#\(id) → \(TerminalSafe.line(to, limit: 40)) · \(Strings.text("prompt.message", l))"
        case .note(let id): label = "#\(id) \(Strings.text("prompt.note", l))"
        case .bulkDisposition(let ids, let unfiltered):
            label = "\(Strings.text("prompt.bulk", l)) \(ids.count) \(Strings.text(unfiltered ? "prompt.bulkall" : "prompt.bulkalerts", l))"; shown = ""
        case .bulkReason(let ids, let d): label = "\(ids.count) → \(d.rawValue) · \(Strings.text("prompt.bulkreason", l))"
        case .disposition: label = Strings.text("prompt.disposition", l); shown = ""
        case .quit: label = Strings.text("prompt.quit", l); shown = ""
        case .dispatchAlert(let id, let title):
            label = "\(Strings.text("prompt.dispatch", l)) #\(id) (\(TerminalSafe.line(title, limit: 50)))? \(Strings.text("prompt.yesno", l))"; shown = ""
        case .dispatchHit(let id): label = "\(Strings.text("prompt.dispatchhit", l)) #\(id)? \(Strings.text("prompt.yesno", l))"; shown = ""
        case .command: label = ":"
        case .filter: label = "/"
        case .passphrase(let name): label = "\(Strings.text("prompt.passphrase", l)) \(name)"; shown = String(repeating: "*", count: p.text.count)
        }
        let row = layout.messageRow
        b.put(String(repeating: " ", count: b.size.columns), row: row, column: 0, role: .prompt)
        let choices = p.choices.isEmpty ? "" : "   " + p.choices.map { TerminalSafe.line($0, limit: 40) }.joined(separator: "  ")
        b.put(Draw.clip("\(label)\(label == ":" || label == "/" ? "" : ": ")\(shown)_\(choices)", b.size.columns - 2, state.glyphs), row: row, column: 1, role: .prompt)
    }
}
