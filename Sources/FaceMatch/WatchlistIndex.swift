import Foundation
import VigiaCore

/// The searchable templates, stored contiguously (row-major, unit length) with
/// the entry each belongs to. Only entries that may be searched are ever
/// added, and removing an entry deletes its templates from memory at once
/// (safeguard 2).
public struct WatchlistIndex: Sendable {
    public let dimension: Int
    public private(set) var vectors: [Float] = []
    /// Entry ids, each once, in the order they were added.
    public private(set) var entryIDs: [String] = []
    /// For each template, its entry's position in `entryIDs`.
    private var entryOfTemplate: [Int32] = []
    private var positionOfEntry: [String: Int] = [:]

    public init(dimension: Int) {
        self.dimension = dimension
    }

    public var templateCount: Int { entryOfTemplate.count }
    public var entryCount: Int { entryIDs.count }
    public func contains(entry: String) -> Bool { positionOfEntry[entry] != nil }

    /// The entry's position in `entryIDs` (and in `bestScores`).
    public func position(of entry: String) -> Int? { positionOfEntry[entry] }

    /// Adds an entry's templates, each L2-normalised; refuses bad vectors.
    public mutating func add(entry: String, templates: [[Float]]) throws {
        let normalised = try templates.map { try ExactIndex.normalised($0, dimension: dimension) }
        let position: Int
        if let p = positionOfEntry[entry] {
            position = p
        } else {
            position = entryIDs.count
            entryIDs.append(entry)
            positionOfEntry[entry] = position
        }
        for t in normalised {
            vectors += t
            entryOfTemplate.append(Int32(position))
        }
    }

    /// Removes every template of `entry`, overwriting the freed storage.
    public mutating func remove(entry: String) {
        guard let gone = positionOfEntry[entry] else { return }
        var kept = WatchlistIndex(dimension: dimension)
        for (i, position) in entryOfTemplate.enumerated() where Int(position) != gone {
            let id = entryIDs[Int(position)]
            if kept.positionOfEntry[id] == nil {
                kept.positionOfEntry[id] = kept.entryIDs.count
                kept.entryIDs.append(id)
            }
            kept.vectors.append(contentsOf: vectors[(i * dimension)..<((i + 1) * dimension)])
            kept.entryOfTemplate.append(Int32(kept.positionOfEntry[id]!))
        }
        for i in vectors.indices { vectors[i] = 0 }
        self = kept
    }

    /// The best cosine score of each entry for one probe, indexed like `entryIDs`:
    /// the one scan both live search and calibration use.
    public func bestScores(_ probe: [Float]) throws -> [Float] {
        let q = try ExactIndex.normalised(probe, dimension: dimension)
        var best = [Float](repeating: -2, count: entryIDs.count)
        vectors.withUnsafeBufferPointer { t in
            q.withUnsafeBufferPointer { q in
                for i in 0..<templateCount {
                    let s = SIMDKernels.dot(q.baseAddress!, t.baseAddress! + i * dimension, dimension)
                    let e = Int(entryOfTemplate[i])
                    if s > best[e] { best[e] = s }
                }
            }
        }
        return best
    }

    /// The templates packed for batched search (build once, search many).
    public func packed() -> PackedIndex { PackedIndex(rows: vectors, dimension: dimension) }

    /// The entry of template `i` of `packed()`.
    public func entry(ofTemplate i: Int) -> String { entryIDs[Int(entryOfTemplate[i])] }

    /// A batch of probes through `packed` (built from this index): per probe
    /// the best score of up to `k` entries scoring at least `floor`, best first.
    public func search(batch probes: [[Float]], in packed: PackedIndex, k: Int, floor: Float) throws -> [[(entry: String, similarity: Float)]] {
        var flat: [Float] = []
        flat.reserveCapacity(probes.count * dimension)
        for p in probes { flat += try ExactIndex.normalised(p, dimension: dimension) }
        // Templates, not entries, come back. The k best entries' best templates
        // are always within the first k × (most templates of one entry).
        var counts = [Int](repeating: 0, count: entryIDs.count)
        for e in entryOfTemplate { counts[Int(e)] += 1 }
        let found = packed.search(flat, k: k * max(1, counts.max() ?? 1), floor: floor.nextDown)
        return found.map { candidates in
            var seen = Set<String>(), out: [(entry: String, similarity: Float)] = []
            for c in candidates {
                let e = entry(ofTemplate: c.template)
                if seen.insert(e).inserted { out.append((e, c.similarity)) }
                if out.count == k { break }
            }
            return out
        }
    }

    /// The best score of one entry's templates for a probe (nil if not in the index).
    public func bestScore(_ probe: [Float], entry: String) throws -> Float? {
        guard let position = positionOfEntry[entry] else { return nil }
        let q = try ExactIndex.normalised(probe, dimension: dimension)
        var best: Float = -2
        vectors.withUnsafeBufferPointer { t in
            q.withUnsafeBufferPointer { q in
                for i in 0..<templateCount where Int(entryOfTemplate[i]) == position {
                    best = max(best, SIMDKernels.dot(q.baseAddress!, t.baseAddress! + i * dimension, dimension))
                }
            }
        }
        return best
    }

    /// The best score per entry for one probe, best entries first (top `k`).
    public func search(_ probe: [Float], k: Int) throws -> [(entry: String, similarity: Float)] {
        let best = try bestScores(probe)
        return best.indices.sorted { best[$0] != best[$1] ? best[$0] > best[$1] : entryIDs[$0] < entryIDs[$1] }
            .prefix(k).map { (entry: entryIDs[$0], similarity: best[$0]) }
    }
}

/// Dot products over contiguous floats with unaligned 16-lane vector loads.
public enum SIMDKernels {
    @inline(__always)
    public static func dot(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ count: Int) -> Float {
        let ar = UnsafeRawPointer(a), br = UnsafeRawPointer(b)
        var s0 = SIMD16<Float>(), s1 = SIMD16<Float>()
        var j = 0
        while j + 32 <= count {
            s0 += ar.loadUnaligned(fromByteOffset: j * 4, as: SIMD16<Float>.self) * br.loadUnaligned(fromByteOffset: j * 4, as: SIMD16<Float>.self)
            s1 += ar.loadUnaligned(fromByteOffset: (j + 16) * 4, as: SIMD16<Float>.self) * br.loadUnaligned(fromByteOffset: (j + 16) * 4, as: SIMD16<Float>.self)
            j += 32
        }
        var s = (s0 + s1).sum()
        while j < count { s += a[j] * b[j]; j += 1 }
        return s
    }
}
