/// The main rule: a violent verb, governed by a frame that makes it a call,
/// an order or the author's intent, aimed at a person or a place.
/// "hay que" / imperative / "vamos a" / "que los…" + violent act + target.
struct ActRule {
    let v: PostView

    /// Verbs whose clitic alone does not say it is a person ("eliminarlos" may be taxes).
    static let needAntecedent: Set<String> = [
        "eliminar", "desaparecer", "liquidar", "ejecutar", "violar", "castrar", "carnear", "borrar", "apedrear", "fumigar", "disparar",
        "execute", "hang", "shoot", "burn", "bomb", "nuke", "gas", "stone",
    ]
    /// Going somewhere to act: the purpose "a" + infinitive after these is a plan.
    static let goingTo: [String: FrameKind] = [
        "vamos": .collective, "vayamos": .collective, "salgamos": .collective, "vengan": .collective, "vamo": .collective, "voy": .intent,
        "vengo": .intent, "caigo": .intent, "salgo": .intent,
    ]
    /// Finite verbs after an infinitive that make it the subject of a statement.
    static let auxiliaries: Set<String> = [
        "hubiera", "hubiese", "habria", "es", "fue", "era", "seria", "no", "tampoco", "esta", "estaria", "seria", "is", "was", "would",
    ]
    /// With only "la" as their object these are idioms: "la vamos a reventar" (we will nail it).
    static let feminineIdiom: Set<String> = ["reventar", "romper", "hacer"]

    func run(into evidence: inout [Evidence], cleared: inout [ClearingReason]) {
        for i in v.words.indices {
            guard let entries = VerbForms.table[v.words[i]] else { continue }
            for entry in entries {
                let verb = ViolentActs.all[entry.verb]
                if let outcome = assess(i, entry, verb) {
                    switch outcome {
                    case .flag(let e): evidence.append(e)
                    case .clear(let r): cleared.append(r)
                    }
                    break
                }
            }
        }
    }

    enum Outcome { case flag(Evidence), clear(ClearingReason) }

    /// The mood once the written accent is read: "mató" is past, "matá" an order.
    func mood(_ entry: VerbFormEntry, at i: Int) -> Mood {
        guard v.tokens[i].stressed else { return entry.mood }
        switch entry.mood {
        case .present1s: return .preterite
        case .subjunctive3 where entry.enclitic == .none: return .preterite
        case .present3: return .imperative
        default: return entry.mood
        }
    }

