import Testing
@testable import FaceMatch

@Suite("Report card (NIST FRTE style)")
struct ReportCardTests {
    func s(_ group: String, mate: Float? = nil, other: Float, rank: Int? = nil) -> Calibration.SearchScore {
        Calibration.SearchScore(group: group, mated: mate != nil, mateScore: mate, bestNonMateScore: other, mateRank: rank)
    }

    @Test("Wilson 95 % intervals match the published values")
    func wilson() {
        let one = ErrorRate(errors: 1, of: 10) // Newcombe (1998), Table I: 0.0179 – 0.4042
        #expect(abs(one.lower - 0.017876) < 1e-6 && abs(one.upper - 0.404150) < 1e-6 && one.rate == 0.1)
        let none = ErrorRate(errors: 0, of: 10)
        #expect(none.lower == 0 && abs(none.upper - 0.277533) < 1e-6)
        let half = ErrorRate(errors: 5, of: 10)
        #expect(abs(half.lower - 0.236593) < 1e-6 && abs(half.upper - 0.763407) < 1e-6)
        let rare = ErrorRate(errors: 20, of: 20_000)
        #expect(abs(rare.lower - 0.000647) < 1e-6 && abs(rare.upper - 0.001544) < 1e-6)
        #expect(ErrorRate(errors: 0, of: 0) == ErrorRate(errors: 0, of: 0) && ErrorRate(errors: 0, of: 0).upper == 1)
    }

    /// Ten non-mated searches (best non-mate 0.0 … 0.9; A has the lower five)
    /// and four mated ones, by hand:
    /// - FPIR 0.1 allows one false candidate: T just above 0.8, FNIR 2/4 (0.65 and 0.3 miss);
    /// - FPIR 0.3 allows three: T just above 0.6, FNIR 1/4 (0.3 misses);
    /// - ranks 1, 2, none, 1: rank-1 misses 2/4, not among the candidates 1/4.
    @Test("hand-computed FNIR at FPIR, rank-1 and candidate-list misses, overall and per group")
    func handComputed() throws {
        var scores = (0..<10).map { i in s(i < 5 ? "A" : "B", other: Float(i) / 10) }
        scores += [s("A", mate: 0.95, other: 0.1, rank: 1), s("A", mate: 0.85, other: 0.9, rank: 2),
                   s("B", mate: 0.65, other: 0.7, rank: nil), s("B", mate: 0.3, other: 0.2, rank: 1)]
        let card = ReportCard.compute(galleries: [(entries: 3, templates: 4, fillers: 1, scores: scores)], fpirTargets: [0.1, 0.3], candidates: 2)
        #expect(card.candidates == 2 && card.interval.hasPrefix("Wilson"))
        let g = try #require(card.galleries.first)
        #expect(g.entries == 3 && g.fillers == 1 && g.rows.map(\.group) == [nil, "A", "B"])
        let all = g.rows[0], a = g.rows[1], b = g.rows[2]
        #expect(all.nonMatedSearches == 10 && all.matedSearches == 4)
        #expect(all.identification.map(\.threshold) == [Float(0.8).nextUp, Float(0.6).nextUp])
        #expect(all.identification.map(\.fpir) == [ErrorRate(errors: 1, of: 10), ErrorRate(errors: 3, of: 10)])
        #expect(all.identification.map(\.fnir) == [ErrorRate(errors: 2, of: 4), ErrorRate(errors: 1, of: 4)])
        #expect(all.rank1Miss == ErrorRate(errors: 2, of: 4) && all.candidatesMiss == ErrorRate(errors: 1, of: 4))
        // Groups at the overall thresholds.
        #expect(a.identification.map(\.fpir) == [ErrorRate(errors: 0, of: 5), ErrorRate(errors: 0, of: 5)])
        #expect(b.identification.map(\.fpir) == [ErrorRate(errors: 1, of: 5), ErrorRate(errors: 3, of: 5)])
        #expect(a.identification.map(\.fnir) == [ErrorRate(errors: 0, of: 2), ErrorRate(errors: 0, of: 2)])
        #expect(b.identification.map(\.fnir) == [ErrorRate(errors: 2, of: 2), ErrorRate(errors: 1, of: 2)])
        #expect(a.rank1Miss == ErrorRate(errors: 1, of: 2) && b.rank1Miss == ErrorRate(errors: 1, of: 2))
        #expect(a.candidatesMiss == ErrorRate(errors: 0, of: 2) && b.candidatesMiss == ErrorRate(errors: 1, of: 2))
    }

    @Test("the mate's rank counts entries that tie with it as ranked above it, and is nil past the candidate list")
    func ranks() throws {
        var index = WatchlistIndex(dimension: 4)
        try index.add(entry: "W1", templates: [[1, 0, 0, 0]])
        try index.add(entry: "W2", templates: [[1, 0, 0, 0]]) // the same template as W1: a tie
        try index.add(entry: "W3", templates: [[0.6, 0.8, 0, 0]])
        try index.add(entry: "W4", templates: [[0, 0, 1, 0]])
        let probes: [(embedding: [Float], mate: String?, group: String?)] = [
            ([1, 0, 0, 0], "W2", "A"), // tied with W1: rank 2
            ([0.6, 0.8, 0, 0], "W3", "A"), // rank 1
            ([0.1, 0, 1, 0], "W4", "B"), // rank 1
            ([1, 0.05, 0, 0], "W4", "B"), // W1, W2, W3 above it: rank 4, beyond 2 candidates
            ([0, 0, 0, 1], nil, "B"),
        ]
        let scores = try Calibration.scores(index: index, probes: probes, candidates: 2, threads: 2)
        #expect(scores.map(\.mateRank) == [2, 1, 1, nil, nil])
        #expect(scores[3].mateScore == 0 && scores[0].bestNonMateScore == 1)
        let card = ReportCard.compute(galleries: [(entries: 4, templates: 4, fillers: 0, scores: scores)], candidates: 2)
        #expect(card.galleries[0].rows[0].rank1Miss == ErrorRate(errors: 2, of: 4))
        #expect(card.galleries[0].rows[0].candidatesMiss == ErrorRate(errors: 1, of: 4))
    }
}
