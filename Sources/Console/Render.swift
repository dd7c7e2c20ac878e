import Engine
import Foundation
import VigiaCore

/// The console's one drawing function: a pure map from the situation, the UI
/// state and the size to a screen buffer. The ncurses backend only copies it out.
public func render(_ situation: Situation, _ state: UIState, _ size: TerminalSize) -> ScreenBuffer {
    guard size.columns >= minimumTerminalSize.columns, size.rows >= minimumTerminalSize.rows else {
        return renderTooSmall(size: size, language: state.language)
    }
    var b = ScreenBuffer(size: size)
    let layout = Layout(size: size, focus: state.focus)
    TitleBar.draw(&b, situation, state)
    if state.review != nil {
        // A review view covers every pane, below the title bar and above the message and hint rows.
        ReviewView.draw(&b, Rect(row: 1, column: 0, rows: layout.messageRow - 1, columns: size.columns), situation, state)
    } else {
        if let row = layout.tabRow { TitleBar.drawTabs(&b, row: row, situation, state) }
        drawPanes(&b, layout, situation, state)
    }
    if let message = state.message { b.put(message, row: layout.messageRow, column: 1, role: .warning) }
    else if let banner = state.banner {
        // The title gives way first, so the keys that answer it always show.
        let head = "\(state.glyphs.alertMarker) P1 #\(banner.alertID) ", tail = state.glyphs.separator + Strings.text("banner.hint", state.language)
        let room = size.columns - 2 - Draw.width(head) - Draw.width(tail)
        let text = head + Draw.clip(TerminalSafe.line(banner.title, limit: 200), max(1, room), state.glyphs) + tail
        b.put(Draw.clip(text, size.columns - 2, state.glyphs), row: layout.messageRow, column: 1, role: .error)
    }
    else if !state.filter.isEmpty { b.put("/\(state.filter)", row: layout.messageRow, column: 1, role: .hint) }
    HintBar.draw(&b, row: layout.hintRow, situation, state)
    Overlays.draw(&b, situation, state, layout)
    return b
}

private func drawPanes(_ b: inout ScreenBuffer, _ layout: Layout, _ situation: Situation, _ state: UIState) {
    for (pane, rect) in layout.panes.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
        let focused = pane == state.focus
        switch pane {
        case .map: MapView.draw(&b, rect, situation, state, focused: focused)
        case .alerts: ListPanes.alerts(&b, rect, situation, state, focused: focused)
        case .hits: ListPanes.hits(&b, rect, situation, state, focused: focused)
        case .flags: ListPanes.flags(&b, rect, situation, state, focused: focused)
        case .cameras: CameraPane.draw(&b, rect, situation, state, focused: focused)
        }
    }
}

/// Helpers every pane uses.
enum Draw {
    static func box(_ b: inout ScreenBuffer, _ r: Rect, title: String, focused: Bool, glyphs: GlyphSet) {
        guard r.rows >= 2, r.columns >= 2 else { return }
        let (tl, tr, bl, br, h, v) = glyphs.box
        let role: StyleRole = focused ? .paneFocus : .border
        b.put(tl + String(repeating: h, count: r.columns - 2) + tr, row: r.row, column: r.column, role: .border)
        for row in (r.row + 1)..<(r.row + r.rows - 1) {
            b.put(v, row: row, column: r.column, role: .border)
            b.put(v, row: row, column: r.column + r.columns - 1, role: .border)
        }
        b.put(bl + String(repeating: h, count: r.columns - 2) + br, row: r.row + r.rows - 1, column: r.column, role: .border)
        // The focused pane says so in words too, not only in colour.
        let marker = focused ? glyphs.focusMarker : ""
        b.put(" \(marker)\(title) ", row: r.row, column: r.column + 2, role: role)
    }

    /// Terminal cells `text` takes.
    static func width(_ text: String) -> Int { text.reduce(0) { $0 + ScreenBuffer.measure($1).1 } }

