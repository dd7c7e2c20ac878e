import Testing
@testable import FaceMatch

/// Every SIMD kernel this CPU runs against the portable one. Integer-valued
/// vectors keep every sum exact in float32, so the expected scores are known
/// exactly and fused and unfused multiply-adds must agree to the bit.
@Suite("SIMD kernels against the portable reference")
struct KernelTests {
    typealias SplitMix = ExactIndexTests.SplitMix

    /// Rows of small integers (−3…3); some rows repeated so scores tie.
    static func integerRows(_ n: Int, _ dim: Int, seed: UInt64, repeatEvery: Int = 0) -> [Float] {
        var rng = SplitMix(state: seed)
        var out: [Float] = []
        for i in 0..<n {
            if repeatEvery > 0, i >= repeatEvery, i % repeatEvery == 0 {
                out += out[((i - repeatEvery) * dim)..<((i - repeatEvery + 1) * dim)]
                continue
            }
            out += (0..<dim).map { _ in Float(Int(rng.next() % 7) - 3) }
        }
        return out
    }

    /// Every dot product in Int, then sorted by score and lower index.
    static func reference(_ rows: [Float], _ probes: [Float], dim: Int, k: Int, floor: Float = -.infinity) -> [[Candidate]] {
        let n = rows.count / dim
        return (0..<(probes.count / dim)).map { j in
            var all: [Candidate] = []
            for i in 0..<n {
                var s = 0
                for d in 0..<dim { s += Int(rows[i * dim + d]) * Int(probes[j * dim + d]) }
                if Float(s) > floor { all.append(Candidate(template: i, similarity: Float(s))) }
            }
            all.sort { $0.similarity != $1.similarity ? $0.similarity > $1.similarity : $0.template < $1.template }
            return Array(all.prefix(k))
        }
    }

    // 13 and 70 are not multiples of 16 (nor of 4); 300 spans three 128-dimension slices of a panel.
    @Test("exact path: identical to the integer reference on every kernel, batched and one probe at a time",
          arguments: [13, 70, 300])
    func exactExact(dim: Int) {
        let n = 333, rows = Self.integerRows(n, dim, seed: 5, repeatEvery: 50), probes = Self.integerRows(27, dim, seed: 6)
        let index = PackedIndex(rows: rows, dimension: dim)
        let want = Self.reference(rows, probes, dim: dim, k: 7)
        for kernel in FaceKernel.available(.exact) {
            #expect(index.search(probes, k: 7, kernel: kernel) == want, "batched, \(kernel)")
            for j in 0..<27 {
                let one = index.search(Array(probes[(j * dim)..<((j + 1) * dim)]), k: 7, kernel: kernel)
                #expect(one == [want[j]], "probe \(j), \(kernel)")
            }
        }
    }

    @Test("ties keep the lower template first; k above the count returns every template once")
    func tiesAndLargeK() {
        let dim = 20
        // Ten copies of one row: every probe ties across all ten.
        let row = (0..<dim).map { Float($0 % 5) - 2 }
        let rows = Array([[Float]](repeating: row, count: 10).joined())
        let index = PackedIndex(rows: rows, dimension: dim)
        for kernel in FaceKernel.available(.exact) {
            let got = index.search(row + row, k: 40, kernel: kernel)
            #expect(got.count == 2)
            for list in got {
                #expect(list.map(\.template) == Array(0..<10))
                #expect(Set(list.map(\.similarity)) == [Float(row.reduce(0) { $0 + $1 * $1 })])
            }
        }
        for kernel in FaceKernel.available(.compact) {
            #expect(index.approximate(row, k: 40, kernel: kernel)[0].map(\.template) == Array(0..<10))
        }
    }

    @Test("compact path: every int8 kernel computes the portable kernel's approximate scores bit for bit", arguments: [13, 70, 512])
    func compactIdentical(dim: Int) {
        var rng = SplitMix(state: 17)
        let rows = PackedIndexTests.unitRows(500, dim, &rng), probes = PackedIndexTests.unitRows(30, dim, &rng)
        let index = PackedIndex(rows: rows, dimension: dim)
        let want = index.approximate(probes, k: 9, kernel: .portable)
        #expect(want.allSatisfy { $0.count == 9 })
        for kernel in FaceKernel.available(.compact) {
            #expect(index.approximate(probes, k: 9, kernel: kernel) == want, "\(kernel)")
        }
    }

    @Test("this CPU's best kernels are the ones selected, and asking for less gets less")
    func selection() {
        let exact = FaceKernel.available(.exact), compact = FaceKernel.available(.compact)
        #expect(exact.first == .portable && compact.first == .portable)
        #expect(PackedIndex.kernel(.exact, requested: .portable) == "portable")
        #expect(PackedIndex.kernel(.compact, requested: .portable) == "portable")
        if exact.contains(.avx2) { #expect(PackedIndex.kernel(.exact, requested: .avx2) == "avx2-fma") }
        if exact.contains(.avx512) { #expect(PackedIndex.kernel(.exact) == "avx512f") }
        if compact.contains(.avx2) { #expect(["avx2", "avx-vnni"].contains(PackedIndex.kernel(.compact, requested: .avx2))) }
        if compact.contains(.avx512) { #expect(PackedIndex.kernel(.compact) == "avx512-vnni") }
    }

    @Test("AVX-512 kernels agree with the portable ones", .enabled(if: FaceKernel.available(.exact).contains(.avx512)))
    func avx512() {
        let dim = 70, rows = Self.integerRows(200, dim, seed: 8), probes = Self.integerRows(13, dim, seed: 9)
        let index = PackedIndex(rows: rows, dimension: dim)
        #expect(index.search(probes, k: 5, kernel: .avx512) == Self.reference(rows, probes, dim: dim, k: 5))
    }

    @Test("non-finite and zero templates and probes are refused")
    func refused() {
        var index = WatchlistIndex(dimension: 4)
        let bad: [[Float]] = [[1, .nan, 0, 0], [.infinity, 0, 0, 0], [0, 0, 0, 0]]
        for v in bad {
            #expect(throws: EmbeddingError.self) { try v.withUnsafeBufferPointer { try index.add(entry: "W", template: $0) } }
        }
        #expect(index.templateCount == 0)
        try? index.add(entry: "W", templates: [[1, 0, 0, 0]])
        let packed = index.packed(threads: 2)
        #expect(throws: EmbeddingError.notFinite) { try index.search(batch: [[1, .nan, 0, 0]], in: packed, k: 1, floor: 0) }
    }
}
