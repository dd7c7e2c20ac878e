import Foundation

/// The rule for operator names (safeguard 10): what the audit log shows as
/// "who" must not be mistaken for someone else. A name is 2 to 32 ASCII
/// characters: a letter, then letters, digits, `.`, `_` or `-`. Names are
/// unique ignoring case, and no two names may share a *skeleton*: lower
/// case, with look-alike digits read as letters (`0`→o, `1`→l, `3`→e,
/// `5`→s, `7`→t, `8`→b), `i`→l, `rn`→m, `vv`→w, `cl`→d, and `.`, `_`, `-`
/// dropped; nor may a name's skeleton be a reserved name's (`feed`, the
/// system actor, and `system`, `vigia`, `nobody`). So `FEED`, `f.eed`, `fееd`
/// (Cyrillic е) and, beside `root`, `r00t` are refused.
public enum OperatorName {
    public static let reserved = ["feed", "system", "vigia", "nobody"]
    public static let lengths = 2...32

    /// Why `name` is not allowed on its own (nil when it is).
    public static func problem(_ name: String) -> String? {
        let scalars = Array(name.unicodeScalars)
        guard scalars.allSatisfy(\.isASCII) else {
            return "only ASCII letters, digits, '.', '_' and '-' are allowed (no look-alike letters from other alphabets)"
        }
        guard lengths.contains(scalars.count) else { return "a name has \(lengths.lowerBound) to \(lengths.upperBound) characters" }
        guard let first = scalars.first, first.properties.isAlphabetic else { return "a name starts with a letter" }
        guard scalars.allSatisfy({ $0.properties.isAlphabetic || ("0"..."9").contains($0) || ".-_".unicodeScalars.contains($0) }) else {
            return "only ASCII letters, digits, '.', '_' and '-' are allowed"
        }
        if let r = reserved.first(where: { skeleton($0) == skeleton(name) }) {
            return "it reads like the reserved name \"\(r)\""
        }
        return nil
    }

    /// The look-alike form two names are compared in.
    public static func skeleton(_ name: String) -> String {
        var s = ""
        for c in name.lowercased() {
            switch c {
            case "0": s.append("o")
            case "1", "i", "|": s.append("l")
            case "3": s.append("e")
            case "5": s.append("s")
            case "7": s.append("t")
            case "8": s.append("b")
            case ".", "_", "-": break
            default: s.append(c)
            }
        }
        for (pair, single) in [("rn", "m"), ("vv", "w"), ("cl", "d")] { s = s.replacingOccurrences(of: pair, with: single) }
        return s
    }
}
