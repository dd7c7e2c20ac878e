import Testing
import VigiaCore
@testable import SocialFlags

/// The hand-written contrastive suite: every post with its exact expectation.
@Suite("Contrastive suite")
struct ContrastiveSuiteTests {
    static let cases = ContrastiveSpanish.all + ContrastiveEnglish.all + ContrastiveChecks.all + ContrastiveMore.all
    let classifier = ThreatClassifier()

    @Test("each post is flagged in its category, or cleared for its reason", arguments: cases)
    func post(_ c: ContrastiveCase) {
        let a = classifier.assess(c.text, inReplyTo: c.context)
        switch c.expect {
        case .flag(let category):
            #expect(a.flagged, "not flagged; cleared: \(a.cleared)")
            #expect(a.category == category, "category \(String(describing: a.category)); rule \(a.rule ?? "-")")
            #expect(!a.phrases.isEmpty && a.rule != nil, "a flag names its words and its rule")
        case .clear(let reason):
            #expect(!a.flagged, "flagged \(String(describing: a.category)) by \(a.rule ?? "-"): \(a.phrases)")
            #expect(a.clearingReasons.contains(reason), "cleared for \(a.cleared), expected \(reason.rawValue)")
        case .pass:
            #expect(!a.flagged, "flagged \(String(describing: a.category)) by \(a.rule ?? "-"): \(a.phrases)")
        }
    }

    @Test("known misses are still missed (a known issue each); when one is caught, this test says so", arguments: ContrastiveChecks.knownMisses + ContrastiveMore.knownMisses)
    func knownMiss(_ c: ContrastiveCase) {
        withKnownIssue("the rules do not read this call yet") {
            #expect(classifier.assess(c.text, inReplyTo: c.context).flagged)
        }
    }

    @Test("at least 400 posts in both languages, threats and near misses in each")
    func size() {
        #expect(Self.cases.count >= 400)
        for language in ["es", "en"] {
            let posts = Self.cases.filter { $0.language == language }
            #expect(posts.filter(\.isFlag).count >= 50, "\(language): threats")
            #expect(posts.filter { !$0.isFlag }.count >= 70, "\(language): near misses")
        }
        let keys = Self.cases.map { $0.text + "|" + ($0.context ?? "") }
        #expect(Set(keys).count == keys.count, "no post is listed twice")
    }

    @Test("every family with threats also holds posts that must not be flagged")
    func nearMisses() {
        for family in Set(Self.cases.map(\.family)) {
            let posts = Self.cases.filter { $0.family == family }
            if posts.contains(where: \.isFlag) { #expect(posts.contains { !$0.isFlag }, "\(family) has no near miss") }
        }
    }

    @Test("the issue's hand-written posts behave as it says", arguments: [
        ("vamos todos al Congreso a reventar la plaza de gente", nil),
        ("hay que prenderle fuego a las redes con el hashtag #MarchaFederal", nil),
        ("el domingo los vamos a matar, bosteros, preparen los pañuelos", nil),
        ("dejé una mochila con explosivos en el subte línea C", ThreatCategory.threatToPlace),
        ("le voy a meter un cuchillo al ministro en el acto del viernes", .threatToPerson),
        ("hay que ir a buscar al juez a su casa y colgarlo", .incitement),
        ("esta noche quemamos la casa del concejal, traigan nafta", .incitement),
        ("tengo la 9mm cargada y sé a qué hora sale del colegio tu hija", .weaponWithIntent),
        ("mañana a la mañana voy con el fierro a la escuela y no queda nadie", .weaponWithIntent),
        ("I'm gonna stab the judge when he leaves court on Friday", .threatToPerson),
        ("Hay que sacarlos a los tiros!!!", .incitement),
        ("Bala a toda la familia", .incitement),
        ("Guillotina!", .incitement),
        ("paredón y bala", .incitement),
        ("a riflazos hay que sacarlos", .incitement),
        ("hay que voltear a este gobierno en las urnas", nil),
        ("me muero", nil),
        ("lo mato de risa", nil),
    ] as [(String, ThreatCategory?)])
    func issuePosts(text: String, category: ThreatCategory?) {
        let a = classifier.assess(text)
        #expect(a.category == category, "\(a.rule ?? "-"): \(a.phrases); cleared \(a.cleared)")
    }

    @Test("protest idioms are protest-shaped, so a surge never counts them")
    func protestShape() {
        #expect(classifier.assess("marcha al Congreso el jueves, todos a la plaza").protestShaped)
        #expect(classifier.assess("hay que prenderle fuego a las redes con el hashtag #MarchaFederal").protestShaped)
        #expect(!classifier.assess("que lindo día para una birra").protestShaped)
    }
}
