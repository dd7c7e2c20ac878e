/// Calls without a violent verb: a violent manner with a frame ("a riflazos
/// hay que sacarlos"), an elliptical nominal call that is the whole sentence
/// ("Bala.", "Paredón y bala", "Balas para todos", "Guillotina!"), a death
/// demand ("tienen que morir", "they should all die"), and fuel with a flame
/// ("nafta y un fósforo").
struct EllipticalCallRule {
    let v: PostView

    static let deathFrames: Phrases = [
        ["tienen", "que", "morir"], ["tienen", "que", "morirse"], ["deben", "morir"], ["merecen", "morir"], ["deberian", "morir"],
        ["merecen", "la", "muerte"], ["should", "die"], ["must", "die"], ["need", "to", "die"], ["needs", "to", "die"], ["deserve", "to", "die"],
        ["deserves", "to", "die"], ["have", "to", "die"], ["has", "to", "die"], ["should", "all", "die"], ["must", "all", "die"],
        ["deserve", "death"], ["deserves", "death"], ["should", "be", "dead"], ["need", "to", "be", "dead"], ["needs", "to", "be", "dead"],
        ["deben", "extinguirse"], ["tienen", "que", "extinguirse"], ["deberian", "extinguirse"], ["merecen", "morirse"],
    ]
    /// Frames that make a violent manner a call wherever they stand in its sentence.
    static let mannerFrames = CallFrames.all.filter {
        $0.kind != .passive && !$0.adjacentOnly && !$0.clauseStartOnly && !["yo", "a", "que", "q", "si"].contains($0.words[0])
    }
    static let mannerFramePhrases = Phrases(mannerFrames.map(\.words))
    static let mannerFrameKinds: [[String]: FrameKind] = Dictionary(mannerFrames.map { ($0.words, $0.kind) }, uniquingKeysWith: { a, _ in a })
    /// One-word calls and intents around a manner: "vamos todos … a cagar a tiros", "alguien … lo cague a palos".
    static let mannerMarkers: [String: FrameKind] = [
        "tiene": .call, "tienen": .call, "tendria": .call, "tendrian": .call, "deberia": .call, "debe": .call,
        "vamos": .collective, "vayamos": .collective, "alguien": .call, "deberiamos": .call, "debemos": .call, "deberian": .call,
        "queremos": .call, "quiero": .intent, "pienso": .intent, "voy": .intent, "someone": .call, "somebody": .call, "let's": .collective,
    ]
    /// Wanting people dead, said with the clitic that names them: "los quiero ver muertos", "I want them dead".
    static let deadWishes: Phrases = [
        ["quiero", "verlos", "muertos"], ["los", "quiero", "ver", "muertos"], ["los", "quiero", "muertos"], ["lo", "quiero", "muerto"],
        ["quiero", "verlo", "muerto"], ["los", "quiero", "ver", "colgados"], ["want", "them", "dead"], ["want", "them", "all", "dead"],
        ["want", "him", "dead"], ["want", "her", "dead"], ["los", "queremos", "muertos"], ["deberian", "estar", "muertos"],
    ]
    /// "qué plomo", "es un plomo": a bore, not lead; "alto el fuego", "qué tiro" (a shot at goal).
    static let nominalBlockers: [String: Set<String>] = [
        "plomo": ["que", "q", "un", "muy", "como", "tan", "re", "medio", "sos"],
        "fuego": ["que", "q", "alto", "de", "al", "el"], "tiro": ["que", "q", "al", "el", "de", "primer"],
        "soga": ["la", "que"], "lead": ["the", "a", "to"], "rope": ["a", "jump"],
    ]

    func run(into evidence: inout [Evidence], cleared: inout [ClearingReason]) {
        manners(into: &evidence, cleared: &cleared)
        for s in v.sentences {
            let before = evidence.count + cleared.count
            nominal(in: s, into: &evidence, cleared: &cleared)
            // "Ni juicio ni nada, paredón": the last clause alone.
            guard evidence.count + cleared.count == before,
                  let last = s.dropFirst().last(where: { v.tokens[$0].clauseStart }), !v.contains(["con", "with"], in: last..<s.upperBound) else { continue }
            nominal(in: last..<s.upperBound, into: &evidence, cleared: &cleared)
        }
        death(into: &evidence, cleared: &cleared)
        extinction(into: &evidence, cleared: &cleared)
        accelerant(into: &evidence, cleared: &cleared)
    }

