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

    struct Topics: Sendable {
        var sports = false, gaming = false, music = false, fiction = false, reporting = false, protest = false
        var crime = false, person = false

        init() {}

        init(words: [String], tokens: [Token]) {
            for (i, w) in words.enumerated() {
                // "La Boca" is a barrio, "Boca" a team.
                if ClearingLexicon.sports.contains(w), !(w == "boca" && i > 0 && words[i - 1] == "la") { sports = true }
                if ClearingLexicon.gaming.contains(w) { gaming = true }
                if ClearingLexicon.music.contains(w) { music = true }
                if ClearingLexicon.fiction.contains(w) { fiction = true }
                if ClearingLexicon.reporting.contains(w) { reporting = true }
                if ClearingLexicon.protestWords.contains(w) || tokens[i].hashtag { protest = true }
                if ClearingLexicon.crimeContext.contains(w) { crime = true }
                if ThreatLexicon.humanNouns.contains(w) || ThreatLexicon.looksLikeGroup(w) { person = true }
            }
        }
    }

    init(text: String, inReplyTo: String?) {
        let post = Tokenizer.tokenize(text)
        tokens = post.tokens
        words = post.tokens.map { tok -> String in
            guard !tok.quoted else { return tok.text }
            return ThreatIndex.corrected(tok.text) ?? tok.text
        }
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
        topics = Topics(words: words, tokens: tokens)
        if let inReplyTo, !inReplyTo.isEmpty {
            let c = Tokenizer.tokenize(inReplyTo)
            context = Topics(words: c.tokens.map(\.text), tokens: c.tokens)
        } else {
            context = Topics()
        }
    }

    var count: Int { words.count }

    func sentence(of i: Int) -> Range<Int> { sentences[sentenceOf[i]] }

    func matches(_ seq: [String], at i: Int) -> Bool {
        guard i >= 0, i + seq.count <= words.count else { return false }
        for (k, w) in seq.enumerated() where words[i + k] != w { return false }
        return true
    }

    /// The first of `seqs` found in `range`, with where it starts.
    func find(_ seqs: [[String]], in range: Range<Int>) -> (at: Int, words: [String])? {
        let r = max(0, range.lowerBound)..<min(words.count, range.upperBound)
        for i in r { for s in seqs where matches(s, at: i) { return (i, s) } }
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

/// Every word a rule can start from, for the fast path and typo correction.
enum ThreatIndex {
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
        for m in ThreatLexicon.violentManners { s.insert(m[m.count - 1]) }
        for d in ThreatLexicon.doomPhrases { s.insert(d[d.count - 1]) }
        for r in ThreatLexicon.routineKnowledge { s.insert(r[r.count - 1]) }
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
