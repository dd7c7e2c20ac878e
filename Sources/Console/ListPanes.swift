import Engine
import Foundation
import VigiaCore

/// The alert queue, the face-match candidates and the social flags. Every
/// state shows as a glyph and a word, never by colour alone.
enum ListPanes {
    static func alertRole(_ a: Situation.AlertItem) -> StyleRole {
        switch a.state {
        case .new: return .alertNew
        case .acknowledged: return .alertAcked
        case .dispatched: return .alertDispatched
        default: return .alertHold
        }
    }

    static func alertGlyph(_ a: Situation.AlertItem, _ glyphs: GlyphSet) -> String { glyphs.alertState(a.state) }

    /// The first item a list of `count` shows, keeping the selection near the middle.
    static func firstShown(count: Int, selected: Int, visible: Int) -> Int { max(0, min(selected - visible / 2, count - visible)) }

    /// Screen rows each item of a list pane takes.
    static func rowsPerItem(_ pane: Pane) -> Int { pane == .alerts ? 1 : 2 }

    /// The item of `pane`'s list (drawn in `r`) at screen `row`, nil off the items.
    static func item(at row: Int, in r: Rect, pane: Pane, _ s: Situation, _ state: UIState) -> Int? {
        let count = PaneItems.count(pane, s, state), per = rowsPerItem(pane)
        let innerRow = r.row + 1, innerRows = r.rows - 2
        guard count > 0, innerRows > 0, row >= innerRow, row < innerRow + innerRows else { return nil }
        let visible = max(1, innerRows / per)
        let selected = min(state.selected(pane), count - 1)
        let k = (row - innerRow) / per
        let i = firstShown(count: count, selected: selected, visible: visible) + k
        return k < visible && i < count ? i : nil
    }

    /// Draws `lines` (each one row, with its role) with the selection kept in view.
    /// Draws the items around `selected`; `row(i)` formats item i and is only called for visible items,
    /// so a queue of thousands costs what one screenful does.
    static func list(_ b: inout ScreenBuffer, _ r: Rect, count: Int, row format: (Int) -> [(String, StyleRole)], selected: Int,
                     rowsPerItem: Int, empty: String, glyphs: GlyphSet, isNew: (Int) -> Bool = { _ in false }) {
        let inner = Rect(row: r.row + 1, column: r.column + 1, rows: r.rows - 2, columns: r.columns - 2)
        guard inner.rows > 0 else { return }
        if count == 0 { b.put(empty, row: inner.row, column: inner.column + 1, role: .hint); return }
        let visible = max(1, inner.rows / rowsPerItem)
        let first = firstShown(count: count, selected: selected, visible: visible)
        for (k, i) in (first..<min(count, first + visible)).enumerated() {
            for (line, part) in format(i).enumerated() where line < rowsPerItem {
                let row = inner.row + k * rowsPerItem + line
                let text = Draw.clip(part.0, inner.columns - 1, glyphs)
                if i == selected {
                    b.put(String(repeating: " ", count: inner.columns), row: row, column: inner.column, role: .selected)
                    if line == 0 { b.put(">", row: row, column: inner.column, role: .selected) }
                    b.put(text, row: row, column: inner.column + 1, role: .selected)
                } else {
                    // The gutter the selection's ">" uses marks what arrived since the operator last looked.
                    if line == 0, isNew(i) { b.put(glyphs.newMark, row: row, column: inner.column, role: part.1) }
                    b.put(text, row: row, column: inner.column + 1, role: part.1)
                }
            }
        }
        if count > visible {
            b.put(" \(selected + 1)/\(count) ", row: r.row + r.rows - 1, column: r.column + r.columns - 10, role: .border)
        }
    }

    static func alerts(_ b: inout ScreenBuffer, _ r: Rect, _ s: Situation, _ state: UIState, focused: Bool) {
        let l = state.language, items = PaneItems.alerts(s, state), glyphs = state.glyphs
        Draw.box(&b, r, title: paneTitle(.alerts, shown: items.count, total: s.alerts.count, new: NewSinceLooked.count(.alerts, s, state), state), focused: focused, glyphs: state.glyphs)
        let row = { (i: Int) -> [(String, StyleRole)] in
            let a = items[i]
            let word = Strings.text("alert." + a.state.rawValue, l) + (a.escalated ? "^" : "")
            let camera = a.camera ?? "—"
            return [("P\(a.priority) \(alertGlyph(a, glyphs)) \(word.padding(toLength: 11, withPad: " ", startingAt: 0)) #\(a.id) \(camera) \(a.rule) \(Draw.age(s.header.now.timeIntervalSince(a.createdAt)))", alertRole(a))]
        }
        list(&b, r, count: items.count, row: row, selected: min(state.selected(.alerts), max(0, items.count - 1)), rowsPerItem: rowsPerItem(.alerts), empty: Strings.text("empty.alerts", l), glyphs: state.glyphs,
             isNew: { NewSinceLooked.isNew(items[$0].createdAt, in: .alerts, state) })
    }

