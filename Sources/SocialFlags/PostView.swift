/// A post as the rules read it: folded words (a slip of the thumb on a
/// violent word forgiven), sentence bounds, and what the post, and the post
/// it answers, talk about.
struct PostView {
    let tokens: [Token]
    let words: [String]
    let sentenceOf: [Int]
    let sentences: [Range<Int>]
    let hasLaughter: Bool
    let hasMusic: Bool
    /// Topics of the post itself.
    let topics: Topics
    /// Topics of what the post answers (`in_reply_to`), when given.
    let context: Topics

    /// Whether any word can start a rule; when not, nothing else is worth reading.
    let triggered: Bool

    struct Topics: Sendable {
        var sports = false, gaming = false, music = false, fiction = false, reporting = false, protest = false
        var crime = false, person = false

        init() {}

        init(words: [String], tokens: [Token], classes: [WordClass]) {
            for (i, c) in classes.enumerated() where !c.isEmpty || tokens[i].hashtag {
                // "La Boca" is a barrio, "Boca" a team.
                if c.contains(.sports), !(words[i] == "boca" && i > 0 && ["la", "tu", "su", "mi", "esa", "cerra", "callate"].contains(words[i - 1])),
                   !(words[i] == "final" && i > 0 && ["al", "a", "el", "lo"].contains(words[i - 1])) {
                    sports = true
                }
                if c.contains(.gaming) { gaming = true }
                if c.contains(.music) { music = true }
                if c.contains(.fiction) { fiction = true }
                if c.contains(.reporting) { reporting = true }
                if c.contains(.protest) || tokens[i].hashtag { protest = true }
                if c.contains(.crime) { crime = true }
                if c.contains(.person) { person = true }
            }
            if !person { person = words.contains(where: ThreatLexicon.looksLikeGroup) }
        }

        init(text: String) {
            let t = Tokenizer.tokenize(text).tokens
            let words = t.map(\.text)
            self.init(words: words, tokens: t, classes: words.map { ThreatIndex.classes[$0] ?? [] })
        }
    }

    init(text: String, inReplyTo: String?) {
        let post = Tokenizer.tokenize(text)
        tokens = post.tokens
        var words: [String] = [], classes: [WordClass] = []
        words.reserveCapacity(tokens.count)
        classes.reserveCapacity(tokens.count)
        for tok in tokens {
            if let c = ThreatIndex.classes[tok.text] {
                words.append(tok.text); classes.append(c)
            } else if !tok.quoted, let fixed = ThreatIndex.corrected(tok.text) {
                words.append(fixed); classes.append(ThreatIndex.classes[fixed] ?? [])
            } else {
                words.append(tok.text); classes.append([])
            }
        }
        self.words = words
        triggered = classes.contains { $0.contains(.trigger) }
        var sentenceOf: [Int] = [], sentences: [Range<Int>] = []
        sentenceOf.reserveCapacity(words.count)
        var start = 0
        for (i, t) in tokens.enumerated() {
            if t.sentenceStart && i > start { sentences.append(start..<i); start = i }
            sentenceOf.append(sentences.count)
        }
        if start < tokens.count { sentences.append(start..<tokens.count) }
        self.sentenceOf = sentenceOf
        self.sentences = sentences
        hasLaughter = post.hasLaughter
        hasMusic = post.hasMusic
        topics = Topics(words: words, tokens: tokens, classes: classes)
        // What the post answers matters only when a rule may fire.
        if triggered, let inReplyTo, !inReplyTo.isEmpty { context = Topics(text: inReplyTo) } else { context = Topics() }
    }

    var count: Int { words.count }

    func sentence(of i: Int) -> Range<Int> { sentences[sentenceOf[i]] }

    func matches(_ seq: [String], at i: Int) -> Bool {
        guard i >= 0, i + seq.count <= words.count else { return false }
        for (k, w) in seq.enumerated() where words[i + k] != w { return false }
        return true
    }

    /// The first of `phrases` found in `range` (it may run past the range's end), with where it starts.
    func find(_ phrases: Phrases, in range: Range<Int>) -> (at: Int, words: [String])? {
        let r = max(0, range.lowerBound)..<min(words.count, range.upperBound)
        for i in r { if let p = phrases.match(at: i, in: words) { return (i, p) } }
        return nil
    }

    func contains(_ set: Set<String>, in range: Range<Int>) -> Bool {
        let r = max(0, range.lowerBound)..<min(words.count, range.upperBound)
        return r.contains { set.contains(words[$0]) }
    }

    /// The first word after `i` that is not a determiner or a clitic, and whether a personal "a" came before it.
    func head(after i: Int, within limit: Int = 5) -> (index: Int, word: String, personalA: Bool)? {
        head(from: i + 1, in: sentence(of: i), within: limit)
    }

