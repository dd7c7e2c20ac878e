import VigiaCore

/// Why violent words in a post were not a threat. Each is a reason a
/// reviewer can check against the text.
public enum ClearingReason: String, Sendable, CaseIterable {
    /// In quotation marks: someone else's words.
    case quoted
    /// "no lo voy a matar", "nadie tiene que…", "I would never".
    case negated
    /// The post rejects the violence it names ("pedir bala no es la solución").
    case counterSpeech = "counter-speech"
    /// News, or what someone else said or did ("dijo que…", "detuvieron al que…").
    case reported
    /// A protest idiom: "reventar la plaza (de gente)", "prenderle fuego a las redes", "quemar gomas".
    case protestIdiom = "protest idiom"
    case sports
    case game
    case song
    case fiction
    /// "me muero de risa", "te mato a besos", "matar la inflación".
    case hyperbole
    /// The object is a thing, not a person or a place ("quemar etapas", "colgar los botines").
    case figurative
    case abstractObject = "abstract object"
    /// Aimed at oneself ("me quiero pegar un tiro"): not a threat to anyone else.
    case selfDirected = "self-directed"
    /// Laughing, with a trivial condition ("te mato si no venís jaja").
    case banter
    /// A violent verb without a person or a place to aim at.
    case noTarget = "no target"
}

/// What the classifier decided about one post, and why.
public struct ThreatAssessment: Sendable, Equatable {
    public var flagged: Bool
    public var category: ThreatCategory?
    /// 0…1: how much evidence the rule that fired had.
    public var score: Double
    /// The words that caused the decision (folded), for the reviewer.
    public var phrases: [String]
    /// When not flagged although violent words were present: why (see `ClearingReason`).
    public var cleared: [String]
    /// The rule that fired, in words ("call: hay que + violent act + person").
    public var rule: String?
    /// The post speaks of a march, a square, a strike, a vote or a hashtag.
    /// A surge never counts a protest-shaped flag, and never fires where one is (safeguard 6).
    public var protestShaped: Bool

    public init(flagged: Bool, category: ThreatCategory?, score: Double, phrases: [String], cleared: [String], rule: String? = nil,
                protestShaped: Bool = false) {
        self.flagged = flagged
        self.category = category
        self.score = score
        self.phrases = phrases
        self.cleared = cleared
        self.rule = rule
        self.protestShaped = protestShaped
    }

    /// The clearing reasons as values.
    public var clearingReasons: [ClearingReason] { cleared.compactMap(ClearingReason.init(rawValue:)) }
}

/// One piece of evidence a rule found.
struct Evidence: Sendable {
    var category: ThreatCategory
    var score: Double
    var phrases: [String]
    var rule: String
}
