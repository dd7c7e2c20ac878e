import Engine
import Foundation
import VigiaCore

/// The review views that cover the panes: the shift so far (supervisor,
/// auditor, admin) and the read-only audit trail (auditor, admin). They only
/// format what the engine computed.
enum ReviewView {
    static func draw(_ b: inout ScreenBuffer, _ r: Rect, _ s: Situation, _ state: UIState) {
        guard let review = s.review, r.rows >= 4 else { return }
        let l = state.language
        let all: [(String, StyleRole)]
        var title = Strings.text(state.review == .audit ? "review.audit" : "review.shift", l)
        switch review {
        case .shift(let summary): all = shiftLines(summary, l, state.glyphs, width: r.columns - 4)
        case .audit(let records, let total):
            let shown = filtered(records.map { auditLine($0, s.header.timeZone) }, state.filter)
            all = shown.map { ($0, StyleRole.normal) }
            title += " — \(shown.count) \(Strings.text("review.shown", l)) \(Strings.text("review.of", l)) \(total)"
        case .unavailable(let why): all = [("\(Strings.text("msg.refused", l)): \(why)", .warning)]
        }
        let plain = state.glyphs == .ascii
        Draw.box(&b, r, title: plain ? ascii(title) : title, focused: true, glyphs: state.glyphs)
        let room = r.rows - 3
        let top = min(state.reviewScroll, max(0, all.count - room))
        for (i, line) in all.dropFirst(top).prefix(room).enumerated() {
            b.put(Draw.clip(plain ? ascii(line.0) : line.0, r.columns - 4, state.glyphs), row: r.row + 1 + i, column: r.column + 2, role: line.1)
        }
        let keys = Strings.text("review.keys", l)
        b.put(Draw.clip(plain ? ascii(keys) : keys, r.columns - 4, state.glyphs), row: r.row + r.rows - 2, column: r.column + 2, role: .hint)
    }

    /// The view's own punctuation in plain ASCII, for terminals without Unicode.
    static func ascii(_ s: String) -> String {
        s.replacingOccurrences(of: "↑↓", with: "Up/Down").replacingOccurrences(of: "—", with: "-").replacingOccurrences(of: "–", with: "-")
            .replacingOccurrences(of: "…", with: "...").replacingOccurrences(of: "·", with: "|")
    }

    /// Lines whose operator, role, action, subject or time contain the filter text.
    static func filtered(_ lines: [String], _ filter: String) -> [String] {
        let f = filter.lowercased().trimmingCharacters(in: .whitespaces)
        guard !f.isEmpty else { return lines }
        return lines.filter { $0.lowercased().contains(f) }
    }

    static func auditLine(_ a: Situation.AuditLine, _ zone: TimeZone) -> String {
        let t = TimestampFormatter(timeZone: zone).string(from: a.time)
        let details = a.details == "{}" ? "" : " " + a.details
        return "#\(a.sequence) \(t.prefix(10)) \(t.dropFirst(11).prefix(8)) \(a.operatorName) (\(a.role)) \(a.action) \(a.subject)\(details)"
    }

