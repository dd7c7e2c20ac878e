import Testing
@testable import FaceMatch

@Suite("Exact 1:N search")
struct ExactIndexTests {
    /// A deterministic generator so failures reproduce.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test("top-k equals a brute-force reference on random data")
    func matchesBruteForce() throws {
        var rng = SplitMix(state: 42)
        let dim = 67 // not a multiple of 16: exercises the tail loop
        var index = ExactIndex(dimension: dim)
        var templates: [[Float]] = []
        for _ in 0..<300 {
            let v = (0..<dim).map { _ in Float.random(in: -1...1, using: &rng) }
            templates.append(try ExactIndex.normalised(v, dimension: dim))
            try index.add(v)
        }
        for _ in 0..<20 {
            let probe = (0..<dim).map { _ in Float.random(in: -1...1, using: &rng) }
            let q = try ExactIndex.normalised(probe, dimension: dim)
            let reference = templates.enumerated().map { i, t in (i, zip(q, t).reduce(Float(0)) { $0 + $1.0 * $1.1 }) }
                .sorted { $0.1 > $1.1 }.prefix(5).map(\.0)
            let found = try index.search(probe, k: 5)
            #expect(found.map(\.template) == Array(reference))
            #expect(found.map(\.similarity) == found.map(\.similarity).sorted(by: >))
        }
    }

    @Test("wrong dimension, NaN and zero vectors are refused")
    func badInput() {
        #expect(throws: EmbeddingError.wrongDimension(expected: 4, found: 3)) { try ExactIndex.normalised([1, 2, 3], dimension: 4) }
        #expect(throws: EmbeddingError.notFinite) { try ExactIndex.normalised([1, .nan, 0, 0], dimension: 4) }
        #expect(throws: EmbeddingError.notFinite) { try ExactIndex.normalised([1, .infinity, 0, 0], dimension: 4) }
        #expect(throws: EmbeddingError.zeroVector) { try ExactIndex.normalised([0, 0, 0, 0], dimension: 4) }
    }
}
