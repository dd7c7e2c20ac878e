/// A violent act the rules found, before it is cleared or flagged.
struct Candidate {
    /// First and one-past-last token of the act (with its complement).
    var act: Int
    var end: Int
    /// Where the frame that makes it a call or an intent begins (nil for elliptical calls).
    var frameStart: Int?
    var frameWords: [String] = []
    /// Violence that football or games never excuse: shots, explosives, weapons, a violent manner.
    var hard: Bool
    /// Violence that is also how fans and players talk: "matar", "reventar", "kill".
    var soft: Bool
    /// The object after the act.
    var head: (index: Int, word: String, personalA: Bool)?
    var figurativeObjects: Set<String> = []
    /// A verb protests fill or set alight ("reventar la plaza", "prenderle fuego a las redes").
    var protestIdiomVerb = false
}

/// The clearing reasons, checked in a fixed order; the first that applies wins.
enum ClearingRules {
    static let softLemmas: Set<String> = [
        "matar", "reventar", "romper", "hacer", "aniquilar", "masacrar", "exterminar", "bombardear", "eliminar", "liquidar", "kill",
        "murder", "slaughter", "massacre", "beat", "destroy", "bomb", "nuke", "quemar", "borrar", "violar", "dinamitar",
    ]
    static let hardLemmas: Set<String> = [
        "fusilar", "degollar", "decapitar", "descuartizar", "acribillar", "balear", "apunalar", "acuchillar", "achurar", "linchar", "ahorcar",
        "tirotear", "stab", "behead", "lynch", "shoot", "torch", "gun", "mow", "slit",
    ]
    /// Words after a verb that make fire or crowds a protest image.
    static let protestActs: Set<String> = [
        "gomas", "goma", "cubiertas", "neumaticos", "bandera", "banderas", "muneco", "munecos", "efigie", "fotos", "foto", "retrato",
        "constitucion", "urnas", "urna",
    ]
    /// Verbs whose objects can be a protest image rather than a target.
    static let protestIdiomVerbs: Set<String> = ["reventar", "prender", "quemar", "incendiar", "romper", "volar", "bombardear", "burn", "blow", "torch"]
    /// Elections: "los vamos a reventar en las urnas" is a vote, not a blow.
    static let electoral: Set<String> = [
        "elecciones", "eleccion", "urnas", "urna", "votos", "voto", "votando", "votar", "balotaje", "paso", "comicios", "internas",
        "elections", "election", "polls", "ballot", "vote", "votes", "voting",
    ]
    /// Counter-speech that clears the whole post, wherever it stands.
    static let postWideCounterSpeech: Phrases = [
        ["repudio"], ["repudiamos"], ["condeno"], ["condenamos"], ["no", "a", "la", "violencia"], ["basta", "de", "violencia"], ["i", "condemn"],
    ]
    static let conditionals: Set<String> = ["si", "if", "sino", "unless"]
    static let newsMarkers: Set<String> = [
        "urgente", "breaking", "informe", "investigacion", "detuvieron", "detenido", "detenida", "imputado", "condenado", "arrested",
        "reported", "reportedly", "allegedly", "charged", "noticia", "confirmado", "exclusivo", "satire", "satira",
        "seguimos", "informando", "acusado",
    ]