    /// "Alerts (30)", or with the pane's filter "Alerts (3 of 30) /CAM-1":
    /// the count stays true and the filter shows itself.
    /// With items new since the operator last looked: "Alerts (30, 3 new)".
    static func paneTitle(_ pane: Pane, shown: Int, total: Int, new: Int = 0, _ state: UIState) -> String {
        let l = state.language, name = Strings.text("pane." + pane.rawValue, l)
        let fresh = new > 0 ? ", \(new) \(Strings.text("pane.new", l))" : ""
        guard let filter = state.filters[pane], !filter.isEmpty else { return "\(name) (\(total)\(fresh))" }
        return "\(name) (\(shown) \(Strings.text("pane.of", l)) \(total)\(fresh)) /\(TerminalSafe.line(filter, limit: 40))"
    }

    static func hits(_ b: inout ScreenBuffer, _ r: Rect, _ s: Situation, _ state: UIState, focused: Bool) {
        let l = state.language, items = PaneItems.hits(s, state)
        Draw.box(&b, r, title: paneTitle(.hits, shown: items.count, total: s.hits.count, new: NewSinceLooked.count(.hits, s, state), state), focused: focused, glyphs: state.glyphs)
        if !s.header.role.allows(.decideHits) {
            b.put(Strings.text("hits.forbidden", l), row: r.row + 1, column: r.column + 2, role: .hint)
            return
        }
        let row = { (i: Int) -> [(String, StyleRole)] in
            let h = items[i]
            let done = h.state == .confirmed ? 2 : h.confirmations
            let role: StyleRole = h.state == .confirmed ? .hitConfirmed : .hitPending
            let mark = h.state == .confirmed ? state.glyphs.hitConfirmedMark : state.glyphs.hitPendingMark
            return [("\(mark) \(done)/2 #\(h.id) \(h.candidate) \(String(format: "%.3f", h.similarity)) \(h.camera) \(Draw.clock(h.time, s.header.timeZone))", role),
                    ("    \(h.orderReference)\(state.glyphs.separator)\(h.court)\(state.glyphs.separator)\(Strings.text("hit.candidate", l))", .hint)]
        }
        list(&b, r, count: items.count, row: row, selected: min(state.selected(.hits), max(0, items.count - 1)), rowsPerItem: rowsPerItem(.hits), empty: Strings.text("empty.hits", l), glyphs: state.glyphs,
             isNew: { NewSinceLooked.isNew(items[$0].time, in: .hits, state) })
    }

    static func flags(_ b: inout ScreenBuffer, _ r: Rect, _ s: Situation, _ state: UIState, focused: Bool) {
        let l = state.language, items = PaneItems.flags(s, state)
        Draw.box(&b, r, title: paneTitle(.flags, shown: items.count, total: s.flags.count, new: NewSinceLooked.count(.flags, s, state), state), focused: focused, glyphs: state.glyphs)
        let row = { (i: Int) -> [(String, StyleRole)] in
            let f = items[i]
            let mark = state.glyphs.flagMarker
            return [("\(mark) #\(f.id) \(Strings.text("flag." + f.category.rawValue, l)) \(String(format: "%.2f", f.score)) \(Draw.clock(f.time, s.header.timeZone)) \(f.district ?? "—")", .flagPending),
                    ("    «\(f.phrases.joined(separator: "» «"))» \(TerminalSafe.line(f.text, limit: 300))", .hint)]
        }
        list(&b, r, count: items.count, row: row, selected: min(state.selected(.flags), max(0, items.count - 1)), rowsPerItem: rowsPerItem(.flags), empty: Strings.text("empty.flags", l), glyphs: state.glyphs,
             isNew: { NewSinceLooked.isNew(items[$0].time, in: .flags, state) })
    }
}