    /// `text` cut to `width` cells with an ellipsis.
    static func clip(_ text: String, _ width: Int, _ glyphs: GlyphSet) -> String {
        guard width > 0 else { return "" }
        if Self.width(text) <= width { return text }
        var out = ""
        var used = 0
        for ch in text {
            let w = ScreenBuffer.measure(ch).1
            if used + w > width - 1 { break }
            out.append(ch)
            used += w
        }
        return out + glyphs.ellipsis
    }

    /// Day and minute, "2018-11-15 21:40" (a handover note's time: it may be from yesterday).
    static func dayAndMinute(_ date: Date, _ zone: TimeZone) -> String {
        TimestampFormatter(timeZone: zone).string(from: date).prefix(16).replacingOccurrences(of: "T", with: " ")
    }

    static func clock(_ date: Date, _ zone: TimeZone) -> String {
        let s = TimestampFormatter(timeZone: zone).string(from: date)
        return String(s.dropFirst(11).prefix(8))
    }

    static func age(_ seconds: Double) -> String {
        // A hand-edited or corrupt time must not trap the conversion: clamp to ~31,700 years.
        let s = seconds.isFinite ? Int(min(max(seconds, 0), 1e12)) : 0
        if s < 60 { return "\(s)s" }
        if s < 3600 { return "\(s / 60)m" }
        return "\(s / 3600)h\(s % 3600 / 60 < 10 ? "0" : "")\(s % 3600 / 60)"
    }
}

enum TitleBar {
    static func draw(_ b: inout ScreenBuffer, _ s: Situation, _ state: UIState) {
        let l = state.language, h = s.header, sep = state.glyphs.separator
        b.put(String(repeating: " ", count: b.size.columns), row: 0, column: 0, role: .title)
        let when = TimestampFormatter(timeZone: h.timeZone).string(from: h.now)
        var mode = h.replaySpeed.map { "\(Strings.text("title.replay", l)) ×\(Int($0))" } ?? Strings.text("title.live", l)
        if state.paused { mode += " (\(Strings.text("title.paused", l)))" }
        if h.replayEnded { mode = Strings.text("title.ended", l) }
        // A replay of a stored shift is a view too: it says both.
        if state.readOnly { mode = h.replaySpeed == nil ? Strings.text("title.readonly", l) : "\(mode) · \(Strings.text("title.readonly", l))" }
        let unhandled = "\(Strings.text("title.unhandled", l)): \(s.unhandledAlerts) \(Strings.text("pane.alerts", l).lowercased()), \(s.pendingHits) \(Strings.text("pane.hits", l).lowercased()), \(s.pendingFlags) \(Strings.text("pane.flags", l).lowercased())"
        let counts = "\(s.unhandledAlerts)/\(s.pendingHits)/\(s.pendingFlags)"
        // Kept in this order as the terminal narrows (issue 23): who is signed
        // in, what is unhandled, whether the audit chain holds, then the rest.
        // A part that does not fit whole is shown short, or not at all.
        let parts: [(text: String, short: String?, priority: Int)] = [
            ("Vigía", nil, 3),
            ("\(when.prefix(10)) \(when.dropFirst(11).prefix(8)) \(mode)",
             state.readOnly ? "\(when.prefix(10)) \(when.dropFirst(11).prefix(5)) \(Strings.text("title.readonly.short", l))"
                 : "\(when.dropFirst(11).prefix(5))" + (h.replaySpeed.map { " ×\(Int($0))" } ?? ""),
             state.readOnly ? 0 : 4),
            ("\(Strings.text("title.shift", l)) \(Strings.text("shift." + h.shift, l))", nil, 5),
            ("\(h.operatorName) (\(Strings.text("role." + h.role.rawValue, l)))", h.operatorName, 0),
            (unhandled, "\(Strings.text("title.unhandled", l)) \(counts)", 1),
            (h.auditIntact ? Strings.text("title.audit.ok", l) : Strings.text("title.audit.bad", l), h.auditIntact ? Strings.text("title.audit.short", l) : nil, h.auditIntact ? 2 : -1),
        ]
        // The essentials (priority 2 or less) first in their shortest form,
        // then in full where there is room, then the rest, full or short.
        func form(_ text: String) -> String { state.glyphs == .ascii ? text.replacingOccurrences(of: "✔", with: "ok") : text }
        var kept: [Int: String] = [:]
        var used = 1
        func width(_ text: String) -> Int { Draw.width(text) + Draw.width(sep) }
        let order = parts.indices.sorted { parts[$0].priority < parts[$1].priority }
        let essential = order.filter { parts[$0].priority <= 2 }
        for i in essential {
            let text = form(parts[i].short ?? parts[i].text)
            if used + width(text) <= b.size.columns { kept[i] = text; used += width(text) }
        }
        for i in essential {
            guard let now = kept[i], parts[i].short != nil else { continue }
            let full = form(parts[i].text), extra = width(full) - width(now)
            if used + extra <= b.size.columns { kept[i] = full; used += extra }
        }
        for i in order where parts[i].priority > 2 {
            for text in [parts[i].text, parts[i].short].compactMap({ $0 }).map(form) where used + width(text) <= b.size.columns {
                kept[i] = text; used += width(text); break
            }
        }
        let line = parts.indices.compactMap { kept[$0] }.joined(separator: sep)
        b.put(" " + line, row: 0, column: 0, role: h.auditIntact ? .title : .error)
    }

