/// One word of a post, folded to the lexicon's form.
public struct Token: Sendable, Equatable {
    public var text: String
    /// Inside quotation marks: reported words, not the author's own.
    public var quoted: Bool
    /// First word of a clause (after . , ; : ! ? or at the start).
    public var clauseStart: Bool
    /// First word of a sentence (after . ! ? ; a line break, or at the start).
    public var sentenceStart = false
    /// The last letter carried a written accent ("matá", "quemé"): voseo imperatives and preterites.
    public var stressed = false
    /// Written after "#".
    public var hashtag = false

    public init(text: String, quoted: Bool, clauseStart: Bool, sentenceStart: Bool = false, stressed: Bool = false, hashtag: Bool = false) {
        self.text = text
        self.quoted = quoted
        self.clauseStart = clauseStart
        self.sentenceStart = sentenceStart
        self.stressed = stressed
        self.hashtag = hashtag
    }
}

/// What the tokenizer saw besides words.
public struct TokenizedPost: Sendable {
    public var tokens: [Token]
    public var hasMusic = false
    public var hasLaughter = false
    public var hasQuote = false
}

/// Splits a post into folded words: lower case, accents removed ("á" → "a",
/// "ñ" → "n"), letters repeated three or more times cut to one
/// ("matarlooo" → "matarlo"), digits inside words read as letters
/// ("m4t4r" → "matar"), URLs → `<url>`, @handles → `<user>`, weapon and
/// fire emoji → `<gun>`, `<knife>`, `<bomb>`, `<fire>`. Works on Unicode
/// scalars with a small folding table: no Foundation, no locale.
public enum Tokenizer {
    public static func tokenize(_ text: String) -> TokenizedPost {
        var out = TokenizedPost(tokens: [])
        out.tokens.reserveCapacity(24)
        var inQuote = false
        var clauseStart = true
        var sentenceStart = true
        var hashtag = false
        var word = String.UnicodeScalarView()
        var wordQuoted = false
        var previous: Unicode.Scalar = " "
        let scalars = Array(text.unicodeScalars)

        func finish() {
            guard !word.isEmpty else { hashtag = false; return }
            let stressed = word.last.map { stressedVowels.contains($0) } ?? false
            out.tokens.append(Token(text: fold(word), quoted: wordQuoted, clauseStart: clauseStart, sentenceStart: sentenceStart,
                                    stressed: stressed, hashtag: hashtag))
            clauseStart = false
            sentenceStart = false
            hashtag = false
            word = String.UnicodeScalarView()
        }
        func symbol(_ text: String) {
            out.tokens.append(Token(text: text, quoted: inQuote, clauseStart: clauseStart, sentenceStart: sentenceStart))
            clauseStart = false
            sentenceStart = false
        }

        var i = 0
        while i < scalars.count {
            let s = scalars[i]
            // URLs and handles: whole chunk up to the next space.
            if word.isEmpty, i == 0 || isSpace(previous) {
                if s == "@" || startsURL(scalars, i) {
                    var j = i
                    while j < scalars.count, !isSpace(scalars[j]) { j += 1 }
                    if j - i > 1 {
                        symbol(s == "@" ? "<user>" : "<url>")
                        previous = " "
                        i = j
                        continue
                    }
                }
            }
            if isWordScalar(s) || (s == "'" || s == "’") && !word.isEmpty && i + 1 < scalars.count && isLetter(scalars[i + 1]) {
                if word.isEmpty { wordQuoted = inQuote }
                word.append(s == "’" ? "'" : s)
            } else {
                finish()
                switch s {
                case "\"", "“", "”", "«", "»":
                    inQuote.toggle(); out.hasQuote = true
                case "'", "‘", "’":
                    // Apostrophes between letters were taken above; these open or close a quote.
                    inQuote.toggle(); out.hasQuote = true
                case ".", ";", "!", "?", "¡", "¿", "\n", "…":
                    clauseStart = true; sentenceStart = true
                case ",", ":", "(", ")", "-", "—", "–":
                    clauseStart = true
                case "#":
                    hashtag = true
                case "🔫":
                    symbol("<gun>")
                case "🔪", "🗡":
                    symbol("<knife>")
                case "💣", "🧨":
                    symbol("<bomb>")
                case "🔥":
                    symbol("<fire>")
                case "🎶", "🎵", "🎤", "🎸", "🎼":
                    out.hasMusic = true
                case "😂", "🤣", "😆", "😹", "😅", "😜":
                    out.hasLaughter = true
                default: break
                }
            }
            previous = s
            i += 1
        }
        finish()
        if inQuote {
            // An unclosed quote mark quotes nothing: it was an apostrophe or a typo.
            for k in out.tokens.indices where out.tokens[k].quoted { out.tokens[k].quoted = false }
        }
        for t in out.tokens where laughter.contains(t.text) || t.text.hasPrefix("jaja") || t.text.hasPrefix("ajaj")
            || t.text.hasPrefix("jeje") || t.text.hasPrefix("haha") || t.text.hasPrefix("jsjs") {
            out.hasLaughter = true
        }
        return out
    }

