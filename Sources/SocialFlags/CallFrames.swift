import VigiaCore

/// Who is to act: the words before a violent act that make it a call on
/// others, a call on us, an order, or the author's own intent.
enum FrameKind: String, Sendable {
    /// Others must act: "hay que", "tienen que", "que alguien", "que los…" + subjunctive, "someone should".
    case call
    /// We act together: "vamos a", "y si tiramos", "let's", "we need to".
    case collective
    /// An order: "matalos", "quemen todo", "kill them all".
    case imperative
    /// The author will: "voy a", "pienso", "I'm gonna", "mañana lo mato".
    case intent
    /// Violence endorsed as the answer: "solo entienden a balazos", "la solución es…", "se merecen un tiro".
    case endorsement
    /// A passive demand: "deberían ser fusilados", "should be shot".
    case passive

    var category: ThreatCategory { self == .intent ? .threatToPerson : .incitement }
}

/// A frame: its words and the verb moods it governs.
struct Frame: Sendable {
    var words: [String]
    var kind: FrameKind
    var moods: Set<Mood>
    /// Only at the start of a clause ("a matarlos", "que los maten", "gonna").
    var clauseStartOnly = false
    /// Only right before the act ("hay desaparecerlo", a typo for "hay que").
    var adjacentOnly = false
}

enum CallFrames {
    static let infinitive: Set<Mood> = [.infinitive]
    static let englishBase: Set<Mood> = [.base]

    static let all: [Frame] = {
        var f: [Frame] = []
        func add(_ kind: FrameKind, _ moods: Set<Mood>, _ list: [String], clauseStartOnly: Bool = false) {
            for s in list { f.append(Frame(words: s.split(separator: " ").map(String.init), kind: kind, moods: moods, clauseStartOnly: clauseStartOnly)) }
        }
        add(.call, infinitive, [
            "hay que", "hay q", "hay qe", "habria que", "habria q", "habra que", "tenemos que", "tenemos q", "tendriamos que", "tendriamos q",
            "deberiamos", "debemos", "deberian", "deben", "tienen que", "tienen q", "tendrian que", "hace falta", "alguien tiene que",
            "alguien deberia", "alguien tendria que", "a nadie se le ocurre", "a nadie se le ocurrio", "la solucion es", "la unica solucion es",
            "solucion", "lo que hay que hacer es", "lo unico que queda es", "vamos a tener que", "es hora de", "llego la hora de",
        ])
        f.append(Frame(words: ["hay"], kind: .call, moods: infinitive, adjacentOnly: true))
        add(.call, englishBase, [
            "someone should", "someone needs to", "someone has to", "someone must", "someone gotta", "someone ought to", "somebody should",
            "somebody needs to", "somebody has to", "they should", "they need to", "they must", "they have to", "you should", "yall should",
            "y'all should", "the only solution is to", "the solution is to", "the answer is to", "the only way is to", "someone please",
            "somebody please", "everyone should", "people should", "someone go", "somebody go", "i hope someone will", "someone will",
        ])
        add(.call, [.thirdPerson], ["i hope someone", "hope someone", "i wish someone", "i hope somebody", "hope somebody", "i wish somebody"])
        add(.collective, infinitive, ["vamos a", "vayamos a", "salgamos a", "vengan a", "todos a", "vamos todos a", "ahora a"])
        add(.collective, infinitive, ["a"], clauseStartOnly: true)
        add(.collective, [.present1p, .present3, .subjunctive3], ["y si", "por que no", "porque no", "xq no", "pq no", "por q no", "que tal si"])
        add(.collective, [.present1p], ["si"], clauseStartOnly: true)
        add(.collective, englishBase, [
            "we need to", "we should", "we must", "we have to", "we gotta", "we ought to", "time to", "it's time to", "its time to",
            "why don't we", "why dont we", "why not", "let's", "lets", "let us", "we could just", "we should all", "we all should",
            "we will", "we'll", "we're going to", "were going to", "we are going to", "we're gonna", "were gonna", "we gonna",
        ])
        add(.call, [.subjunctive3], [
            "pido que", "pedimos que", "queremos que", "quiero que", "exijo que", "exigimos que", "ojala alguien", "alguien que", "alguien q",
            "que alguien", "no hay nadie que", "hace falta que", "falta que", "ojala que alguien", "espero que", "esperemos que", "y que",
            "mejor que", "ojala los", "ojala lo", "ojala la", "ojala te", "ojala le", "ojala les",
        ])
        add(.call, [.subjunctive3], ["que", "q"], clauseStartOnly: true)
        add(.passive, [.participle, .past], [
            "deberian ser", "deben ser", "tienen que ser", "tendrian que ser", "merecen ser", "merece ser", "deberia ser", "tiene que ser",
            "que sean", "should be", "should all be", "should get", "need to be", "needs to be", "deserve to be",
            "deserves to be", "must be", "ought to be", "have to be", "has to be", "needs to get", "must get", "should just be", "gotta be",
            "should have been", "must all be", "need to get", "should be publicly", "i hope you get", "i hope they get",
            "hope they get", "hope you get", "hope he gets", "hope she gets", "i hope he gets", "i hope she gets", "should all get",
            "tendrian que haberlo", "tendrian que haberlos", "deberian haberlo", "deberian haberlos", "habria que haberlo",
            "habria que haberlos", "tenian que haberlo", "tenian que haberlos", "tendrian que haberla", "deberian haberla",
        ])
        add(.intent, infinitive, ["voy a", "pienso", "quiero", "vengo a", "voy a ir a", "los voy a", "te voy a"])
        add(.intent, englishBase, [
            "i'm going to", "im going to", "i am going to", "i'm gonna", "im gonna", "i am gonna", "imma", "ima", "i will", "i'll", "i shall",
            "i want to", "i wanna", "i'm about to", "im about to", "i'm coming to", "im coming to", "i plan to", "i intend to", "i swear i'll",
            "i'm gonna go", "i will go",
        ])
        add(.intent, englishBase, ["gonna", "going to"], clauseStartOnly: true)
        add(.intent, [.base, .conditional], ["i would", "i'd", "i would love to", "i'd love to", "i would happily", "yo"])
        return f
    }()