    /// Why this candidate is not a threat, or nil when it stands.
    static func reason(for c: Candidate, in v: PostView) -> ClearingReason? {
        let s = v.sentence(of: c.act)
        let from = c.frameStart ?? c.act
        if v.tokens[c.act].quoted || (c.frameStart.map { v.tokens[$0].quoted } ?? false) { return .quoted }
        if negated(c, in: v) { return .negated }
        if v.find(ClearingLexicon.counterSpeech, in: s) != nil || v.find(postWideCounterSpeech, in: 0..<v.count) != nil { return .counterSpeech }
        if v.contains(ClearingLexicon.reporting, in: s.lowerBound..<from) || v.contains(newsMarkers, in: 0..<v.count)
            || (c.frameStart == nil && v.contains(ClearingLexicon.reporting, in: s)) {
            return .reported
        }
        if v.hasMusic { return .song }
        // What the act itself is aimed at comes before what the post is about.
        if v.find(ClearingLexicon.gentleManners, in: c.end..<min(s.upperBound, c.end + 4)) != nil { return .hyperbole }
        if let h = c.head {
            if c.protestIdiomVerb && (ClearingLexicon.protestObjects.contains(h.word) || protestActs.contains(h.word)) { return .protestIdiom }
            if c.figurativeObjects.contains(h.word) { return .figurative }
            if ClearingLexicon.abstractObjects.contains(h.word) { return .abstractObject }
        }
        if c.protestIdiomVerb && v.find([["de", "gente"]], in: c.end..<min(s.upperBound, c.end + 4)) != nil { return .protestIdiom }
        if c.soft && !c.hard && v.contains(electoral, in: s) { return .protestIdiom }
        let hard = c.hard || v.words.contains { ThreatLexicon.weapons.contains($0) || ThreatLexicon.explosives.contains($0) }
        // A story or a song the post itself names clears it; one the answered post mentions ("cumbia y champagne
        // en la casa tomada") clears only soft words, not shots, weapons or a violent manner.
        if v.topics.fiction || (v.context.fiction && !hard) { return .fiction }
        if v.hasMusic || v.topics.music || (v.context.music && !hard) { return .song }
        if (v.topics.gaming || v.context.gaming) && !hard { return .game }
        if (v.topics.sports || v.context.sports) && !hard && c.soft { return .sports }
        if v.laughing && c.soft && !hard
            && (v.contains(conditionals, in: s) || c.frameStart == nil || c.frameWords.isEmpty) {
            return .banter
        }
        return nil
    }

    /// Why a post with violent words raised nothing, when no rule got as far
    /// as a candidate ("según el fiscal, quería fusilar…"): the first reason the
    /// post as a whole gives, so a reviewer still reads why.
    static func postReason(_ v: PostView) -> ClearingReason? {
        let violent = v.words.indices.filter { k in
            VerbForms.table[v.words[k]] != nil || ThreatLexicon.nominalCalls.contains(v.words[k])
                || ThreatLexicon.explosives.contains(v.words[k]) || ThreatLexicon.weapons.contains(v.words[k])
        }
        guard let first = violent.first else { return nil }
        if violent.contains(where: { v.tokens[$0].quoted }) { return .quoted }
        if v.find(ClearingLexicon.counterSpeech, in: 0..<v.count) != nil || v.find(postWideCounterSpeech, in: 0..<v.count) != nil {
            return .counterSpeech
        }
        if v.topics.fiction || v.context.fiction { return .fiction }
        if v.hasMusic || v.topics.music || v.context.music { return .song }
        if v.contains(ClearingLexicon.reporting, in: 0..<v.count) || v.contains(newsMarkers, in: 0..<v.count) { return .reported }
        if violent.contains(where: { k in v.contains(ThreatLexicon.negators, in: max(v.sentence(of: k).lowerBound, k - 4)..<k) }) {
            return .negated
        }
        if v.find(ClearingLexicon.gentleManners, in: first..<v.count) != nil { return .hyperbole }
        if v.topics.fiction || v.context.fiction { return .fiction }
        if v.hasMusic || v.topics.music || v.context.music { return .song }
        if v.topics.gaming || v.context.gaming { return .game }
        if v.topics.sports || v.context.sports { return .sports }
        return nil
    }

    /// A negator governs the frame or the act ("no hay que", "nunca voy a", "dejen de matar"),
    /// unless it belongs to the frame itself ("no hay nadie que", "por qué no").
    static func negated(_ c: Candidate, in v: PostView) -> Bool {
        let start = c.frameStart ?? c.act
        // Back to the start of the frame's clause, at most three words; right before the frame always counts.
        var from = start
        while from > 0, start - from < 3, !v.tokens[from].clauseStart { from -= 1 }
        if start > 0, from == start { from = start - 1 }
        let frameRange = start..<(start + c.frameWords.count)
        for k in from..<c.act where ThreatLexicon.negators.contains(v.words[k]) && !frameRange.contains(k) {
            // "no queda nadie" is a threat's coda, not a negation.
            if v.matches(["no", "queda"], at: k) { continue }
            return true
        }
        return false
    }
}