    static let stressedVowels: Set<Unicode.Scalar> = ["á", "é", "í", "ó", "ú", "Á", "É", "Í", "Ó", "Ú"]

    static let laughter: Set<String> = ["jaja", "jajaja", "ja", "jeje", "jsjs", "jajsj", "lol", "lmao", "xd", "haha", "hahaha", "jiji", "jsj", "lmfao", "rofl"]

    static func startsURL(_ s: [Unicode.Scalar], _ i: Int) -> Bool {
        func has(_ p: String) -> Bool {
            var j = i
            for c in p.unicodeScalars {
                guard j < s.count, s[j] == c || (s[j].value < 128 && Unicode.Scalar(s[j].value | 0x20) == c) else { return false }
                j += 1
            }
            return true
        }
        return has("http://") || has("https://") || has("www.")
    }

    static func isLetter(_ s: Unicode.Scalar) -> Bool { s.properties.isAlphabetic }
    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        s.value < 128 ? (s.value == 32 || (s.value >= 9 && s.value <= 13)) : s.properties.isWhitespace
    }
    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        (s.value >= 0x30 && s.value <= 0x39) || (s.value < 128 ? (s.value | 0x20 >= 0x61 && s.value | 0x20 <= 0x7A) : s.properties.isAlphabetic)
    }

    /// Lower case without accents, elongations cut, leetspeak undone.
    static func fold(_ word: String.UnicodeScalarView) -> String {
        var folded: [UInt8] = []
        folded.reserveCapacity(word.count)
        var other = String.UnicodeScalarView()
        var ascii = true
        for s in word {
            if s.value < 128 {
                let v = UInt8(s.value)
                let lower = v >= 65 && v <= 90 ? v + 32 : v
                if ascii { folded.append(lower) } else { other.append(Unicode.Scalar(lower)) }
            } else if let f = accentFold[s] {
                if ascii { folded.append(f) } else { other.append(Unicode.Scalar(f)) }
            } else {
                if ascii {
                    ascii = false
                    for b in folded { other.append(Unicode.Scalar(b)) }
                }
                for l in s.properties.lowercaseMapping.unicodeScalars { other.append(l) }
            }
        }
        if !ascii { return String(other) }
        // Digits standing for letters, only in words that also have letters.
        let hasLetter = folded.contains { $0 >= 97 && $0 <= 122 }, hasDigit = folded.contains { $0 >= 48 && $0 <= 57 }
        if hasLetter && hasDigit {
            for k in folded.indices {
                switch folded[k] {
                case 52: folded[k] = 97   // 4 → a
                case 51: folded[k] = 101  // 3 → e
                case 49: folded[k] = 105  // 1 → i
                case 48: folded[k] = 111  // 0 → o
                case 53: folded[k] = 115  // 5 → s
                case 55: folded[k] = 116  // 7 → t
                default: break
                }
            }
        }
        // Three or more of the same letter become one; doubled letters stay ("ll", "rr", "cc").
        var cut: [UInt8] = []
        cut.reserveCapacity(folded.count)
        var k = 0
        while k < folded.count {
            var run = 1
            while k + run < folded.count, folded[k + run] == folded[k] { run += 1 }
            let isLetter = folded[k] >= 97 && folded[k] <= 122
            let keep = isLetter && run >= 3 ? 1 : run
            for _ in 0..<keep { cut.append(folded[k]) }
            k += run
        }
        return String(decoding: cut, as: UTF8.self)
    }

    static let accentFold: [Unicode.Scalar: UInt8] = {
        var m: [Unicode.Scalar: UInt8] = [:]
        let groups: [(String, Character)] = [("áàâäãåÁÀÂÄÃÅ", "a"), ("éèêëÉÈÊË", "e"), ("íìîïÍÌÎÏ", "i"), ("óòôöõÓÒÔÖÕ", "o"),
                                             ("úùûüÚÙÛÜ", "u"), ("ñÑ", "n"), ("çÇ", "c"), ("ýÿÝ", "y")]
        for (chars, base) in groups { for c in chars.unicodeScalars { m[c] = base.asciiValue! } }
        return m
    }()
}
