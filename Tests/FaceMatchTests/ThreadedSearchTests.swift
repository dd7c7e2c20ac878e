import Testing
@testable import FaceMatch

@Suite("Search split over threads")
struct ThreadedSearchTests {
    typealias SplitMix = ExactIndexTests.SplitMix

    @Test("every thread count returns what one thread returns, on both paths, ties across shards included",
          arguments: [2, 3, 8])
    func identical(threads: Int) {
        var rng = SplitMix(state: 23)
        let dim = 70, n = 1_001
        var rows = PackedIndexTests.unitRows(n, dim, &rng)
        // Template 900 (last shard) copies template 10 (first shard): equal scores, lower index first.
        rows.replaceSubrange((900 * dim)..<(901 * dim), with: rows[(10 * dim)..<(11 * dim)])
        var probes = PackedIndexTests.unitRows(25, dim, &rng)
        probes.replaceSubrange(0..<dim, with: rows[(10 * dim)..<(11 * dim)])
        let index = PackedIndex(rows: rows, dimension: dim)
        for path in [PackedIndex.Path.exact, .compact] {
            let one = index.search(probes, k: 6, path: path, threads: 1)
            #expect(index.search(probes, k: 6, path: path, threads: threads) == one, "\(path)")
            // One probe alone takes the streaming kernel (its own summation order): compare it with itself on one thread.
            let single = index.search(Array(probes[0..<dim]), k: 6, path: path, threads: threads)
            #expect(single == index.search(Array(probes[0..<dim]), k: 6, path: path, threads: 1), "one probe, \(path)")
            #expect(single[0].map(\.template) == one[0].map(\.template), "one probe, \(path)")
        }
        #expect(index.search(Array(probes[0..<dim]), k: 2, threads: threads)[0].map(\.template) == [10, 900])
        #expect(index.approximate(probes, k: 12, threads: threads) == index.approximate(probes, k: 12, threads: 1))
    }

    @Test("more threads than panels, k above the count, and a floor: same as one thread")
    func smallIndex() {
        var rng = SplitMix(state: 29)
        let dim = 16, rows = PackedIndexTests.unitRows(40, dim, &rng), probes = PackedIndexTests.unitRows(3, dim, &rng)
        let index = PackedIndex(rows: rows, dimension: dim)
        let one = index.search(probes, k: 50, floor: 0.1, threads: 1)
        #expect(index.search(probes, k: 50, floor: 0.1, threads: 16) == one)
        #expect(one.allSatisfy { $0.allSatisfy { $0.similarity > 0.1 } })
    }

    @Test("calibration scores do not depend on the thread count")
    func calibration() throws {
        var rng = SplitMix(state: 31)
        let dim = 32
        var index = WatchlistIndex(dimension: dim)
        let rows = PackedIndexTests.unitRows(300, dim, &rng)
        for i in 0..<300 { try index.add(entry: "W\(i / 2)", templates: [Array(rows[(i * dim)..<((i + 1) * dim)])]) }
        let probes = PackedIndexTests.unitRows(40, dim, &rng)
        let set = (0..<40).map { j in (embedding: Array(probes[(j * dim)..<((j + 1) * dim)]), mate: j % 2 == 0 ? "W\(j)" : nil, group: Optional("G")) }
        let one = try Calibration.scores(index: index, probes: set, candidates: 50, threads: 1)
        #expect(try Calibration.scores(index: index, probes: set, candidates: 50, threads: 4) == one)
    }
}