    func record(_ c: Candidate, _ e: Evidence, into evidence: inout [Evidence], cleared: inout [ClearingReason]) {
        if let r = ClearingRules.reason(for: c, in: v) { cleared.append(r) } else { evidence.append(e) }
    }

    /// "hay que sacarlos a los tiros", "a riflazos hay que sacarlos", "solo entienden a balazos".
    func manners(into evidence: inout [Evidence], cleared: inout [ClearingReason]) {
        var i = 0
        while i < v.count {
            guard let m = ThreatLexicon.violentManners.match(at: i, in: v.words) else { i += 1; continue }
            defer { i += m.count }
            let s = v.sentence(of: i)
            var found: (Int, [String], FrameKind)?
            for k in s where k < i || k >= i + m.count {
                if let f = Self.mannerFramePhrases.match(at: k, in: v.words) { found = (k, f, Self.mannerFrameKinds[f] ?? .call); break }
                if let kind = Self.mannerMarkers[v.words[k]] { found = (k, [v.words[k]], kind); break }
                if let e = CallFrames.endorsements.match(at: k, in: v.words) { found = (k, e, .endorsement); break }
                if (v.words[k] == "que" || v.words[k] == "q"), k + 1 < s.upperBound, ActRule(v: v).startsClause(k),
                   ["los", "lo", "la", "las", "le", "les"].contains(v.words[k + 1]) {
                    found = (k, [v.words[k], v.words[k + 1]], .call); break
                }
            }
            // "si lo agarro lo cago a palos", "mañana los recibo a los tiros": a clitic and a first-person verb, with a condition or a time.
            if found == nil, let k = (max(s.lowerBound, i - 3)..<i).first(where: { k in
                k + 1 < i && ["lo", "la", "los", "las", "le", "les", "te"].contains(v.words[k])
                    && (v.words[k + 1].hasSuffix("o") || v.words[k + 1].hasSuffix("amos")) && v.words[k + 1].count > 3
            }), v.words[k + 1].hasSuffix("amos") || v.contains(ClearingRules.conditionals, in: s) || v.contains(ThreatLexicon.timeWords, in: s) {
                found = (k, [v.words[k], v.words[k + 1]], v.words[k + 1].hasSuffix("amos") ? .collective : .intent)
            }
            // "Put them all in front of a firing squad", "send them to the gas chambers": an order to do it to them.
            if found == nil, let first = s.first, s.count > 2, ThreatLexicon.englishPersonal.contains(v.words[first + 1]),
               !CallFrames.englishSubjects.contains(v.words[first]), v.words[first].allSatisfy({ $0.isASCII }) {
                found = (first, [v.words[first], v.words[first + 1]], .imperative)
            }
            // "que salgan en bolsa": a demand anywhere before the manner in its sentence.
            if found == nil, let q = (s.lowerBound..<i).first(where: { ["que", "q"].contains(v.words[$0]) && ActRule(v: v).startsClause($0) }) {
                found = (q, [v.words[q]], .call)
            }
            // "A los tiros.", "Desalojo a palos ya": a violent manner that is the whole short sentence, with no past tense.
            if found == nil, s.count <= 6, !s.contains(where: { k in Self.pastTense(k, in: v) }) {
                found = (i, [], .call)
            }
            guard let (at, words, kind) = found else { continue }
            let c = Candidate(act: i, end: i + m.count, frameStart: at, frameWords: words, hard: true, soft: false, head: nil)
            let e = Evidence(category: kind.category, score: 0.85, phrases: [words.joined(separator: " "), m.joined(separator: " ")],
                             rule: "\(kind.rawValue): \(words.joined(separator: " ")) + violent manner")
            record(c, e, into: &evidence, cleared: &cleared)
        }
    }