    /// Words of `text` in lines of at most `width` columns.
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = [], line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty, line.count + 1 + word.count > width { lines.append(line); line = "" }
            line += (line.isEmpty ? "" : " ") + word
        }
        return line.isEmpty ? lines : lines + [line]
    }

    static func shiftLines(_ s: ShiftSummary, _ l: Language, _ g: GlyphSet, width: Int = 76) -> [(String, StyleRole)] {
        func t(_ key: String) -> String { Strings.text("review." + key, l) }
        let sep = g.separator
        func pct(_ v: Double?) -> String { v.map { String(format: "%.0f %%", $0 * 100) } ?? "—" }
        func secs(_ v: Double?) -> String { v.map { Draw.age($0) } ?? "—" }
        var o: [(String, StyleRole)] = []
        o.append(("\(s.shift.start.prefix(10)) \(s.shift.start.dropFirst(11).prefix(5))–\(s.shift.end.dropFirst(11).prefix(5))", .hint))
        o.append((t("headline"), .title))
        for sentence in s.headline(l == .spanish ? .spanish : .english) {
            for (i, line) in wrap(sentence, width: max(20, width - 4)).enumerated() { o.append(((i == 0 ? "  " : "    ") + line, .normal)) }
        }
        let a = s.alerts
        o.append((t("alerts"), .title))
        o.append(("  \(a.created) \(t("created"))\(sep)\(a.unhandledAtEnd) \(t("unhandled"))\(sep)\(a.snoozed) \(t("snoozed"))\(sep)\(a.forwarded) \(t("forwarded"))",
                  a.unhandledAtEnd > 0 ? .warning : .normal))
        let widths = [6, 9, 16, 7, 8]
        func row(_ cells: [String]) -> String {
            "  " + zip(cells, widths + [0]).map { $1 > 0 ? $0.padding(toLength: max($1, $0.count + 1), withPad: " ", startingAt: 0) : $0 }.joined()
        }
        o.append((row(t("response").split(separator: "|").map(String.init)), .hint))
        for r in a.response {
            let k = r.acknowledged
            let below = (k.shareMet ?? 1) < a.goal
            o.append((row(["P\(r.priority)", "\(k.alerts)", secs(k.medianSeconds), secs(k.p90Seconds), secs(k.targetSeconds),
                           "\(k.metTarget)/\(k.alerts) \(pct(k.shareMet))" + (below ? " !" : "")]), below ? .warning : .normal))
        }
        if !a.operators.isEmpty {
            o.append(("  " + t("operators"), .hint))
            for w in a.operators { o.append(("    \(w.name): \(w.acknowledged)/\(w.dispatched)/\(w.closed)/\(w.other)", .normal)) }
        }
        o.append((t("forecast"), .title))
        if let f = s.forecast {
            o.append(("  \(f.model)\(sep)\(String(format: "%.1f", f.expected)) \(t("expected"))\(sep)\(f.incidents) \(t("recorded"))\(sep)Gini \(String(format: "%.3f", f.gini))", .normal))
            for c in f.coverage {
                let interval = c.hitRateInterval.map { " (\(Strings.text("map.interval", l)) \(pct($0.lower))–\(pct($0.upper)))" } ?? ""
                o.append(("  \(Int(c.percentOfArea)) % \(t("area")): \(t("hitrate")) \(pct(c.hitRate))\(interval)\(sep)PAI \(String(format: "%.2f", c.pai))"
                          + "\(sep)PEI \(c.pei.map { String(format: "%.2f", $0) } ?? "—")", .normal))
            }
        } else {
            o.append(("  " + t("noforecast"), .hint))
        }
        let fc = s.faces
        o.append((t("faces"), .title))
        o.append(("  \(fc.probesReceived) \(t("probes"))\(sep)\(fc.belowThreshold) \(t("belowthreshold"))\(sep)\(fc.candidates) \(t("candidates"))"
                  + "\(sep)\(fc.confirmed) \(t("confirmed"))\(sep)\(fc.rejected) \(t("rejected"))\(sep)\(fc.pending) \(t("pending"))", .normal))
        let so = s.social
        o.append((t("social"), .title))
        o.append(("  \(so.postsClassified) \(t("posts"))\(sep)\(so.flags) \(t("flags"))\(sep)\(so.credible) \(t("credible"))"
                  + "\(sep)\(so.notCredible) \(t("notcredible"))\(sep)\(so.surgeAlerts) \(t("surges"))", .normal))
        o.append((t("cameras"), .title))
        if s.cameras.isEmpty { o.append(("  " + t("camerasok"), .normal)) }
        for c in s.cameras {
            o.append(("  \(c.camera) \(c.kind) \(c.from.dropFirst(11).prefix(5))–\(c.to.map { String($0.dropFirst(11).prefix(5)) } ?? "…") (\(Int(c.minutes.rounded())) min)", .warning))
        }
        let au = s.audit
        o.append((t("auditsection"), .title))
        o.append((au.chainIntact ? "  \(t("chainok"))\(sep)\(au.recordsInShift) \(t("records"))" : "  \(t("chainbad")) \(au.firstBadRecord ?? 0)",
                  au.chainIntact ? .normal : .error))
        if !au.notable.isEmpty {
            o.append(("  " + t("notable"), .hint))
            for n in au.notable { o.append(("    \(n.time.dropFirst(11).prefix(5)) \(n.operatorName) \(n.action) \(n.subject)", .normal)) }
        }
        return o
    }
}