    func assess(_ i: Int, _ entry: VerbFormEntry, _ verb: ViolentVerb) -> Outcome? {
        // "mate" is the drink unless a clitic says it is a verb: "que lo mate".
        if v.words[i] == "mate" && !(i > 0 && ["lo", "la", "los", "las", "le", "les", "te"].contains(v.words[i - 1])) { return nil }
        let mood = mood(entry, at: i)
        let s = v.sentence(of: i)
        // The complement that makes a verb violent ("pegar un tiro"), after it or fronted ("balas hay que darles").
        var end = i + 1
        var complement: String?
        guard let (frame, frameStart) = frame(for: i, mood: mood, entry: entry, verb: verb) else { return nil }
        if verb.need == .complement || !verb.complements.isEmpty {
            if let c = findComplement(after: i, verb, in: s) {
                complement = v.words[c]; end = c + 1
            } else if !verb.english, let c = (max(s.lowerBound, frameStart - 4)..<frameStart).first(where: { verb.complements.contains(v.words[$0]) }) {
                complement = v.words[c]
            }
            // "deserve to be beaten": the passive needs no "up".
            let passiveBeat = frame.kind == .passive && verb.lemma == "beat"
            if verb.need == .complement && complement == nil && !passiveBeat { return nil }
        }
        var head = v.head(after: end - 1)
        // "burn it down", "blow the place up": the object is a place whatever it is called.
        let downUp = verb.english && (verb.kind == .fire || verb.kind == .explode)
            && v.contains(["down", "up"], in: end..<min(s.upperBound, end + 4))
        if downUp, let h = head, !ClearingLexicon.protestObjects.contains(h.word) { head = nil }
        let hard = verb.kind == .shoot || verb.kind == .explode || ClearingRules.hardLemmas.contains(verb.lemma)
            || v.find(ThreatLexicon.violentManners, in: s) != nil
        var candidate = Candidate(act: i, end: end, frameStart: frameStart, frameWords: frame.words, hard: hard,
                                  soft: ClearingRules.softLemmas.contains(verb.lemma), head: head, figurativeObjects: verb.figurative,
                                  protestIdiomVerb: ClearingRules.protestIdiomVerbs.contains(verb.lemma))
        if verb.need == .complement && verb.kind != .fire, let h = head, !ClearingLexicon.protestObjects.contains(h.word) { candidate.head = nil }
        if let r = ClearingRules.reason(for: candidate, in: v) { return .clear(r) }

        // Who or what is attacked.
        let preverbal = preverbalClitic(before: i, frameStart: frameStart)
        let clitic = entry.enclitic == .personal ? entry.clitic : preverbal
        if entry.enclitic == .reflexive && entry.clitic == "me" || (clitic == nil && isSelf(before: i, frameStart: frameStart))
            || head.map({ ["me", "myself"].contains($0.word) }) == true {
            return .clear(.selfDirected)
        }
        // "vamos a matarnos estudiando": we, to ourselves.
        if clitic == "nos" && (frame.kind == .collective || frame.words.first == "tenemos") { return .clear(.selfDirected) }
        let antecedent = v.topics.person || v.context.person || v.context.crime || personalA(in: s, before: i)
        var person = false, place = downUp
        if frame.kind == .passive {
            // The target of a passive is its subject: "they should be shot", "los chorros deberían ser fusilados".
            let subject = (s.lowerBound..<i).reversed().first { ThreatLexicon.isPerson(v.words[$0])
                || ["they", "he", "she", "these", "those", "ellos", "estos", "esos", "esas", "estas"].contains(v.words[$0])
                || ClearingLexicon.abstractObjects.contains(v.words[$0]) }
            if let subject, ClearingLexicon.abstractObjects.contains(v.words[subject]) { return .clear(.abstractObject) }
            // Spanish drops the subject ("deberían ser fusilados"): a verb that is always violence needs none.
            guard subject != nil || antecedent || (verb.need == .none && !verb.english) else { return .clear(.noTarget) }
            person = true
        } else if let h = head, h.index < min(s.upperBound, end + 6) {
            if h.personalA && !verb.english && isPersonHead(h.word) && !ClearingLexicon.abstractObjects.contains(h.word) { person = true }
            else if ThreatLexicon.isPerson(h.word) { person = true }
            else if h.word == "todo", h.index + 1 < v.count, ["lo", "el", "este", "ese"].contains(v.words[h.index + 1]) {
                // "quemar todo lo que dijo": everything said, not a place.
                return .clear(.figurative)
            }
            else if ThreatLexicon.places.contains(h.word) || h.word == "todo" || h.word == "everything" { place = true }
            else if verb.kind == .fire || verb.kind == .explode, !verb.english || verb.need == .none { place = true }
            // English objects carry no personal "a": what one stabs or murders is someone.
            else if verb.english && verb.need == .none && !ClearingLexicon.abstractObjects.contains(h.word) { person = true }
        }
        // "que alguien le pegue un tiro a la inflación": the clitic doubles an abstract object, not a person.
        if let h = head, h.personalA, ClearingLexicon.abstractObjects.contains(h.word), h.index < min(s.upperBound, end + 6) {
            return .clear(.abstractObject)
        }
        // "shoot up the school": a place, not a drug.
        if verb.lemma == "shoot", end < s.upperBound, v.words[end] == "up", v.contains(ThreatLexicon.places, in: end..<min(s.upperBound, end + 4)) {
            place = true
        }
        if let clitic {
            let idiom = clitic == "la" && Self.feminineIdiom.contains(verb.lemma) && !person
            let needsMore = Self.needAntecedent.contains(verb.lemma) && !antecedent
            if !idiom && !needsMore { person = true }
        }
        if verb.english, let h = head, ThreatLexicon.englishPersonal.contains(h.word) { person = true }
        // "kill every last one of those …": everyone of a group, whatever it is called.
        if verb.english, Self.everyOne(after: i, in: v) { person = true }
        // "torch the police station": a place a word or two after the head.
        if verb.english, verb.kind == .fire || verb.kind == .explode, let h = head,
           v.contains(ThreatLexicon.places, in: h.index..<min(s.upperBound, h.index + 3)) { place = true }
        // "beat you to death", "blow them up": the person sits between the verb and its complement.
        if verb.english, ((i + 1)..<end).contains(where: { ThreatLexicon.isPerson(v.words[$0]) }) { person = true }
        switch verb.need {
        case .none:
            if !person && !place && frame.kind == .intent { return .clear(.noTarget) }
        case .target:
            if !person && !(place && verb.kind != .harm) { return .clear(.noTarget) }
        case .complement:
            break
        }
        let hypothetical = mood == .conditional || frame.words.first == "yo" || frame.words.starts(with: ["i", "would"])
            || frame.words.first == "i'd"
        if hypothetical && !(person && groupTarget(after: end, clitic: clitic)) { return nil }

        let timed = v.contains(ThreatLexicon.timeWords, in: s)
        var category = frame.kind.category
        if frame.kind == .intent {
            if clitic == "te" || person { category = .threatToPerson }
            else { category = .threatToPlace }
            if (place || verb.kind == .explode) && !(clitic != nil && person) { category = .threatToPlace }
            // "voy a ir a la estación a disparar a todos": everyone at a place.
            let everyone = head.map { ["todos", "todas", "everyone", "everybody"].contains($0.word) } ?? false
            if everyone && clitic == nil && v.contains(ThreatLexicon.places, in: s) { category = .threatToPlace }
        }
        let base: Double = frame.kind == .intent ? 0.7 : frame.kind == .passive ? 0.75 : 0.8
        let score = min(0.99, base + (timed ? 0.1 : 0) + (hard ? 0.1 : 0))
        var phrases = [frame.words.joined(separator: " ")].filter { !$0.isEmpty }
        phrases.append(complement.map { v.words[i] + " … " + $0 } ?? v.words[i])
        if let h = head, person || place, h.index < min(s.upperBound, end + 6) {
            phrases.append((h.personalA ? "a " : "") + h.word)
        }
        let target = person ? "person" : place ? "place" : "act"
        return .flag(Evidence(category: category, score: score, phrases: phrases,
                              rule: "\(frame.kind.rawValue): \(frame.words.joined(separator: " ")) + violent act + \(target)"))
    }