    /// Frames by their last word, to look back from an act.
    static let byLastWord: [String: [Frame]] = Dictionary(grouping: all, by: { $0.words[$0.words.count - 1] })

    /// Endorsements: violence named as the answer.
    static let endorsements: Phrases = [
        ["solo", "entienden"], ["solo", "entiende"], ["lo", "unico", "que", "entienden"], ["es", "lo", "unico", "que"], ["se", "soluciona"],
        ["se", "solucionan"], ["se", "arregla"], ["se", "arreglan"], ["se", "termina"], ["se", "acaba"], ["se", "resuelve"], ["la", "solucion"],
        ["unica", "solucion"], ["merecen"], ["se", "merecen"], ["merece"], ["se", "merece"], ["necesitan"], ["lo", "que", "necesitan"],
        ["hace", "falta"], ["y", "listo"], ["y", "se", "termina"], ["y", "a", "otra", "cosa"], ["only", "understand"],
        ["only", "language", "they"], ["deserve"], ["deserves"], ["the", "answer", "is"], ["the", "solution", "is"], ["is", "the", "answer"],
        ["is", "the", "solution"], ["es", "la", "solucion"], ["seria", "la", "solucion"], ["they", "need"], ["they", "deserve"], ["lo", "mejor"], ["que", "vuelvan"], ["que", "vuelva"], ["y", "a", "la", "bolsa"],
        // "lincharlo es poco": even that would be too little.
        ["es", "poco"], ["es", "lo", "minimo"], ["es", "lo", "menos"], ["seria", "poco"],
    ]
    /// Approval that makes a gerund a call: "si los reducimos matándolos, estoy".
    static let approvals: Phrases = [["estoy"], ["apoyo"], ["de", "acuerdo"], ["bien"], ["joya"], ["perfecto"], ["i'm", "in"], ["good"]]

    /// Demand verbs that let a later "que" govern a subjunctive: "queremos escuadras que los…".
    static let demandVerbs: Set<String> = ["queremos", "quiero", "pido", "pedimos", "exijo", "exigimos", "necesitamos", "falta", "ojala", "merecen", "merece"]

    /// Words after which a verb stands at the start of an order ("dale, matalo", "and shoot them").
    static let orderOpeners: Set<String> = [
        "dale", "che", "vamos", "y", "ahora", "ya", "bueno", "<user>", "chicos", "muchachos", "gente", "vecinos", "por", "favor", "asi", "que",
        "entonces", "pues", "loco", "boludo", "and", "then", "just", "go", "please", "now", "so", "simplemente", "directamente", "mejor",
    ]
    /// Words that end the reach of a frame before its act.
    static let blockers: Set<String> = [
        "para", "porque", "cuando", "como", "donde", "sin", "pero", "aunque", "que", "q", "because", "when", "but", "though", "although",
        "unless", "if", "who", "which", "where", "while", "quien", "quienes", "cual", "cuales",
    ]
    /// Subjects that make an English base form a statement, not an order.
    static let englishSubjects: Set<String> = ["i", "you", "we", "they", "he", "she", "it", "who", "people", "cops", "police"]
}
