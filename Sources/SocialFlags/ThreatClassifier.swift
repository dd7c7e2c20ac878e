import VigiaCore

/// A transparent rule classifier for threats of violence (safeguard 6: it
/// can flag nothing else). A post is flagged when a violent act is framed as
/// a call on others ("hay que", "que los…", an imperative, "let's"), a call
/// on us ("vamos a"), the author's own intent ("voy a", "mañana lo mato",
/// "I'm gonna"), a passive demand ("deberían ser fusilados") or an
/// endorsement ("solo entienden a balazos"), and aimed at a person or a
/// place; when a violent noun is the whole sentence ("Bala.", "Paredón");
/// when an explosive is said to be in place; when the author has a weapon
/// with a person, a place, a time of use or the victim's routine; and on a
/// second-person death threat. Quotes, negation, counter-speech, reports,
/// fiction, songs, games, football, protest idioms, figurative and
/// abstract objects, hyperbole, self-directed words and laughing banter
/// clear it, and the assessment says which. No word list about politics,
/// protest or officials can flag anything: people are only targets.
public struct ThreatClassifier: Sendable {
    public init() {}

    /// Classifies one post. `inReplyTo` is the text it answers, when known:
    /// it tells an elliptical "plomo" answering a crime from a bore, and a
    /// "los vamos a matar" answering a fixture from a threat.
    public func assess(_ text: String, inReplyTo: String? = nil) -> ThreatAssessment {
        let view = PostView(text: text, inReplyTo: inReplyTo)
        // Fast path: nothing a rule can start from.
        guard view.triggered else {
            return ThreatAssessment(flagged: false, category: nil, score: 0, phrases: [], cleared: [], protestShaped: view.topics.protest)
        }
        var evidence: [Evidence] = [], cleared: [ClearingReason] = []
        ActRule(v: view).run(into: &evidence, cleared: &cleared)
        EllipticalCallRule(v: view).run(into: &evidence, cleared: &cleared)
        WeaponRule(v: view).run(into: &evidence, cleared: &cleared)
        let protestShaped = view.topics.protest || view.context.protest

        guard !evidence.isEmpty else {
            if cleared.isEmpty, let r = ClearingRules.postReason(view) { cleared.append(r) }
            var reasons: [String] = []
            for r in cleared where !reasons.contains(r.rawValue) { reasons.append(r.rawValue) }
            return ThreatAssessment(flagged: false, category: nil, score: 0, phrases: [], cleared: reasons, protestShaped: protestShaped)
        }
        // Precedence: a call to others, then a weapon, then a place, then a person.
        let order: [ThreatCategory] = [.incitement, .weaponWithIntent, .threatToPlace, .threatToPerson]
        let category = order.first { c in evidence.contains { $0.category == c } } ?? evidence[0].category
        let chosen = evidence.filter { $0.category == category }.max { $0.score < $1.score } ?? evidence[0]
        var phrases: [String] = []
        for e in [chosen] + evidence { for p in e.phrases where !p.isEmpty && !phrases.contains(p) { phrases.append(p) } }
        return ThreatAssessment(flagged: true, category: category, score: min(0.99, chosen.score), phrases: phrases, cleared: [],
                                rule: chosen.rule, protestShaped: protestShaped)
    }
}