    func findComplement(after i: Int, _ verb: ViolentVerb, in s: Range<Int>) -> Int? {
        var k = i + 1, skipped = 0
        while k < s.upperBound, skipped <= (verb.english ? 4 : 3) {
            let w = v.words[k]
            if verb.complements.contains(w) { return k }
            guard verb.english || ThreatLexicon.determiners.contains(w) || VerbForms.personalClitics.contains(w) else { return nil }
            k += 1; skipped += 1
        }
        return nil
    }

    /// The nearest frame before the act in its sentence that governs its mood.
    func frame(for i: Int, mood: Mood, entry: VerbFormEntry, verb: ViolentVerb) -> (Frame, Int)? {
        let s = v.sentence(of: i)
        if let own = ownFrame(i, mood: mood, entry: entry, verb: verb) { return own }
        var k = i - 1
        while k >= s.lowerBound, i - k <= 12 {
            defer { k -= 1 }
            if let frames = CallFrames.byLastWord[v.words[k]] {
                for f in frames where f.moods.contains(mood) {
                    let start = k - f.words.count + 1
                    guard start >= s.lowerBound, v.matches(f.words, at: start) else { continue }
                    if f.adjacentOnly && k != i - 1 { continue }
                    if f.words == ["que"] || f.words == ["q"] {
                        // "que los maten", "que le peguen un tiro": the act follows closely.
                        guard i - k <= 4 else { continue }
                        let demand = (s.lowerBound..<start).contains { CallFrames.demandVerbs.contains(v.words[$0]) }
                        guard startsClause(start) || demand else { continue }
                    } else if f.clauseStartOnly && !startsClause(start) {
                        continue
                    }
                    return (f, start)
                }
            }
            // "vamos todos al Congreso a reventar…", "voy con mi primo a la escuela a…": going somewhere to do it.
            if k == i - 1, v.words[k] == "a", mood == .infinitive,
               let go = (s.lowerBound..<k).first(where: { Self.goingTo[v.words[$0]] != nil }) {
                return (Frame(words: [v.words[go], "…", "a"], kind: Self.goingTo[v.words[go]] ?? .collective, moods: [mood]), go)
            }
            // A relative or a subordinate clause in between: the frame does not reach the act.
            if CallFrames.blockers.contains(v.words[k]) { return nil }
        }
        return nil
    }

