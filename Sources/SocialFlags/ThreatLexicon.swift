/// The classifier's word lists, folded like the tokenizer folds text (lower
/// case, no accents). Rioplatense Spanish first, then English. Everything the
/// classifier can react to is here, so it can be read and reviewed.
enum ThreatLexicon {
    enum ActKind: Sendable { case harm, fire, shoot, explode }

    /// A violent act: its words, what it is, and for verbs that are only
    /// violent with a complement ("pegar un tiro"), that complement.
    struct Act: Sendable {
        var lemma: String
        var kind: ActKind
        var complements: [[String]]
    }

    /// Spanish verbs (-ar/-er/-ir infinitives) whose every form below is violent.
    static let spanishVerbs: [(String, ActKind, [[String]])] = [
        ("matar", .harm, []), ("asesinar", .harm, []), ("apunalar", .harm, []), ("acuchillar", .harm, []),
        ("balear", .shoot, []), ("degollar", .harm, []), ("ahorcar", .harm, []), ("linchar", .harm, []),
        ("fusilar", .shoot, []), ("reventar", .harm, []), ("quemar", .fire, []), ("incendiar", .fire, []),
        ("disparar", .shoot, []), ("tirotear", .shoot, []), ("carnear", .harm, []), ("descuartizar", .harm, []),
        ("cagar", .harm, [["a", "tiros"], ["a", "balazos"], ["a", "punaladas"], ["a", "palos"], ["a", "trompadas"], ["a", "pinas"]]),
        ("pegar", .shoot, [["un", "tiro"], ["un", "balazo"], ["un", "corchazo"], ["tiros"], ["un", "tiro"]]),
        ("meter", .shoot, [["un", "tiro"], ["un", "balazo"], ["bala"], ["un", "cuchillazo"], ["una", "punalada"]]),
        ("romper", .harm, [["la", "cabeza"], ["la", "cara"], ["el", "craneo"], ["las", "piernas"]]),
        ("prender", .fire, [["fuego"]]),
        ("volar", .explode, [["todo"], ["por", "el", "aire"], ["la", "ciudad"], ["el"], ["la"]]),
        ("poner", .explode, [["una", "bomba"], ["un", "explosivo"], ["explosivos"]]),
        ("cortar", .harm, [["el", "cuello"], ["la", "garganta"]]),
    ]

    /// English base forms (after "I'm going to", "I will", "gonna", "let's").
    static let englishVerbs: [(String, ActKind, [[String]])] = [
        ("kill", .harm, []), ("murder", .harm, []), ("shoot", .shoot, []), ("stab", .harm, []), ("strangle", .harm, []),
        ("hurt", .harm, []), ("slaughter", .harm, []), ("burn", .fire, []), ("bomb", .explode, []),
        ("blow", .explode, [["up"]]), ("gun", .shoot, [["down"]]), ("torch", .fire, []), ("behead", .harm, []),
    ]

    static let clitics = ["te", "lo", "la", "los", "las", "le", "les", "nos"]

    /// Every violent word form → its act. Spanish forms: infinitive, with
    /// clitics ("matarte"), first person present ("mato", "matamos") and
    /// future ("matare", "mataremos").
    static let forms: [String: Act] = {
        var m: [String: Act] = [:]
        for (inf, kind, comp) in spanishVerbs {
            let act = Act(lemma: inf, kind: kind, complements: comp)
            let stem = String(inf.dropLast(2)), ending = inf.suffix(2)
            var list = [inf, inf + "e", inf + "emos"]
            list += clitics.map { inf + $0 }
            switch ending {
            case "ar": list += [stem + "o", stem + "amos"]
            case "er": list += [stem + "o", stem + "emos"]
            default: list += [stem + "o", stem + "imos"]
            }
            for f in list { m[f] = act }
        }
        m["reviento"] = m["reventar"]
        m["reventamos"] = m["reventar"]
        m["vuela"] = Act(lemma: "volar", kind: .explode, complements: [["por", "el", "aire"]])
        for (base, kind, comp) in englishVerbs { m[base] = Act(lemma: base, kind: kind, complements: comp) }
        // "mate" (the drink, the maths lesson) and "pego" alone are not acts; they are not generated.
        m["mate"] = nil
        return m
    }()

