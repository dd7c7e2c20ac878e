import FaceMatch
import Foundation
import VigiaCore

/// 1:N face search on a synthetic watchlist: unit-length random templates and
/// probes, half of them noisy copies of a template (mated), half unrelated.
/// One thread. Exact float32 one probe at a time and in batches, then the
/// compact int8 path (exact re-scoring of its best 32) with its recall@1
/// against exact search.
enum FacesBench {
    static func run(templates: Int, dimension: Int, repeats: Int) -> BenchReport {
        var rng = SeededRandom(seed: 512)
        func unit(_ v: [Float]) -> [Float] { (try? ExactIndex.normalised(v, dimension: dimension)) ?? v }
        var rows = [Float](); rows.reserveCapacity(templates * dimension)
        for _ in 0..<templates { rows += unit((0..<dimension).map { _ in Float(rng.gaussian()) }) }
        let probeCount = 1_024
        var probes = [Float](); probes.reserveCapacity(probeCount * dimension)
        for j in 0..<probeCount {
            let mate = j % 2 == 0 ? Int(rng.next() % UInt64(templates)) : nil
            probes += unit((0..<dimension).map { d in
                let noise = Float(rng.gaussian())
                return mate.map { rows[$0 * dimension + d] * Float(dimension).squareRoot() + noise * 0.8 } ?? noise
            })
        }
        let index = PackedIndex(rows: rows, dimension: dimension)
        let k = 10, batch = 64, rescore = 16

        func rate(_ probesDone: Int, _ body: () -> Void) -> Double {
            var samples: [Double] = []
            for _ in 0..<repeats {
                let start = DispatchTime.now().uptimeNanoseconds
                body()
                samples.append(Double(probesDone) / (Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9))
            }
            return median(samples)
        }
        let singles = min(200, probeCount)
        let exact1 = rate(singles) {
            for j in 0..<singles { _ = index.search(Array(probes[(j * dimension)..<((j + 1) * dimension)]), k: k) }
        }
        func batched(_ path: PackedIndex.Path, portable: Bool = false) -> (rate: Double, top1: [Int?]) {
            var top1: [Int?] = []
            let r = rate(probeCount) {
                top1 = []
                for start in stride(from: 0, to: probeCount, by: batch) {
                    let slice = Array(probes[(start * dimension)..<(min(start + batch, probeCount) * dimension)])
                    top1 += index.search(slice, k: k, path: path, rescore: rescore, portable: portable).map { $0.first?.template }
                }
            }
            return (r, top1)
        }
        let exact = batched(.exact)
        let compact = batched(.compact)
        let agree = zip(exact.top1, compact.top1).filter { $0 == $1 }.count
        let recall = Double(agree) / Double(probeCount)
        let portable = batched(.exact, portable: true)

        func params(_ path: PackedIndex.Path, batch: Int, kernel: String) -> [String: BenchParam] {
            var p: [String: BenchParam] = ["templates": .int(templates), "dim": .int(dimension), "batch": .int(batch), "threads": .int(1),
                                           "path": .string(path.rawValue), "k": .int(k), "kernel": .string(kernel),
                                           "bytes_scanned_per_template": .int(PackedIndex.scannedBytesPerTemplate(path, dimension: dimension))]
            if path == .compact { p["recall_at_1"] = .double(recall); p["rescored"] = .int(rescore) }
            return p
        }
        let exactKernel = PackedIndex.exactKernel, compactKernel = PackedIndex.compactKernel
        return BenchReport(suite: "faces", results: [
            BenchResult(name: "exact_batch1", unit: "probes/s", value: exact1, params: params(.exact, batch: 1, kernel: exactKernel)),
            BenchResult(name: "exact_batch64", unit: "probes/s", value: exact.rate, params: params(.exact, batch: batch, kernel: exactKernel)),
            BenchResult(name: "compact_batch64", unit: "probes/s", value: compact.rate, params: params(.compact, batch: batch, kernel: compactKernel)),
            BenchResult(name: "exact_batch64_portable", unit: "probes/s", value: portable.rate, params: params(.exact, batch: batch, kernel: "portable")),
            BenchResult(name: "memory_per_template_exact", unit: "bytes", value: Double(dimension * 4),
                        params: params(.exact, batch: batch, kernel: exactKernel)),
            // The compact path scans the int8 copy and keeps the float rows for re-scoring.
            BenchResult(name: "memory_per_template_compact", unit: "bytes", value: Double(PackedIndex.scannedBytesPerTemplate(.compact, dimension: dimension) + dimension * 4),
                        params: params(.compact, batch: batch, kernel: compactKernel)),
        ])
    }
}
