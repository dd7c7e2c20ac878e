/// How a verb form is inflected: what the frames around it may combine with.
enum Mood: UInt8, Sendable {
    case infinitive, gerund, participle
    case present1s, present1p, present3
    case future1s, future1p, conditional
    /// "que los maten", and the usted / ustedes imperative ("maten", "mátenlos").
    case subjunctive3
    /// "matemos", "quememos": a call on us.
    case subjunctive1p
    /// Voseo or tú imperative ("matalo", "bombardeá").
    case imperative
    case preterite
    case base, thirdPerson, ing, past
}

/// A clitic written onto the verb ("matarlos", "quemalo").
enum Enclitic: UInt8, Sendable {
    case none
    /// lo, la, los, las, le, les, te, nos: someone else.
    case personal
    /// me, se: the speaker or the subject.
    case reflexive
}

/// One spelling of a violent verb.
struct VerbFormEntry: Sendable {
    var verb: Int
    var mood: Mood
    var enclitic: Enclitic
    /// The clitic itself ("los"), when there is one.
    var clitic: String
}

/// Builds every spelling the classifier recognises from the verb lines in
/// `ViolentActs`: Spanish regular -ar/-er/-ir inflection (with the stressed
/// stem and the c→qu, g→gu, z→c spelling changes) and voseo, with clitics;
/// English forms as listed.
enum VerbForms {
    static let personalClitics = ["lo", "la", "los", "las", "le", "les", "te", "nos"]
    static let reflexiveClitics = ["me", "se"]

    static let table: [String: [VerbFormEntry]] = {
        var m: [String: [VerbFormEntry]] = [:]
        func add(_ form: String, _ verb: Int, _ mood: Mood, clitics: Bool = false) {
            m[form, default: []].append(VerbFormEntry(verb: verb, mood: mood, enclitic: .none, clitic: ""))
            guard clitics else { return }
            for c in personalClitics { m[form + c, default: []].append(VerbFormEntry(verb: verb, mood: mood, enclitic: .personal, clitic: c)) }
            for c in reflexiveClitics { m[form + c, default: []].append(VerbFormEntry(verb: verb, mood: mood, enclitic: .reflexive, clitic: c)) }
        }
        for (v, verb) in ViolentActs.all.enumerated() {
            if verb.english {
                for (k, f) in verb.englishForms.enumerated() {
                    let mood: Mood = k == 0 ? .base : f.hasSuffix("ing") ? .ing : (k == 1 && f.hasSuffix("s")) ? .thirdPerson : .past
                    add(f, v, mood)
                }
                continue
            }
            if let irregular = irregular[verb.lemma] {
                for (f, mood, clitics) in irregular { add(f, v, mood, clitics: clitics) }
                continue
            }
            let lemma = verb.lemma, ending = String(lemma.suffix(2)), stem = String(lemma.dropLast(2))
            let strong = verb.strongStem ?? stem
            let ar = ending == "ar", er = ending == "er"
            func subjunctiveStem(_ s: String) -> String {
                guard ar else { return s }
                if s.hasSuffix("c") { return s.dropLast() + "qu" }
                if s.hasSuffix("g") { return s + "u" }
                if s.hasSuffix("z") { return s.dropLast() + "c" }
                return s
            }
            // -cer verbs take their -zc- stem only in the first person and the subjunctive.
            let firstStem = strong
            let presentStem = strong.hasSuffix("zc") ? String(strong.dropLast(2)) + "c" : strong
            add(lemma, v, .infinitive, clitics: true)
            add(stem + (ar ? "ando" : "iendo"), v, .gerund, clitics: true)
            for s in ar ? ["ado", "ada", "ados", "adas"] : ["ido", "ida", "idos", "idas"] { add(stem + s, v, .participle) }
            add(firstStem + "o", v, .present1s)
            add(stem + (ar ? "amos" : er ? "emos" : "imos"), v, .present1p)
            add(presentStem + (ar ? "a" : "e"), v, .present3)
            add(presentStem + (ar ? "an" : "en"), v, .present3)
            add(lemma + "e", v, .future1s)
            add(lemma + "emos", v, .future1p)
            add(lemma + "ia", v, .conditional)
            add(lemma + "iamos", v, .conditional)
            let sub = subjunctiveStem(firstStem), sub1p = subjunctiveStem(er || !ar ? (strong.hasSuffix("zc") ? strong : stem) : stem)
            let vowel = ar ? "e" : "a"
            add(sub + vowel, v, .subjunctive3, clitics: true)
            add(sub + vowel + "n", v, .subjunctive3, clitics: true)
            add(sub1p + vowel + "mos", v, .subjunctive1p)
            for c in personalClitics { add(sub1p + vowel + "mo" + c, v, .subjunctive1p) }
            // Voseo ("matá", "matalo") and tú ("mátalo", "cuélgalo").
            add(stem + (ar ? "a" : er ? "e" : "i"), v, .imperative, clitics: true)
            if strong != stem && !strong.hasSuffix("zc") { add(presentStem + (ar ? "a" : "e"), v, .imperative, clitics: true) }
            add(stem + (ar ? "aron" : "ieron"), v, .preterite)
        }
        // Not acts: "mate" (the drink), "de" (a preposition), "da" ("it gives"), "masacre" (the noun).
        for w in ["de", "da", "masacre"] { m[w] = nil }
        return m
    }()

    /// Verbs too irregular to generate, spelled out (only what their violent uses need).
    static let irregular: [String: [(String, Mood, Bool)]] = [
        "dar": [("dar", .infinitive, true), ("dando", .gerund, true), ("demos", .subjunctive1p, false), ("demosle", .subjunctive1p, false),
                ("demosles", .subjunctive1p, false), ("den", .subjunctive3, true), ("de", .subjunctive3, true), ("da", .imperative, true),
                ("dare", .future1s, false), ("daremos", .future1p, false), ("doy", .present1s, false), ("damos", .present1p, false),
                ("daria", .conditional, false)],
        "hacer": [("hacer", .infinitive, true), ("haciendo", .gerund, true), ("hagan", .subjunctive3, true), ("haga", .subjunctive3, true),
                  ("hagamos", .subjunctive1p, false), ("hagamoslo", .subjunctive1p, false), ("hagamoslos", .subjunctive1p, false),
                  ("hace", .imperative, true), ("hare", .future1s, false), ("haremos", .future1p, false), ("hago", .present1s, false),
                  ("hacemos", .present1p, false), ("haria", .conditional, false)],
        "poner": [("poner", .infinitive, true), ("poniendo", .gerund, true), ("pongan", .subjunctive3, true), ("ponga", .subjunctive3, true),
                  ("pongamos", .subjunctive1p, false), ("pone", .imperative, true), ("pondre", .future1s, false),
                  ("pondremos", .future1p, false), ("pongo", .present1s, false), ("ponemos", .present1p, false), ("pondria", .conditional, false),
                  ("puesto", .participle, false), ("puse", .preterite, false), ("pusimos", .preterite, false), ("pusieron", .preterite, false)],
        "romper": [("romper", .infinitive, true), ("rompiendo", .gerund, true), ("rompan", .subjunctive3, true), ("rompa", .subjunctive3, true),
                   ("rompamos", .subjunctive1p, false), ("rompe", .imperative, true), ("rompere", .future1s, false), ("romperemos", .future1p, false),
                   ("rompo", .present1s, false), ("rompemos", .present1p, false), ("roto", .participle, false)],
    ]
}
