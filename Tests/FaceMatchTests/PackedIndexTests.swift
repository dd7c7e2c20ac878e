import Testing
@testable import FaceMatch

@Suite("Batched search kernels")
struct PackedIndexTests {
    typealias SplitMix = ExactIndexTests.SplitMix

    static func unitRows(_ n: Int, _ dim: Int, _ rng: inout SplitMix) -> [Float] {
        var out: [Float] = []
        for _ in 0..<n {
            let v = (0..<dim).map { _ in Float.random(in: -1...1, using: &rng) }
            out += try! ExactIndex.normalised(v, dimension: dim)
        }
        return out
    }

    /// Reference: every dot product, sorted (ties: lower index first).
    static func bruteForce(_ rows: [Float], _ probe: ArraySlice<Float>, dim: Int, k: Int) -> [Candidate] {
        let p = Array(probe)
        var all: [Candidate] = []
        for i in 0..<(rows.count / dim) {
            var s: Float = 0
            for d in 0..<dim { s += rows[i * dim + d] * p[d] }
            all.append(Candidate(template: i, similarity: s))
        }
        all.sort { (a: Candidate, b: Candidate) -> Bool in a.similarity != b.similarity ? a.similarity > b.similarity : a.template < b.template }
        return Array(all.prefix(k))
    }

    // Sizes that are not multiples of the panel (32), probe block (12) or int8 group (4).
    @Test("exact path: same templates as brute force, on both kernels", arguments: [false, true])
    func exactMatchesBruteForce(portable: Bool) {
        var rng = SplitMix(state: 7)
        let dim = 70, n = 1_001, probes = 29, k = 5
        let rows = Self.unitRows(n, dim, &rng), queries = Self.unitRows(probes, dim, &rng)
        let index = PackedIndex(rows: rows, dimension: dim)
        let got = index.search(queries, k: k, path: .exact, portable: portable)
        #expect(got.count == probes)
        for j in 0..<probes {
            let want = Self.bruteForce(rows, queries[(j * dim)..<((j + 1) * dim)], dim: dim, k: k)
            #expect(got[j].map(\.template) == want.map(\.template), "probe \(j)")
            for (a, b) in zip(got[j], want) { #expect(abs(a.similarity - b.similarity) < 1e-5) }
            // One probe alone takes the streaming kernel; same answer.
            let single = index.search(Array(queries[(j * dim)..<((j + 1) * dim)]), k: k, path: .exact, portable: portable)
            #expect(single[0].map(\.template) == want.map(\.template), "single probe \(j)")
        }
    }

    @Test("the floor drops weaker templates and leaves no padding rows")
    func floorAndPadding() {
        var rng = SplitMix(state: 9)
        let dim = 16, n = 33
        let rows = Self.unitRows(n, dim, &rng)
        let index = PackedIndex(rows: rows, dimension: dim)
        // A probe equal to template 32 (the only row of the second panel).
        let probe = Array(rows[(32 * dim)..<(33 * dim)])
        let hits = index.search(probe, k: 40, floor: 0.999)
        #expect(hits[0].map(\.template) == [32])
        let all = index.search(probe, k: 40)
        #expect(all[0].count == n)
        #expect(all[0].map(\.template).max() == n - 1)
    }

    @Test("compact path: re-scored top-1 equals exact top-1 on mated and non-mated probes", arguments: [false, true])
    func compactRecall(portable: Bool) {
        var rng = SplitMix(state: 11)
        let dim = 128, n = 3_000
        let rows = Self.unitRows(n, dim, &rng)
        // Half the probes are noisy copies of a template, half unrelated.
        var probes: [Float] = []
        for j in 0..<60 {
            var v = (0..<dim).map { _ in Float.random(in: -1...1, using: &rng) }
            if j % 2 == 0 { for d in 0..<dim { v[d] = rows[(j * 37) * dim + d] * 4 + v[d] * 0.05 } }
            probes += try! ExactIndex.normalised(v, dimension: dim)
        }
        let index = PackedIndex(rows: rows, dimension: dim)
        let exact = index.search(probes, k: 1, path: .exact, portable: portable)
        let compact = index.search(probes, k: 1, path: .compact, rescore: 16, portable: portable)
        #expect(exact.map { $0.first?.template } == compact.map { $0.first?.template })
        for j in stride(from: 0, to: 60, by: 2) { #expect(compact[j].first?.template == j * 37) }
        // Re-scoring makes the compact scores exact.
        for (a, b) in zip(exact, compact) { #expect(abs(a[0].similarity - b[0].similarity) < 1e-5) }
    }

    @Test("wiping overwrites the packed copies")
    func wipe() {
        var rng = SplitMix(state: 3)
        var index = PackedIndex(rows: Self.unitRows(40, 8, &rng), dimension: 8)
        index.wipe()
        let probe = Self.unitRows(1, 8, &rng)
        let found = index.search(probe, k: 3, floor: 0.0001)
        #expect(found.count == 1 && found[0].isEmpty)
    }
}
