import VigiaCore

/// What the classifier decided about one post, and why.
public struct ThreatAssessment: Sendable, Equatable {
    public var flagged: Bool
    public var category: ThreatCategory?
    /// 0…1: how much evidence the rule that fired had.
    public var score: Double
    /// The words that caused the decision (folded), for the reviewer.
    public var phrases: [String]
    /// When not flagged although violent words were present: why (e.g. "quoted", "negated", "sports").
    public var cleared: [String]
}

/// A transparent rule classifier for threats of violence (safeguard 6: it can
/// flag nothing else). A post is flagged when the author states an intent
/// (first person future or imperative, a collective call, or a second-person
/// death threat) to commit a violent act against a target (a person, a place,
/// a group), or asserts an explosive is placed, or has a weapon with intent.
/// Quoted words, negated intent, sports, games, songs, news, abstract objects
/// ("matar a la inflación") and laughing banter ("te mato si no venís jaja")
/// are cleared. No word list about politics, protest or officials exists here.
public struct ThreatClassifier: Sendable {
    public init() {}

    public func assess(_ text: String) -> ThreatAssessment {
        let post = Tokenizer.tokenize(text)
        let t = post.tokens
        let words = t.map { tok -> String in
            guard !tok.quoted else { return "" }
            if ThreatLexicon.forms[tok.text] != nil || ThreatLexicon.weapons.contains(tok.text) { return tok.text }
            return ThreatLexicon.corrected(tok.text) ?? tok.text
        }
        var cleared: [String] = []
        if t.contains(where: { $0.quoted && ThreatLexicon.forms[$0.text] != nil }) { cleared.append("quoted") }

        let hard = words.contains { ThreatLexicon.hardTerms.contains($0) }
        // "La Boca" is a barrio, "Boca" a team.
        let sports = words.indices.contains { ThreatLexicon.sports.contains(words[$0]) && !(words[$0] == "boca" && $0 > 0 && words[$0 - 1] == "la") }
        let gaming = words.contains { ThreatLexicon.gaming.contains($0) }
        let music = post.hasMusic || words.contains { ThreatLexicon.music.contains($0) }
        let news = words.contains { ThreatLexicon.news.contains($0) }
        let hasTime = words.contains { ThreatLexicon.timeWords.contains($0) } || words.contains { $0.hasSuffix("hs") && $0.first?.isNumber == true }
        // Contexts that excuse violent words (a hard term like "tiros" or "bomba" is never excused by sports or games).
        var excuse: String?
        if music { excuse = "song" } else if gaming && !hard { excuse = "game" } else if sports && !hard { excuse = "sports" } else if news { excuse = "news" }

        func matches(_ seq: [String], at i: Int) -> Bool {
            guard i >= 0, i + seq.count <= words.count else { return false }
            for (k, w) in seq.enumerated() where words[i + k] != w { return false }
            return true
        }
        func find(_ seqs: [[String]], in range: Range<Int>) -> (Int, [String])? {
            for i in range { for s in seqs where matches(s, at: i) { return (i, s) } }
            return nil
        }
        func clauseStart(before i: Int) -> Int {
            var k = i
            while k > 0, !t[k].clauseStart, i - k < 10 { k -= 1 }
            return k
        }
        func negated(_ range: Range<Int>) -> Bool {
            range.contains { ThreatLexicon.negators.contains(words[$0]) }
        }

        var evidence: [(category: ThreatCategory, score: Double, phrases: [String])] = []
        let collective = find(ThreatLexicon.collectiveMarkers, in: 0..<words.count)

        // Violent acts with intent.
        for i in words.indices {
            guard let act = ThreatLexicon.forms[words[i]] else { continue }
            var end = i + 1
            if !act.complements.isEmpty {
                guard let c = act.complements.first(where: { matches($0, at: i + 1) }) else { continue }
                end += c.count
            }
            let phrase = words[i..<end].joined(separator: " ")
            let from = clauseStart(before: i)
            var intent = find(ThreatLexicon.intentMarkers, in: from..<i).flatMap { (at, seq) -> (Int, [String])? in
                ThreatLexicon.clauseStartOnly.contains(seq[0]) && !t[at].clauseStart ? nil : (at, seq)
            }
            if intent == nil, ThreatLexicon.isPresentOrFuture(words[i], act), hasTime { intent = (i, [words[i]]) }
            let group = collective != nil
            guard intent != nil || group else { continue }
            let intentStart = min(intent?.0 ?? i, collective?.0 ?? i)
            if negated(max(0, intentStart - 3)..<i) { cleared.append("negated"); continue }
            // What is attacked.
            let after = Array(words[end..<min(words.count, end + 7)])
            if let first = after.first(where: { !["a", "al", "la", "el", "the", "de"].contains($0) }), ThreatLexicon.abstractObjects.contains(first),
               act.kind == .harm || first != "it" {
                cleared.append("abstract object"); continue
            }
            let clitic = ThreatLexicon.clitics.contains { words[i].hasSuffix($0) && words[i] != act.lemma && words[i].count > act.lemma.count }
                || (from..<i).contains { ["te", "lo", "le", "la", "los", "les"].contains(words[$0]) }
            let personAfter = after.prefix(3).contains { ["a", "al", "you", "him", "her", "them", "my", "that", "vos", "ti"].contains($0) }
            let place = words.contains { ThreatLexicon.places.contains($0) }
            let everyone = after.contains { ["todos", "everyone", "everybody", "todo"].contains($0) }
            if let excuse { cleared.append(excuse); continue }
            // Banter: laughing, with a trivial condition or only a present-tense "te mato".
            let conditional = words.contains { $0 == "si" || $0 == "if" }
            if post.hasLaughter && (conditional || intent?.0 == i) && !hard { cleared.append("banter"); continue }
            let detail = (hasTime ? 0.1 : 0) + (hard ? 0.1 : 0)
            let marker = intent.map { $0.1.joined(separator: " ") }
            if group, let c = collective {
                evidence.append((.incitement, 0.8 + detail, [c.1.joined(separator: " "), phrase]))
            } else if place && (act.kind != .harm || everyone) && !(clitic && !everyone) {
                evidence.append((.threatToPlace, 0.75 + detail, [marker, phrase].compactMap { $0 }))
            } else if clitic || personAfter {
                evidence.append((.threatToPerson, 0.7 + detail, [marker, phrase].compactMap { $0 }))
            } else if act.kind == .explode {
                evidence.append((.threatToPlace, 0.65 + detail, [marker, phrase].compactMap { $0 }))
            }
        }

        // An explosive said to be placed or about to go off.
        if let e = words.firstIndex(where: { ThreatLexicon.explosives.contains($0) || $0 == "vuela" }),
           let a = find(ThreatLexicon.explosiveAssertions, in: max(0, e - 4)..<min(words.count, e + 8)) {
            if negated(max(0, min(a.0, e) - 3)..<max(a.0, e)) { cleared.append("negated") }
            else if news || music { cleared.append(news ? "news" : "song") }
            else { evidence.append((.threatToPlace, 0.85, [a.1.joined(separator: " "), words[e]])) }
        }

        // Second-person death threats and intimidation.
        if let d = find(ThreatLexicon.doomPhrases, in: 0..<words.count) {
            let intimidation = find(ThreatLexicon.intimidation, in: 0..<words.count)
            let strong = d.1 != ["watch", "your", "back"] || intimidation != nil
            if negated(max(0, d.0 - 2)..<d.0) { cleared.append("negated") }
            else if let excuse { cleared.append(excuse) }
            else if post.hasLaughter { cleared.append("banter") }
            else if strong { evidence.append((.threatToPerson, 0.75 + (intimidation != nil ? 0.15 : 0), [d.1.joined(separator: " ")] + (intimidation.map { [$0.1.joined(separator: " ")] } ?? []))) }
        }

        // A weapon with intent: having it, carrying it, using it on someone.
        for i in words.indices {
            let weapon = ThreatLexicon.weapons.contains(words[i]) || (ThreatLexicon.calibres.contains(words[i]) && i > 0 && words[i - 1] == "la")
            guard weapon else { continue }
            let window = max(0, i - 4)..<min(words.count, i + 6)
            guard let verb = window.first(where: { ThreatLexicon.weaponIntent.contains(words[$0]) }) else { continue }
            if negated(max(0, min(verb, i) - 3)..<max(verb, i)) { cleared.append("negated"); continue }
            if let excuse { cleared.append(excuse); continue }
            let target = words[(i + 1)..<min(words.count, i + 10)].contains { ["para", "con", "on", "a", "al", "to", "whoever", "el", "que"].contains($0) }
            guard target || hasTime else { continue }
            let phrase = (i > 0 && words[i - 1] == "la" ? "la " : "") + words[i]
            evidence.append((.weaponWithIntent, 0.8 + (hasTime ? 0.1 : 0), [words[verb], phrase]))
        }

        guard !evidence.isEmpty else {
            return ThreatAssessment(flagged: false, category: nil, score: 0, phrases: [], cleared: Array(Set(cleared)).sorted())
        }
        // Precedence: a call to others, then a weapon, then a place, then a person.
        let order: [ThreatCategory] = [.incitement, .weaponWithIntent, .threatToPlace, .threatToPerson]
        let category = order.first { c in evidence.contains { $0.category == c } }!
        let chosen = evidence.filter { $0.category == category }
        var phrases: [String] = []
        for e in evidence { for p in e.phrases where !p.isEmpty && !phrases.contains(p) { phrases.append(p) } }
        return ThreatAssessment(flagged: true, category: category, score: min(0.99, chosen.map(\.score).max()!), phrases: phrases, cleared: [])
    }
}
