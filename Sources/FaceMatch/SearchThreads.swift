import Dispatch
import Foundation

/// Splitting one search over cores: each worker scans a shard of whole
/// template panels into its own top-k lists, and the lists are merged.
/// Workers come from Dispatch's fixed pool (one thread per core), so no
/// thread is created per search.
public enum SearchThreads {
    /// The cores this process may use.
    public static var available: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// Shard `s` of `shards` over `panels` panels: its first panel and how many.
    static func shard(_ s: Int, of shards: Int, panels: Int) -> (first: Int, count: Int) {
        let first = panels * s / shards, end = panels * (s + 1) / shards
        return (first, end - first)
    }

    /// Runs `body(s)` for every shard, on `shards` workers at once.
    static func run(_ shards: Int, _ body: @Sendable (Int) -> Void) {
        if shards <= 1 { body(0); return }
        DispatchQueue.concurrentPerform(iterations: shards, execute: body)
    }

    /// Merges per-shard top-k lists (each best first, shards in template
    /// order, unused slots index −1) into one top-k per probe: by score, and
    /// on equal scores the lower template first, exactly as one shard would.
    static func merge(scores: [Float], index: [Int64], shards: Int, probes: Int, k: Int) -> (scores: [Float], index: [Int64]) {
        if shards == 1 { return (scores, index) }
        var outScores = [Float](repeating: -.infinity, count: probes * k), outIndex = [Int64](repeating: -1, count: probes * k)
        var at = [Int](repeating: 0, count: shards)
        for j in 0..<probes {
            for s in 0..<shards { at[s] = 0 }
            for slot in 0..<k {
                var best = -1
                for s in 0..<shards where at[s] < k {
                    let i = (s * probes + j) * k + at[s]
                    guard index[i] >= 0 else { continue }
                    if best < 0 || scores[i] > scores[(best * probes + j) * k + at[best]] { best = s }
                }
                guard best >= 0 else { break }
                let i = (best * probes + j) * k + at[best]
                outScores[j * k + slot] = scores[i]
                outIndex[j * k + slot] = index[i]
                at[best] += 1
            }
        }
        return (outScores, outIndex)
    }
}

/// Output lists of every shard, written by the workers. Each worker writes
/// only its own shard's slice, and the buffers outlive `SearchThreads.run`,
/// which returns after every worker has finished: that is why the unchecked
/// Sendable is safe.
final class ShardOutput: @unchecked Sendable {
    let scores: UnsafeMutablePointer<Float>
    let index: UnsafeMutablePointer<Int64>
    let count: Int

    init(count: Int) {
        self.count = count
        scores = .allocate(capacity: max(1, count))
        index = .allocate(capacity: max(1, count))
    }

    deinit {
        scores.deallocate()
        index.deallocate()
    }

    var arrays: (scores: [Float], index: [Int64]) {
        (Array(UnsafeBufferPointer(start: scores, count: count)), Array(UnsafeBufferPointer(start: index, count: count)))
    }
}
