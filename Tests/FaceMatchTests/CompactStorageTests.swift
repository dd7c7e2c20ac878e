import Testing
@testable import FaceMatch

@Suite("Compact storage: int8 scan with a 4-bit residual")
struct CompactStorageTests {
    typealias SplitMix = ExactIndexTests.SplitMix

    static func compact(_ rows: [Float], dim: Int) -> CompactTemplates {
        var c = CompactTemplates(dimension: dim, keepsResidual: true)
        rows.withUnsafeBufferPointer { all in
            for i in 0..<(rows.count / dim) { c.append(UnsafeBufferPointer(rebasing: all[(i * dim)..<((i + 1) * dim)])) }
        }
        return c
    }

    @Test("every rebuilt value is within step / 28, and every cosine within the documented bound, even for the worst probe")
    func errorBound() throws {
        var rng = SplitMix(state: 41)
        let dim = 512, n = 200
        var rows = PackedIndexTests.unitRows(n, dim, &rng)
        // A spiky row: one large value makes its step coarse; its bound says so.
        var spike = [Float](repeating: 0.01, count: dim)
        spike[3] = 0.9
        rows.replaceSubrange(0..<dim, with: try ExactIndex.normalised(spike, dimension: dim))
        let c = Self.compact(rows, dim: dim)
        let probes = PackedIndexTests.unitRows(20, dim, &rng)
        for i in 0..<n {
            let row = Array(rows[(i * dim)..<((i + 1) * dim)]), rebuilt = c.rebuilt(row: i)
            let step = c.steps[i]
            let error = zip(row, rebuilt).map { $0 - $1 }
            #expect(error.allSatisfy { abs($0) <= step / 28 * 1.0001 }, "row \(i)")
            // The worst unit probe points along the error: its cosine error is ‖e‖ ≤ √dim × step / 28.
            let norm = error.reduce(0) { $0 + $1 * $1 }.squareRoot()
            #expect(norm <= c.errorBound(row: i))
            let worst = error.map { $0 / max(norm, .leastNonzeroMagnitude) }
            for (probe, label) in [(worst, "worst"), (Array(probes[((i % 20) * dim)..<((i % 20 + 1) * dim)]), "random")] {
                let exact = zip(row, probe).reduce(Float(0)) { $0 + $1.0 * $1.1 }
                let got = probe.withUnsafeBufferPointer { c.rebuiltDot($0.baseAddress!, row: i) }
                #expect(abs(got - exact) <= c.errorBound(row: i) + 1e-5, "row \(i), \(label) probe")
            }
        }
        // Unit Gaussian rows (largest value about 0.15–0.2) stay near 1e-3; the spike row's bound is wider.
        #expect((1..<n).allSatisfy { c.errorBound(row: $0) < 2e-3 })
        #expect(c.errorBound(row: 0) > c.errorBound(row: 1))
    }

    @Test("compact storage finds the same mates as float32 storage, with scores within the bound")
    func sameAnswers() throws {
        var rng = SplitMix(state: 43)
        let dim = 128, n = 2_000
        let rows = PackedIndexTests.unitRows(n, dim, &rng)
        var exact = WatchlistIndex(dimension: dim), compact = WatchlistIndex(dimension: dim, storage: .compact)
        for i in 0..<n {
            let t = Array(rows[(i * dim)..<((i + 1) * dim)])
            try exact.add(entry: "W\(i)", templates: [t])
            try t.withUnsafeBufferPointer { try compact.add(entry: "W\(i)", template: $0) }
        }
        #expect(compact.bytesPerTemplate == 128 + 4 + 64)
        var probes: [[Float]] = []
        for j in 0..<40 {
            let noise = PackedIndexTests.unitRows(1, dim, &rng)
            probes.append(try ExactIndex.normalised((0..<dim).map { rows[(j * 47) * dim + $0] + 0.9 * noise[$0] }, dimension: dim))
        }
        let a = try exact.search(batch: probes, in: exact.packed(threads: 2), k: 3, floor: -1)
        let b = try compact.search(batch: probes, in: compact.packed(threads: 2), k: 3, floor: -1)
        for j in 0..<40 {
            #expect(b[j].first?.entry == "W\(j * 47)")
            #expect(a[j].first?.entry == b[j].first?.entry)
            let bound = compact.rescoreErrorBound(template: j * 47)
            #expect(abs((a[j].first?.similarity ?? 0) - (b[j].first?.similarity ?? 9)) <= bound + 1e-5)
            #expect(abs(try compact.bestScore(probes[j], entry: "W\(j * 47)")! - a[j][0].similarity) <= bound + 1e-5)
        }
    }

