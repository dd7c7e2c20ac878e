/// Threats without a violent verb: an explosive said to be in place; a
/// weapon the author has or brings, with a person, a place, a time of use,
/// the victim's routine or "no queda nadie"; a second-person death threat.
struct WeaponRule {
    let v: PostView

    /// "bomba de agua" (a pump), "bomba de chocolate": not explosives.
    static let harmlessBombs: Set<String> = [
        "agua", "chocolate", "crema", "humo", "calorias", "aire", "nafta", "combustible", "vacio", "dulce", "papa", "ritmo", "bencina",
    ]
    /// Everyday uses of a knife or a gun.
    static let everydayUse: Set<String> = [
        "asado", "cocina", "cocinar", "cortar", "pescar", "pesca", "cazar", "caza", "poligono", "coleccion", "hunting", "range", "cooking",
        "kitchen", "fishing", "deer", "carne", "pan", "verdura", "camping", "tiro", "deportivo", "licencia", "permiso", "renar", "anmac",
    ]

    func run(into evidence: inout [Evidence], cleared: inout [ClearingReason]) {
        explosive(into: &evidence, cleared: &cleared)
        weapon(into: &evidence, cleared: &cleared)
        doom(into: &evidence, cleared: &cleared)
    }

    func record(_ c: Candidate, _ e: Evidence, into evidence: inout [Evidence], cleared: inout [ClearingReason]) {
        if let r = ClearingRules.reason(for: c, in: v) { cleared.append(r) } else { evidence.append(e) }
    }

    /// "hay una bomba en la estación", "dejé una mochila con explosivos en el subte".
    func explosive(into evidence: inout [Evidence], cleared: inout [ClearingReason]) {
        for e in v.words.indices where ThreatLexicon.explosives.contains(v.words[e]) || v.words[e] == "vuela" {
            if e + 2 < v.count, v.words[e + 1] == "de", Self.harmlessBombs.contains(v.words[e + 2]) { continue }
            let s = v.sentence(of: e)
            guard let a = v.find(ThreatLexicon.explosiveAssertions, in: max(s.lowerBound, e - 4)..<min(s.upperBound, e + 8)) else {
                // "una bomba en la villa y listo": an explosive at a place, named as the answer.
                if v.contains(ThreatLexicon.places, in: s), let end = v.find(CallFrames.endorsements, in: s) {
                    let c = Candidate(act: e, end: e + 1, frameStart: min(end.at, e), frameWords: end.words, hard: true, soft: false, head: nil)
                    let ev = Evidence(category: .incitement, score: 0.8, phrases: [v.words[e], end.words.joined(separator: " ")],
                                      rule: "explosive demanded: \(v.words[e]) + place + \(end.words.joined(separator: " "))")
                    record(c, ev, into: &evidence, cleared: &cleared)
                    return
                }
                continue
            }
            // A past placement ("dejé", "puse") needs a place or a time to be a threat and not a story.
            let placed = ["deje", "dejamos", "puse", "escondi", "escondimos", "plante", "instale", "left", "hid"].contains(a.words[0])
            let located = v.contains(ThreatLexicon.places, in: s) || v.contains(ThreatLexicon.timeWords, in: s)
            if placed && !located { continue }
            let c = Candidate(act: e, end: e + 1, frameStart: min(a.at, e), frameWords: a.words, hard: true, soft: false, head: nil)
            let ev = Evidence(category: .threatToPlace, score: 0.85 + (located ? 0.1 : 0), phrases: [a.words.joined(separator: " "), v.words[e]],
                              rule: "explosive in place: \(a.words.joined(separator: " ")) + \(v.words[e])")
            record(c, ev, into: &evidence, cleared: &cleared)
            return
        }
    }