    /// A sentence made only of violent nouns, targets and filler: "Bala.", "Soga y plomo", "A los chorros, bala".
    func nominal(in s: Range<Int>, into evidence: inout [Evidence], cleared: inout [ClearingReason]) {
        var nouns: [Int] = [], ambiguous = 0, target = false, endorsement = false
        let words = s.filter { !isLaughter(v.words[$0]) }
        guard !words.isEmpty, words.count <= 14 else { return }
        if let e = v.find(CallFrames.endorsements, in: s) { endorsement = true; _ = e }
        // After "a", "para", "contra" a few words name who: "fuego a la toma", "bala al que roba".
        var slack = 0, aimed = 0
        for k in words {
            let w = v.words[k]
            if ["a", "al", "para", "contra", "to", "for"].contains(w) { slack = 3; continue }
            // "un tiro en la nuca", "balazo entre los ojos": where it lands, right after the noun.
            if !nouns.isEmpty, ["en", "entre", "in", "between"].contains(w),
               (k + 1..<min(k + 3, s.upperBound)).contains(where: { ThreatLexicon.bodyParts.contains(v.words[$0]) }) {
                aimed = k; continue
            }
            if aimed > 0, k - aimed <= 2, ThreatLexicon.bodyParts.contains(w) || ["la", "las", "los", "el", "the", "his", "her"].contains(w) { continue }
            let previous = k > s.lowerBound ? v.words[k - 1] : ""
            let compound = (w == "sanitario" && previous == "rifle") || (w == "squad" && previous == "firing")
            if ThreatLexicon.nominalCalls.contains(w) || compound {
                // "es una bala" (fast), not a call.
                let before = k - 2 >= s.lowerBound ? v.words[k - 2] : ""
                if previous == "una", ["es", "sos", "son", "como", "era", "fue", "re"].contains(before) { return }
                nouns.append(k)
            } else if ThreatLexicon.ambiguousNominalCalls.contains(w) || w == "muerte" || w == "death" {
                if Self.nominalBlockers[w]?.contains(previous) == true { return }
                if (w == "muerte" || w == "death") && !(k + 1 < s.upperBound && ["a", "al", "para", "to"].contains(v.words[k + 1])) { return }
                nouns.append(k); ambiguous += 1
            } else if ThreatLexicon.isPerson(w) || ThreatLexicon.spanishPersonalPronouns.contains(w) {
                target = true
            } else if ThreatLexicon.ellipticalFillers.contains(w) || insults.contains(w) {
                continue
            } else if endorsement && CallFrames.endorsements.mentions(w) {
                continue
            } else if slack > 0 && VerbForms.table[w] == nil {
                slack -= 1; target = true
            } else {
                return
            }
        }
        guard !nouns.isEmpty else { return }
        let plain = nouns.count - ambiguous + (aimed > 0 ? 1 : 0)
        // "plomo", "soga", "tiro" alone are calls only with company, a target, an endorsement or a crime they answer.
        guard plain > 0 || nouns.count >= 2 || target || endorsement || v.context.crime else { return }
        // Weapon emoji alone ("💣💣") need a target or a crime they answer: repeating them is not company.
        if nouns.allSatisfy({ ThreatLexicon.weaponEmoji.contains(v.words[$0]) }) && !(target || endorsement || v.context.crime) { return }
        let first = nouns[0]
        if first > s.lowerBound, ThreatLexicon.negators.contains(v.words[first - 1]) { cleared.append(.negated); return }
        let c = Candidate(act: first, end: first + 1, frameStart: nil, hard: false, soft: true, head: nil)
        if (v.context.sports || v.context.gaming || v.context.music) && !v.context.crime {
            cleared.append(v.context.sports ? .sports : v.context.gaming ? .game : .song); return
        }
        let phrases = nouns.map { v.words[$0] }
        let e = Evidence(category: .incitement, score: 0.75 + (target ? 0.1 : 0) + (v.context.crime ? 0.05 : 0), phrases: phrases,
                         rule: "elliptical call: violent noun as the whole sentence" + (target ? " + target" : ""))
        record(c, e, into: &evidence, cleared: &cleared)
    }

    /// Wishing a group out of existence: "que deje de existir esa gente", "wipe them off the face of the earth".
    static let extinctionWishes: Phrases = [
        ["que", "no", "exista"], ["que", "no", "existan"], ["que", "dejen", "de", "existir"], ["que", "deje", "de", "existir"],
        ["wipe", "them", "off", "the", "face"], ["wiped", "off", "the", "face"], ["shouldn't", "exist"], ["should", "not", "exist"],
    ]
    /// Who an extinction wish must name to be one: criminals, insults and the groups hate speech names, not "pibes con hambre".
    static let hatedGroups: Set<String> = [
        "chinos", "bolivianos", "bolitas", "paraguayos", "paraguas", "peruanos", "venezolanos", "judios", "musulmanes", "gitanos", "gays",
        "putos", "travas", "trolos", "inmigrantes", "extranjeros", "villeros", "negros", "okupas", "usurpadores", "escoria", "parasitos",
        "lacras", "kukas", "peronchos", "zurdos", "gorilas", "jews", "muslims", "immigrants", "blacks", "mexicans", "illegals",
    ]

