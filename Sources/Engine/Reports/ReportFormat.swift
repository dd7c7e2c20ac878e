import Foundation
import VigiaCore

/// How numbers and text look in the Markdown and HTML reports.
enum ReportFormat {
    static func duration(_ seconds: Double?) -> String {
        guard let s = seconds, s.isFinite else { return "—" }
        if s < 60 { return String(format: "%.0f s", s) }
        if s < 3600 { return String(format: "%d min %02d s", Int(s) / 60, Int(s) % 60) }
        return String(format: "%d h %02d min", Int(s) / 3600, Int(s) % 3600 / 60)
    }

    static func percent(_ share: Double?) -> String {
        guard let v = share, v.isFinite else { return "—" }
        return String(format: "%.1f %%", v * 100)
    }

    static func number(_ v: Double, places: Int = 2) -> String {
        v.isFinite ? String(format: "%.\(places)f", v) : "—"
    }

    /// A report's text cell: control characters and bidi overrides replaced, Markdown table pipes escaped.
    static func markdown(_ s: String) -> String {
        TerminalSafe.line(s).replacingOccurrences(of: "|", with: "\\|")
    }

    /// HTML text: the five characters escaped, control characters and bidi overrides replaced.
    static func html(_ s: String) -> String {
        var out = ""
        for ch in TerminalSafe.line(s) {
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
