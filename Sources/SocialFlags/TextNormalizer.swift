import Foundation

/// Folds a post's text into the form the classifier's lexicon is written in:
/// lower case, no accents, elongations cut ("matarlooo" → "matarlo"),
/// common leetspeak undone, URLs and @handles replaced by placeholders.
public enum TextNormalizer {
    public static func normalise(_ text: String) -> String {
        var words: [String] = []
        for raw in text.split(whereSeparator: { $0.isWhitespace }) {
            let token = String(raw)
            if token.hasPrefix("http://") || token.hasPrefix("https://") || token.hasPrefix("www.") {
                words.append("<url>")
                continue
            }
            if token.hasPrefix("@"), token.count > 1 {
                words.append("<user>")
                continue
            }
            let folded = token.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: Locale(identifier: "es_AR"))
            words.append(collapseElongation(undoLeet(folded)))
        }
        return words.joined(separator: " ")
    }

    /// Letters repeated three or more times become one ("nooo" → "no").
    /// Doubled letters stay: Spanish has "ll", "rr", "cc".
    static func collapseElongation(_ s: String) -> String {
        var out = ""
        var last: Character?
        var run = 0
        var pending = ""
        for ch in s {
            if ch == last {
                run += 1
                pending.append(ch)
                continue
            }
            out += run >= 2 ? String(last!) : pending
            last = ch
            run = 0
            pending = String(ch)
        }
        out += run >= 2 ? String(last!) : pending
        return out
    }

    /// Digits standing for letters inside words ("m4t4r" → "matar"); numbers stay.
    static func undoLeet(_ s: String) -> String {
        guard s.contains(where: \.isLetter), s.contains(where: \.isNumber) else { return s }
        let map: [Character: Character] = ["4": "a", "3": "e", "1": "i", "0": "o", "5": "s", "7": "t", "@": "a"]
        return String(s.map { map[$0] ?? $0 })
    }
}