    /// "tengo la 9 cargada para el del kiosco", "voy con el fierro a la escuela y no queda nadie".
    func weapon(into evidence: inout [Evidence], cleared: inout [ClearingReason]) {
        for i in v.words.indices {
            let calibre = ThreatLexicon.calibres.contains(v.words[i]) && i > 0 && v.words[i - 1] == "la"
            guard ThreatLexicon.weapons.contains(v.words[i]) || calibre else { continue }
            let s = v.sentence(of: i)
            let window = max(s.lowerBound, i - 4)..<min(s.upperBound, i + 6)
            guard let verb = window.first(where: { ThreatLexicon.weaponIntent.contains(v.words[$0]) }) else { continue }
            if v.contains(Self.everydayUse, in: 0..<v.count) { continue }
            let after = (i + 1)..<min(s.upperBound, i + 10)
            let person = personAfter(in: after)
            let place = v.contains(ThreatLexicon.places, in: (min(verb, i) + 1)..<s.upperBound)
                && v.contains(["a", "al", "en", "to", "at", "into"], in: (min(verb, i) + 1)..<s.upperBound)
            let routine = v.find(ThreatLexicon.routineKnowledge, in: 0..<v.count) != nil
            let mass = v.find(ThreatLexicon.massPhrases, in: (i + 1)..<v.count).map { m in
                !(m.at + m.words.count < v.count && ["lados", "partes"].contains(v.words[m.at + m.words.count]))
            } ?? false
            let use = v.contains(["uso", "usar", "using", "use", "cargada", "cargado", "loaded"], in: s)
            let timed = v.contains(ThreatLexicon.timeWords, in: s)
            guard person || place || routine || mass || (use && timed) else { continue }
            let start = min(verb, i)
            let c = Candidate(act: i, end: i + 1, frameStart: start, frameWords: [v.words[verb]], hard: true, soft: false, head: nil)
            let weapon = (calibre ? "la " : "") + v.words[i]
            let what = person ? "person" : place ? "place" : routine ? "the victim's routine" : mass ? "everyone" : "a time of use"
            let e = Evidence(category: .weaponWithIntent, score: 0.8 + (timed ? 0.1 : 0) + (routine || mass ? 0.05 : 0),
                             phrases: [v.words[verb], weapon], rule: "weapon with intent: \(v.words[verb]) + \(weapon) + \(what)")
            record(c, e, into: &evidence, cleared: &cleared)
            return
        }
    }

    /// "para el del kiosco", "para vos", "a mi ex", "on him", "for my boss".
    func personAfter(in r: Range<Int>) -> Bool {
        for k in r where ["para", "a", "al", "on", "for", "at", "contra"].contains(v.words[k]) {
            guard let h = v.head(after: k) else { continue }
            // "a todos lados": everywhere, not everyone.
            if h.index + 1 < v.count, ["lados", "partes"].contains(v.words[h.index + 1]) { continue }
            if ThreatLexicon.isPerson(h.word) || ThreatLexicon.spanishPersonalPronouns.contains(h.word) { return true }
            if ["el", "la", "los"].contains(v.words[min(k + 1, v.count - 1)]) && k + 2 < v.count && ["del", "de", "que"].contains(v.words[k + 2]) {
                return true
            }
        }
        return false
    }

    /// "sos boleta, sé dónde vivís", "you're dead", "te tengo vigilado" with a weapon or a threat.
    func doom(into evidence: inout [Evidence], cleared: inout [ClearingReason]) {
        let routine = v.find(ThreatLexicon.routineKnowledge, in: 0..<v.count)
        guard let d = v.find(ThreatLexicon.doomPhrases, in: 0..<v.count) else {
            // The routine alone, said with a warning: "sé a qué hora sale tu hija, cuidate".
            if let r = routine, v.contains(["cuidate", "cuida", "ojo", "careful", "watch"], in: 0..<v.count) {
                let c = Candidate(act: r.at, end: r.at + r.words.count, frameStart: r.at, frameWords: r.words, hard: false, soft: false, head: nil)
                let e = Evidence(category: .threatToPerson, score: 0.75, phrases: [r.words.joined(separator: " ")],
                                 rule: "intimidation: the victim's routine + a warning")
                record(c, e, into: &evidence, cleared: &cleared)
            }
            return
        }
        // "watch your back" or "I'm coming for you" alone is advice or a game; with the victim's routine or a time it is a threat.
        let needsMore = d.words == ["watch", "your", "back"] || d.words.suffix(3) == ["coming", "for", "you"]
        guard !needsMore || routine != nil || v.contains(ThreatLexicon.timeWords, in: 0..<v.count) else { return }
        let c = Candidate(act: d.at, end: d.at + d.words.count, frameStart: d.at, frameWords: d.words, hard: false, soft: true, head: nil)
        let e = Evidence(category: .threatToPerson, score: 0.75 + (routine != nil ? 0.15 : 0),
                         phrases: [d.words.joined(separator: " ")] + (routine.map { [$0.words.joined(separator: " ")] } ?? []),
                         rule: "second-person death threat" + (routine != nil ? " + the victim's routine" : ""))
        if v.laughing { cleared.append(.banter); return }
        record(c, e, into: &evidence, cleared: &cleared)
    }
}
