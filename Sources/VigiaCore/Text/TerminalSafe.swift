/// Text from feeds made safe to print on a terminal: control characters
/// (C0, DEL, C1 — so no escape sequence reaches the terminal), bidi
/// overrides and isolates, and zero-width characters become U+FFFD; the
/// result is cut to `limit` characters with an ellipsis.
public enum TerminalSafe {
    public static func line(_ text: String, limit: Int = 500) -> String {
        var out = String.UnicodeScalarView()
        var count = 0
        for s in text.unicodeScalars {
            if count == limit { out.append("…"); break }
            out.append(isUnsafe(s) ? "\u{FFFD}" : s)
            count += 1
        }
        return String(out)
    }

    /// Whole output text made safe: as `line`, but line feeds and tabs stay,
    /// and nothing is cut.
    public static func text(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { isUnsafe($0) && $0 != "\n" && $0 != "\t" }) else { return text }
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars { out.append(isUnsafe(s) && s != "\n" && s != "\t" ? "\u{FFFD}" : s) }
        return String(out)
    }

    public static func isUnsafe(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2069, 0xFEFF: return true
        default: return false
        }
    }
}
