import Testing
@testable import FaceMatch
import VigiaCore

@Suite("Watchlist index and calibration")
struct CalibrationTests {
    @Test("removing an entry takes all its templates out of the search at once")
    func purge() throws {
        var index = WatchlistIndex(dimension: 4)
        try index.add(entry: "W1", templates: [[1, 0, 0, 0], [0.9, 0.1, 0, 0]])
        try index.add(entry: "W2", templates: [[0, 1, 0, 0]])
        #expect(try index.search([1, 0, 0, 0], k: 5).map(\.entry) == ["W1", "W2"])
        index.remove(entry: "W1")
        #expect(index.templateCount == 1 && index.entryCount == 1)
        #expect(try index.search([1, 0, 0, 0], k: 5).map(\.entry) == ["W2"])
    }

    func score(_ group: String, mated: Bool, mate: Float? = nil, other: Float) -> Calibration.SearchScore {
        Calibration.SearchScore(group: group, mated: mated, mateScore: mate, bestNonMateScore: other)
    }

    @Test("hand-computed: ten non-mated searches at FPIR 0.1 allow one false candidate")
    func threshold() {
        var scores = (0..<10).map { i in score(i < 5 ? "A" : "B", mated: false, other: Float(i) / 10) } // 0.0 … 0.9
        scores += [score("A", mated: true, mate: 0.95, other: 0.1), score("B", mated: true, mate: 0.75, other: 0.1)] // B's mate scores below T
        let r = Calibration.calibrate(scores, targetFPIR: 0.1, templates: 2, entries: 2)
        // Sorted non-mated maxima 0.9, 0.8, …: one may pass, so T is just above 0.8.
        #expect(r.threshold == Float(0.8).nextUp)
        #expect(r.fpir == 0.1 && r.fnir == 0.5)
        #expect(r.groups == [Calibration.GroupResult(group: "A", nonMated: 5, mated: 1, fpir: 0, fnir: 0),
                             Calibration.GroupResult(group: "B", nonMated: 5, mated: 1, fpir: 0.2, fnir: 1)])
        #expect(r.fpirSpread == .infinity)
    }

    @Test("on synthetic embeddings the achieved FPIR meets the target and a high-α group shows higher FPIR")
    func synthetic() throws {
        var random = SeededRandom(seed: 21)
        let dim = 64
        func unit(_ v: [Double]) -> [Float] { let n = v.reduce(0) { $0 + $1 * $1 }.squareRoot(); return v.map { Float($0 / n) } }
        let directions = (0..<2).map { _ in unit((0..<dim).map { _ in random.gaussian() }).map(Double.init) }
        let alphas = [0.05, 0.6]
        func identity(_ g: Int) -> [Double] { unit((0..<dim).map { alphas[g] * directions[g][$0] + random.gaussian() / Double(dim).squareRoot() }).map(Double.init) }
        func capture(_ c: [Double]) -> [Float] { unit(c.map { $0 + 0.6 * random.gaussian() / Double(dim).squareRoot() }) }
        var index = WatchlistIndex(dimension: dim)
        var people: [(String, Int, [Double])] = []
        for i in 0..<200 {
            let g = i % 2, c = identity(g)
            people.append(("W\(i)", g, c))
            try index.add(entry: "W\(i)", templates: [capture(c)])
        }
        var probes: [(embedding: [Float], mate: String?, group: String?)] = []
        for i in 0..<4_000 { let g = i % 2; probes.append((capture(identity(g)), nil, g == 0 ? "A" : "B")) }
        for p in people { probes.append((capture(p.2), p.0, p.1 == 0 ? "A" : "B")) }
        let scores = try Calibration.scores(index: index, probes: probes)
        let r = Calibration.calibrate(scores, targetFPIR: 0.01, templates: index.templateCount, entries: index.entryCount)
        #expect(r.fpir <= 0.01 && r.fpir > 0.005)
        #expect(r.fnir < 0.5)
        let a = try #require(r.groups.first { $0.group == "A" }), b = try #require(r.groups.first { $0.group == "B" })
        #expect(b.fpir > a.fpir, "the group with shared features is falsely matched more often")
    }
}