    func head(from start: Int, in s: Range<Int>, within limit: Int = 5) -> (index: Int, word: String, personalA: Bool)? {
        let end = min(s.upperBound, start + limit)
        var personalA = false
        var k = start
        while k < end {
            let w = words[k]
            if w == "a" || w == "al" { personalA = true; k += 1; continue }
            if ThreatLexicon.determiners.contains(w) || w == "<user>" { k += 1; continue }
            return (k, w, personalA)
        }
        return nil
    }

    /// Laughter or a laughing emoji in the sentence.
    var laughing: Bool { hasLaughter }
}

/// What a word can mean to the rules, looked up once per word.
struct WordClass: OptionSet, Sendable {
    let rawValue: UInt16
    static let trigger = WordClass(rawValue: 1 << 0)
    static let sports = WordClass(rawValue: 1 << 1)
    static let gaming = WordClass(rawValue: 1 << 2)
    static let music = WordClass(rawValue: 1 << 3)
    static let fiction = WordClass(rawValue: 1 << 4)
    static let reporting = WordClass(rawValue: 1 << 5)
    static let protest = WordClass(rawValue: 1 << 6)
    static let crime = WordClass(rawValue: 1 << 7)
    static let person = WordClass(rawValue: 1 << 8)
}

/// Every word a rule can start from, for the fast path and typo correction.
enum ThreatIndex {
    static let classes: [String: WordClass] = {
        var m: [String: WordClass] = [:]
        func mark(_ words: Set<String>, _ c: WordClass) { for w in words { m[w, default: []].insert(c) } }
        mark(triggers, .trigger)
        mark(ClearingLexicon.sports, .sports)
        mark(ClearingLexicon.gaming, .gaming)
        mark(ClearingLexicon.music, .music)
        mark(ClearingLexicon.fiction, .fiction)
        mark(ClearingLexicon.reporting, .reporting)
        mark(ClearingLexicon.protestWords, .protest)
        mark(ClearingLexicon.crimeContext, .crime)
        mark(ThreatLexicon.humanNouns, .person)
        return m
    }()

    /// Words that can start a rule: verb forms, weapons, explosives, nominal calls, manners, doom and routine phrases.
    static let triggers: Set<String> = {
        var s = Set(VerbForms.table.keys)
        s.formUnion(ThreatLexicon.weapons)
        s.formUnion(ThreatLexicon.explosives)
        s.formUnion(ThreatLexicon.nominalCalls)
        s.formUnion(ThreatLexicon.ambiguousNominalCalls)
        s.formUnion(ThreatLexicon.accelerants)
        s.formUnion(ThreatLexicon.calibres)
        s.formUnion(["muerte", "death", "die", "morir", "morirse", "squad", "sanitario", "extinguirse", "dead", "muertos", "muerto", "propia"])
        for m in ThreatLexicon.violentManners.list { s.insert(m[m.count - 1]) }
        for d in ThreatLexicon.doomPhrases.list { s.insert(d[d.count - 1]) }
        for r in ThreatLexicon.routineKnowledge.list { s.insert(r[r.count - 1]) }
        for x in EllipticalCallRule.extinctionWishes.list { s.insert(x[x.count - 1]) }
        return s
    }()

    /// Typo-tolerant lookup for violent words of seven letters or more: a
    /// letter missing ("apualar"), one too many ("matarrlo") or two swapped
    /// ("apuñaalr" → "apunalar", "fireros" → "fierros"), found by shared
    /// one-letter deletions (SymSpell). A changed letter is not forgiven:
    /// "mamarla" is another word, not "matarla".
    static let deletions: [String: (word: String, position: Int)] = {
        var m: [String: (word: String, position: Int)] = [:]
        var core: [String] = ThreatLexicon.weapons.filter { $0.first?.isLetter == true }
        for v in ViolentActs.all where !v.english && v.need != .complement {
            core.append(v.lemma)
            core += VerbForms.personalClitics.map { v.lemma + $0 }
        }
        for w in core.sorted() where w.count >= 7 {
            m[w] = (w, -1)
            let chars = Array(w.utf8)
            for k in chars.indices {
                var d = chars; d.remove(at: k)
                let key = String(decoding: d, as: UTF8.self)
                if m[key] == nil { m[key] = (w, k) }
            }
        }
        return m
    }()

    static func corrected(_ word: String) -> String? {
        guard word.utf8.count >= 7, !triggers.contains(word), word.utf8.allSatisfy({ $0 >= 97 && $0 <= 122 }) else { return nil }
        if let hit = deletions[word], hit.position >= 0 { return hit.word }
        var chars = Array(word.utf8)
        for k in chars.indices {
            let removed = chars.remove(at: k)
            defer { chars.insert(removed, at: k) }
            guard let hit = deletions[String(decoding: chars, as: UTF8.self)] else { continue }
            if hit.position == -1 || abs(hit.position - k) == 1 { return hit.word }
        }
        return nil
    }
}