    /// A group wished out of existence, named in the same sentence.
    func extinction(into evidence: inout [Evidence], cleared: inout [ClearingReason]) {
        guard let d = v.find(Self.extinctionWishes, in: 0..<v.count) else { return }
        let s = v.sentence(of: d.at)
        guard let t = s.first(where: { k in
            let w = v.words[k]
            return Self.hatedGroups.contains(w) || ClearingLexicon.crimeContext.contains(w) || insults.contains(w)
        }) else { return }
        let c = Candidate(act: d.at, end: d.at + d.words.count, frameStart: d.at, frameWords: d.words, hard: false, soft: true, head: nil)
        let e = Evidence(category: .incitement, score: 0.75, phrases: [d.words.joined(separator: " "), v.words[t]],
                         rule: "extinction wish: \(d.words.joined(separator: " ")) + group")
        record(c, e, into: &evidence, cleared: &cleared)
    }

    /// "los chorros tienen que morir", "they should all die", "merecen la muerte".
    func death(into evidence: inout [Evidence], cleared: inout [ClearingReason]) {
        let wish = v.find(Self.deadWishes, in: 0..<v.count)
        guard let d = wish ?? v.find(Self.deathFrames, in: 0..<v.count) else { return }
        let s = v.sentence(of: d.at)
        let subject = wish != nil || (s.lowerBound..<d.at).contains {
            ThreatLexicon.isPerson(v.words[$0]) || ["they", "he", "she", "these", "those", "ellos", "estos", "esos"].contains(v.words[$0])
        }
        guard subject || v.context.crime else { return }
        let c = Candidate(act: d.at, end: d.at + d.words.count, frameStart: d.at, frameWords: d.words, hard: false, soft: true, head: nil)
        let e = Evidence(category: .incitement, score: 0.75, phrases: [d.words.joined(separator: " ")],
                         rule: "death demand: people + \(d.words.joined(separator: " "))")
        record(c, e, into: &evidence, cleared: &cleared)
    }

    /// Fuel and a flame in one sentence: "nafta y un encendedor", "traigan nafta".
    func accelerant(into evidence: inout [Evidence], cleared: inout [ClearingReason]) {
        guard let a = v.words.indices.first(where: { ThreatLexicon.accelerants.contains(v.words[$0]) }) else { return }
        let s = v.sentence(of: a)
        let flame = v.contains(ThreatLexicon.ignition, in: s)
        let order = a > 0 && ["traigan", "traer", "bring", "junten", "consigan"].contains(v.words[a - 1])
        guard flame || order else { return }
        let c = Candidate(act: a, end: a + 1, frameStart: nil, hard: true, soft: false, head: nil)
        let e = Evidence(category: .incitement, score: 0.75, phrases: [v.words[a]] + (order ? [v.words[a - 1]] : []),
                         rule: "arson: fuel and a flame")
        record(c, e, into: &evidence, cleared: &cleared)
    }

    let insults: Set<String> = [
        "hdp", "hijos", "puta", "putas", "mierda", "mierdas", "basura", "basuras", "lacras", "ratas", "forros", "negros", "villeros", "sorete",
        "soretes", "malditos", "asesinos", "violadores", "delincuentes", "chorros", "montones", "scum", "bastards", "fuck", "fucking",
        "animales", "bestias", "salvajes", "animals", "savages", "beasts", "vermin",
    ]

    /// A past or a report: "mató", "lo mataron", "baleado", "killed".
    static func pastTense(_ k: Int, in v: PostView) -> Bool {
        let w = v.words[k]
        if v.tokens[k].stressed && (w.hasSuffix("o") || w.hasSuffix("e")) { return true }
        if w.count > 4 && (w.hasSuffix("aron") || w.hasSuffix("ieron") || w.hasSuffix("ado") || w.hasSuffix("ados") || w.hasSuffix("ido")) { return true }
        return w.count > 4 && w.hasSuffix("ed")
    }

    func isLaughter(_ w: String) -> Bool {
        w.hasPrefix("jaja") || w.hasPrefix("ajaj") || w.hasPrefix("jsjs") || Tokenizer.laughter.contains(w)
    }
}