    /// Typo-tolerant lookup ("apuñaalr" → "apunalar", "fireros" → "fierros"):
    /// words of six or more letters that share a one-letter deletion with a
    /// lexicon word (SymSpell), so one slip of the thumb is forgiven.
    static let deletions: [String: String] = {
        var m: [String: String] = [:]
        let words = Array(forms.keys) + Array(weapons)
        for w in words.sorted() where w.count >= 6 {
            let chars = Array(w)
            for k in chars.indices {
                var d = chars; d.remove(at: k)
                let key = String(d)
                if m[key] == nil { m[key] = w }
            }
            if m[w] == nil { m[w] = w }
        }
        return m
    }()

    static func corrected(_ word: String) -> String? {
        guard word.count >= 6, word.allSatisfy({ $0.isLetter }) else { return nil }
        if let w = deletions[word] { return w }
        let chars = Array(word)
        for k in chars.indices {
            var d = chars; d.remove(at: k)
            if let w = deletions[String(d)] { return w }
        }
        return nil
    }

    /// Inflected forms that only express intent with a time ("hoy lo reviento").
    static func isPresentOrFuture(_ form: String, _ act: Act) -> Bool {
        form != act.lemma && !clitics.contains(where: { form == act.lemma + $0 })
    }

    static let weapons: Set<String> = ["fierro", "fierros", "arma", "armas", "pistola", "revolver", "escopeta", "rifle", "chumbo", "bufoso",
                                       "cuchillo", "faca", "navaja", "machete", "molotov", "granada", "itaka", "gun", "guns", "pistol",
                                       "knife", "weapons", "weapon", "glock", "ak", "shotgun", "rifles"]
    /// "la 9", "la 38": a handgun by its calibre.
    static let calibres: Set<String> = ["9", "38", "22", "45", "nueve"]
    /// Having, getting, carrying or using a weapon.
    static let weaponIntent: Set<String> = ["consegui", "compre", "tengo", "llevo", "traigo", "cargada", "cargado", "uso", "usar", "saco",
                                            "got", "bought", "bringing", "using", "loaded", "carrying", "have", "bring"]
    static let explosives: Set<String> = ["bomba", "bombas", "explosivo", "explosivos", "bomb", "explosive", "explosives", "detonador"]
    /// Words that assert an explosive is there or will go off.
    static let explosiveAssertions: [[String]] = [["hay", "una"], ["hay", "un"], ["pusimos"], ["puse"], ["plantamos"], ["va", "a", "volar"],
                                                  ["vuela"], ["va", "a", "explotar"], ["explota"], ["there's", "a"], ["theres", "a"],
                                                  ["there", "is", "a"], ["goes", "off"], ["planted"], ["tienen", "una", "hora"]]
    static let places: Set<String> = ["estacion", "shopping", "escuela", "colegio", "comisaria", "hospital", "facultad", "universidad",
                                      "cancha", "subte", "terminal", "supermercado", "super", "iglesia", "sinagoga", "templo", "mezquita",
                                      "embajada", "municipalidad", "banco", "oficina", "edificio", "club", "boliche", "tren", "estadio",
                                      "jardin", "station", "mall", "school", "church", "synagogue", "mosque", "office", "building",
                                      "stadium", "university", "campus", "subway", "concert", "embassy", "amia", "plaza"]
    static let abstractObjects: Set<String> = ["inflacion", "hambre", "pobreza", "tiempo", "aburrimiento", "dieta", "rutina", "it", "time",
                                               "this", "the game", "exam", "examen", "parcial", "sed", "risa", "amor", "tristeza"]
    static let negators: Set<String> = ["no", "nunca", "jamas", "ni", "not", "never", "won't", "wont", "wouldn't", "dont", "don't",
                                        "cannot", "can't", "nadie"]
    /// First person intent, Spanish and English; each is a word sequence.
    static let intentMarkers: [[String]] = [["voy", "a"], ["vamos", "a"], ["pienso"], ["quiero"], ["vengo", "a"],
                                            ["i'm", "going", "to"], ["im", "going", "to"], ["i", "am", "going", "to"], ["i'm", "gonna"],
                                            ["im", "gonna"], ["i", "will"], ["i'll"], ["we", "will"], ["we'll"], ["we're", "going", "to"],
                                            ["were", "going", "to"], ["i", "want", "to"], ["gonna"], ["going", "to"]]
    /// Markers that only count at the start of a clause (the subject was dropped).
    static let clauseStartOnly: Set<String> = ["gonna", "going"]
    /// A call for others to act together.
    static let collectiveMarkers: [[String]] = [["hay", "que"], ["hay", "q"], ["vamos", "todos"], ["vamos", "todas"], ["junten"], ["juntemos"],
                                                ["nos", "juntamos"], ["quien", "se", "prende"], ["pasen", "la", "direccion"], ["salgamos", "a"],
                                                ["let's"], ["lets"], ["everyone", "meet"], ["bring", "weapons"], ["we're", "going", "to"],
                                                ["vayamos"], ["armemonos"]]
    /// Second-person doom: a death threat without a violent verb.
    static let doomPhrases: [[String]] = [["vas", "a", "aparecer"], ["sos", "boleta"], ["estas", "muerto"], ["estas", "muerta"],
                                          ["te", "vas", "a", "morir"], ["you're", "dead"], ["youre", "dead"], ["you", "are", "dead"],
                                          ["ur", "dead"], ["you're", "going", "to", "die"], ["watch", "your", "back"]]
    static let intimidation: [[String]] = [["se", "donde", "vivis"], ["se", "donde", "vive"], ["i", "know", "where", "you", "live"]]
    static let timeWords: Set<String> = ["hoy", "manana", "noche", "viernes", "sabado", "domingo", "lunes", "martes", "miercoles", "jueves",
                                         "rato", "salida", "salgas", "tonight", "tomorrow", "friday", "saturday", "sunday", "monday",
                                         "tuesday", "wednesday", "thursday", "after", "20hs", "hs"]
    // Contexts that turn violent words into something else.
    static let sports: Set<String> = ["river", "boca", "racing", "independiente", "lorenzo", "huracan", "velez", "estudiantes", "gimnasia",
                                      "lanus", "banfield", "newells", "central", "talleres", "belgrano", "argentinos", "tigre", "platense",
                                      "chacarita", "clasico", "superclasico", "partido", "gol", "goles", "hinchada", "descenso", "campeon",
                                      "finale", "final", "tiempo", "penales", "match", "game", "team", "cup", "copa", "libertadores"]
    static let gaming: Set<String> = ["fortnite", "counter", "warzone", "cod", "gta", "valorant", "minecraft", "sniper", "headshot", "partida",
                                      "server", "servidor", "ps5", "ps4", "xbox", "gamer", "noob", "manco", "lag", "respawn", "stream", "twitch",
                                      "roblox", "freefire", "apex", "juego", "jueguito"]
    static let music: Set<String> = ["cantando", "cancion", "temazo", "tema", "letra", "song", "lyrics", "singing", "estribillo", "recital"]
    static let news: Set<String> = ["urgente", "breaking", "informe", "investigacion", "detuvieron", "detenido", "detenida", "arrest",
                                    "arrested", "acusado", "juicio", "seguimos", "informando", "segun", "fiscal",
                                    "imputado", "condenaron", "reported", "amenazo", "amenazaba", "threatened", "noticia", "ultimo",
                                    "confirmado", "exclusivo", "satire", "satira", "denuncie", "denuncia"]
    /// Hard terms no sports, game or song context excuses.
    static let hardTerms: Set<String> = ["tiros", "balazos", "disparar", "dispararle", "bomba", "explosivo", "explosivos", "fierro", "fierros",
                                         "arma", "cuchillo", "gun", "rifle", "bomb", "punaladas", "tiro", "balazo"]
}