    /// Moods that are a frame by themselves: an order, a future, a present with a time.
    func ownFrame(_ i: Int, mood: Mood, entry: VerbFormEntry, verb: ViolentVerb) -> (Frame, Int)? {
        let s = v.sentence(of: i)
        let opener = startsClause(i) || (i > s.lowerBound && startsClause(i - 1) && ["los", "lo", "la", "las", "le", "les", "te"].contains(v.words[i - 1]))
        switch mood {
        case .imperative where opener && (entry.enclitic == .personal || v.tokens[i].stressed):
            return (Frame(words: [], kind: .imperative, moods: [mood]), i)
        case .subjunctive3 where opener && (entry.enclitic == .personal || v.words[i].hasSuffix("n") || verb.need == .none):
            return (Frame(words: [], kind: .imperative, moods: [mood]), i)
        case .subjunctive1p where opener:
            return (Frame(words: [], kind: .collective, moods: [mood]), i)
        case .base where verb.english && opener && !subjectBefore(i):
            // An order needs someone to aim at ("kill them all"); a title ("Rape Victimization in…") is not one.
            // "burn down their mosques", "blow up the building": past the particle.
            if Self.everyOne(after: i, in: v) { return (Frame(words: [], kind: .imperative, moods: [mood]), i) }
            guard var h = v.head(after: i) else { return nil }
            if ["down", "up"].contains(h.word), let next = v.head(after: h.index) { h = next }
            let fire = verb.kind == .fire || verb.kind == .explode
            guard ThreatLexicon.isPerson(h.word) || ["every", "me", "myself"].contains(h.word)
                || ClearingLexicon.abstractObjects.contains(h.word)
                || (fire && v.contains(ThreatLexicon.places, in: h.index..<min(s.upperBound, h.index + 3))) else { return nil }
            return (Frame(words: [], kind: .imperative, moods: [mood]), i)
        case .infinitive where entry.enclitic == .personal && startsClause(i) && (verb.need != .complement || true):
            // "Fusilarlos.", "Matarlos a todos": the infinitive as an order, in a short sentence or with an endorsement.
            let endorsed = v.find(CallFrames.endorsements, in: s) != nil
            guard s.count <= 8 || endorsed else { return nil }
            // "Lincharla hubiera sido…", "matarlos es un delito": a subject, not an order.
            if i + 1 < s.upperBound, Self.auxiliaries.contains(v.words[i + 1]), !endorsed { return nil }
            return (Frame(words: [], kind: .imperative, moods: [mood]), i)
        case .future1s:
            return (Frame(words: [], kind: .intent, moods: [mood]), i)
        case .future1p:
            return (Frame(words: [], kind: .collective, moods: [mood]), i)
        case .present1s, .present1p:
            guard preverbalClitic(before: i, frameStart: i) != nil else { return nil }
            let timed = v.contains(ThreatLexicon.timeWords, in: s)
            let conditional = v.contains(ClearingRules.conditionals, in: s)
            let chained = i >= 2 && (v.words[i - 2] == "y" || ["voy", "vamos"].contains(v.words[i - 2]))
            guard timed || conditional || chained else { return nil }
            return (Frame(words: [], kind: mood == .present1s ? .intent : .collective, moods: [mood]), i)
        case .gerund:
            guard let e = v.find(CallFrames.endorsements + CallFrames.approvals, in: s) else { return nil }
            return (Frame(words: e.words, kind: .endorsement, moods: [mood]), e.at)
        default:
            return nil
        }
    }