    static func drawTabs(_ b: inout ScreenBuffer, row: Int, _ s: Situation, _ state: UIState) {
        var col = 1
        for (pane, label) in tabLabels(s, state) {
            let focused = pane == state.focus
            col = b.put(focused ? "[\(label)]" : " \(label) ", row: row, column: col, role: focused ? .paneFocus : .hint) + 1
        }
        // The hint only where it fits whole: a cut "1-" says nothing.
        let hint = Strings.text("tabs.hint", state.language)
        if col + 1 + hint.count <= b.size.columns { b.put(hint, row: row, column: col + 1, role: .hint) }
    }

    /// The columns each tab takes on the tab row, for a click.
    static func tabSpans(_ s: Situation, _ state: UIState) -> [(pane: Pane, columns: Range<Int>)] {
        var col = 1
        return tabLabels(s, state).map { pane, label in
            let width = Draw.width(label) + 2
            defer { col += width + 1 }
            return (pane, col..<(col + width))
        }
    }

    static func tabLabels(_ s: Situation, _ state: UIState) -> [(Pane, String)] {
        Pane.allCases.enumerated().map { i, pane in
            var count: String
            switch pane {
            case .map: count = ""
            case .alerts: count = " (\(s.alerts.count)"
            case .hits: count = " (\(s.hits.count)"
            case .flags: count = " (\(s.flags.count)"
            case .cameras: count = " (\(s.cameras.count)"
            }
            // New since the operator last looked: "(30 ✦3)".
            let new = NewSinceLooked.count(pane, s, state)
            if pane != .map { count += (new > 0 ? " \(state.glyphs.newMark)\(new)" : "") + ")" }
            return (pane, "\(i + 1) \(Strings.text("pane." + pane.rawValue, state.language))\(count)")
        }
    }
}

enum HintBar {
    static func draw(_ b: inout ScreenBuffer, row: Int, _ s: Situation, _ state: UIState) {
        var col = 0
        // Over a review view only the global keys work, so only they are hinted.
        let shown = KeyRegistry.bindings.filter { $0.visible && ($0.context == nil || ($0.context == state.focus && state.review == nil)) }
            .filter { $0.allowed(for: s.header.role) }
        // The pane's own actions first, then the global ones.
        for binding in shown.filter({ $0.context != nil }) + shown.filter({ $0.context == nil }) {
            let keys = binding.keys.map(\.label).joined(separator: "/")
            let words = binding.description(state.language).split(separator: "(").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            let width = keys.count + words.count + 2
            guard col + width <= b.size.columns else { break }
            col = b.put(keys, row: row, column: col, role: .hintKey)
            col = b.put(" " + words + " ", row: row, column: col, role: .hint)
        }
    }
}