    @Test("removing an entry from compact storage keeps the others' bytes and drops its own")
    func remove() throws {
        var rng = SplitMix(state: 47)
        let dim = 24, rows = PackedIndexTests.unitRows(70, dim, &rng)
        var index = WatchlistIndex(dimension: dim, storage: .compact)
        for i in 0..<70 { try index.add(entry: "W\(i % 35)", templates: [Array(rows[(i * dim)..<((i + 1) * dim)])]) }
        let probe = Array(rows[(40 * dim)..<(41 * dim)]) // a template of W5
        let before = try index.search(probe, k: 3)
        #expect(before.first?.entry == "W5")
        index.remove(entry: "W5")
        #expect(index.templateCount == 68 && index.entryCount == 34 && !index.contains(entry: "W5"))
        let after = try index.search(probe, k: 2)
        #expect(after.map(\.entry) == Array(before.dropFirst().prefix(2)).map(\.entry))
        #expect(after.map(\.similarity) == Array(before.dropFirst().prefix(2)).map(\.similarity))
    }

    @Test("a laid-out index filled in storage order equals one built entry by entry", arguments: [WatchlistIndex.Storage.float32, .compact])
    func placed(storage: WatchlistIndex.Storage) throws {
        var rng = SplitMix(state: 53)
        let dim = 40, rows = PackedIndexTests.unitRows(12, dim, &rng)
        func t(_ i: Int) -> [Float] { Array(rows[(i * dim)..<((i + 1) * dim)]) }
        // Entry B's templates were stored before A's, and C's in between: the table's order, not the ids'.
        let stored: [(String, Int)] = [("B", 0), ("A", 1), ("C", 2), ("B", 3), ("A", 4), ("X", 5), ("A", 6)]
        var built = WatchlistIndex(dimension: dim, storage: storage)
        try built.add(entry: "A", templates: [t(1), t(4), t(6)])
        try built.add(entry: "B", templates: [t(0), t(3)])
        try built.add(entry: "C", templates: [t(2)])
        var placed = WatchlistIndex(dimension: dim, storage: storage, layout: [("A", 3), ("B", 2), ("C", 1)])
        #expect(!placed.isComplete)
        for (entry, i) in stored {
            let took = try t(i).withUnsafeBufferPointer { try placed.place(entry: entry, template: $0) }
            #expect(took == (entry != "X"), "X is not searchable: no slot")
        }
        #expect(placed.isComplete && placed.entryIDs == ["A", "B", "C"] && placed.templateCount == 6)
        let extra = try t(1).withUnsafeBufferPointer { try placed.place(entry: "A", template: $0) }
        #expect(!extra, "A's three slots are full")
        let probes = (0..<12).map(t)
        let a = try built.search(batch: probes, in: built.packed(threads: 2), k: 3, floor: -1)
        let b = try placed.search(batch: probes, in: placed.packed(threads: 2), k: 3, floor: -1)
        #expect(a.map { $0.map(\.entry) } == b.map { $0.map(\.entry) })
        #expect(a.map { $0.map(\.similarity) } == b.map { $0.map(\.similarity) })
    }
}