    /// At the start of a clause, or after "dale", "y", "che", a mention; or
    /// after "and" / "y" when no subject came first ("round them up and shoot them").
    func startsClause(_ i: Int) -> Bool {
        if i > 0, !subjectBefore(i), ["and", "then"].contains(v.words[i - 1])
            || (["y", "e"].contains(v.words[i - 1]) && VerbForms.table[v.words[i]]?.contains(where: { $0.enclitic == .personal }) == true) {
            return true
        }
        var k = i
        while k > 0, !v.tokens[k].clauseStart, CallFrames.orderOpeners.contains(v.words[k - 1]) { k -= 1 }
        return v.tokens[k].clauseStart
    }

    func subjectBefore(_ i: Int) -> Bool {
        (v.sentence(of: i).lowerBound..<i).contains { CallFrames.englishSubjects.contains(v.words[$0]) }
    }

    /// A clitic right before the act or the frame: "que los maten", "lo voy a matar", "te voy a".
    func preverbalClitic(before i: Int, frameStart: Int) -> String? {
        for k in [i - 1, frameStart - 1, frameStart] where k >= 0 && k < i {
            let w = v.words[k]
            if ["lo", "la", "los", "las", "le", "les", "te"].contains(w) { return w }
        }
        return nil
    }

    func isSelf(before i: Int, frameStart: Int) -> Bool {
        [i - 1, frameStart - 1].contains { $0 >= 0 && $0 < i && v.words[$0] == "me" }
    }

    static let everyOnePhrases: Phrases = [
        ["every", "single", "one"], ["every", "last", "one"], ["each", "and", "every"], ["all", "of", "them"], ["all", "of", "those"],
        ["all", "of", "these"], ["every", "one", "of"],
    ]
    /// "every last one of", "all of those" right after the act.
    static func everyOne(after i: Int, in v: PostView) -> Bool {
        v.find(everyOnePhrases, in: (i + 1)..<min(v.count, i + 3)) != nil
    }

    /// "al juez", "a los chorros" anywhere before the act in its sentence.
    func personalA(in s: Range<Int>, before i: Int) -> Bool {
        (s.lowerBound..<i).contains { k in
            guard v.words[k] == "a" || v.words[k] == "al", let h = v.head(from: k, in: s), h.index < i else { return false }
            return isPersonHead(h.word)
        }
    }

    /// A noun after a personal "a" that can be a person: not a place, a time, a number or a verb.
    func isPersonHead(_ w: String) -> Bool {
        if ThreatLexicon.isPerson(w) { return true }
        if ThreatLexicon.places.contains(w) || ThreatLexicon.timeWords.contains(w) || VerbForms.table[w] != nil { return false }
        if w.first.map({ $0.isNumber || $0 == "<" }) == true { return false }
        return !(w.hasSuffix("ar") || w.hasSuffix("er") || w.hasSuffix("ir"))
    }

    /// "a todos", "los … a todos", a plural group: what a conditional ("los mataría") needs.
    func groupTarget(after end: Int, clitic: String?) -> Bool {
        let s = v.sentence(of: max(0, end - 1))
        return v.contains(["todos", "todas", "all", "every", "everyone"], in: end..<min(s.upperBound, end + 4))
            || clitic == "los" || clitic == "las" || clitic == "les"
    }
}
