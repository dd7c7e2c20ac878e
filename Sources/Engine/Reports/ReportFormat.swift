import Foundation
import Hotspots
import VigiaCore

/// How numbers and text look in the Markdown and HTML reports.
enum ReportFormat {
    /// Compact: `0:51`, `4:27`, `1:02:05` (hours:minutes:seconds), so a table cell never wraps.
    static func duration(_ seconds: Double?) -> String {
        guard let v = seconds, v.isFinite, v >= 0 else { return "—" }
        let s = Int(v.rounded())
        if s < 3600 { return String(format: "%d:%02d", s / 60, s % 60) }
        return String(format: "%d:%02d:%02d", s / 3600, s % 3600 / 60, s % 60)
    }

    /// A 95 % interval of a share, e.g. `14.6–29.9 %`.
    static func percentRange(_ i: Interval95?) -> String {
        guard let i else { return "—" }
        return String(format: "%.1f–%.1f %%", i.lower * 100, i.upper * 100)
    }

    /// A 95 % interval of a ratio, e.g. `2.93–5.99`.
    static func range(_ i: Interval95?, places: Int = 2) -> String {
        guard let i else { return "—" }
        return number(i.lower, places: places) + "–" + number(i.upper, places: places)
    }

    static func percent(_ share: Double?) -> String {
        guard let v = share, v.isFinite else { return "—" }
        return String(format: "%.1f %%", v * 100)
    }

    static func number(_ v: Double, places: Int = 2) -> String {
        v.isFinite ? String(format: "%.\(places)f", v) : "—"
    }

    /// A report's text cell: control characters and bidi overrides replaced, Markdown table pipes escaped.
    static func markdown(_ s: String, limit: Int = 500) -> String {
        TerminalSafe.line(s, limit: limit).replacingOccurrences(of: "|", with: "\\|")
    }

    /// HTML text: the five characters escaped, control characters and bidi overrides replaced.
    static func html(_ s: String, limit: Int = 500) -> String {
        var out = ""
        for ch in TerminalSafe.line(s, limit: limit) {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(ch)
            }
        }
        return out
    }

    /// Sorted "key value" pairs, largest first, for the count tables.
    static func ranked(_ d: [String: Int]) -> [(String, Int)] {
        d.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// A short local time (`yyyy-MM-dd HH:mm`) from a report timestamp.
    static func short(_ timestamp: String) -> String {
        guard timestamp.count >= 16 else { return timestamp }
        return timestamp.prefix(10) + " " + timestamp.dropFirst(11).prefix(5)
    }
}
