import Foundation
import VigiaCore

/// The searchable templates (unit length) with the entry each belongs to.
/// Only entries that may be searched are ever added, and removing an entry
/// deletes its templates from memory at once (safeguard 2).
///
/// Two storages: `float32` keeps the exact rows (2,048 bytes per 512-dimension
/// template, plus the packed copies while searching); `compact` keeps only an
/// int8 scan copy and a 4-bit residual (772 bytes), with scores within
/// `CompactTemplates.errorBound` of the exact ones, for lists of national size.
public struct WatchlistIndex: Sendable {
    public enum Storage: String, Sendable, Codable { case float32, compact }

    /// Above this many templates the engine loads the list in compact storage
    /// (at 100,000 templates the float32 storage and its packed copies take about 460 MB).
    public static let compactAbove = 100_000

    public let dimension: Int
    public let storage: Storage
    /// Row-major unit vectors (float32 storage only).
    public private(set) var vectors: [Float] = []
    private var compact: CompactTemplates
    /// Entry ids, each once, in the order they were added.
    public private(set) var entryIDs: [String] = []
    /// For each template, its entry's position in `entryIDs`.
    private var entryOfTemplate: [Int32] = []
    private var positionOfEntry: [String: Int] = [:]
    private var templatesOfEntry: [Int32] = []
    private var mostTemplates = 0
    /// Placing templates into a laid-out index: each entry's next free slot, and how many are left.
    private var slotOfEntry: [Int] = []
    private var unplaced = 0

    public init(dimension: Int, storage: Storage = .float32, capacity: Int = 0) {
        self.dimension = dimension
        self.storage = storage
        compact = CompactTemplates(dimension: dimension, keepsResidual: true, capacity: storage == .compact ? capacity : 0)
        if storage == .float32 { vectors.reserveCapacity(capacity * dimension) }
        entryOfTemplate.reserveCapacity(capacity)
    }

    /// An index with a slot for every template of these entries, in this
    /// order, to be filled by `place(entry:template:)` as the templates come
    /// (in any order of entries; an entry's own templates in their order):
    /// a store can then be read in its physical order.
    public init(dimension: Int, storage: Storage, layout: [(entry: String, templates: Int)]) {
        self.init(dimension: dimension, storage: storage)
        let total = layout.reduce(0) { $0 + $1.templates }
        if storage == .compact { compact = CompactTemplates(dimension: dimension, keepsResidual: true, rows: total) } else {
            vectors = [Float](repeating: 0, count: total * dimension)
        }
        entryOfTemplate.reserveCapacity(total)
        slotOfEntry.reserveCapacity(layout.count)
        for (entry, templates) in layout where templates > 0 && positionOfEntry[entry] == nil {
            let p = position(adding: entry)
            slotOfEntry.append(entryOfTemplate.count)
            entryOfTemplate.append(contentsOf: repeatElement(Int32(p), count: templates))
            templatesOfEntry[p] = Int32(templates)
            mostTemplates = max(mostTemplates, templates)
        }
        unplaced = entryOfTemplate.count
    }

    /// Puts one template of `entry` into its next free slot (L2-normalised;
    /// bad vectors refused). False when the entry has no slot left or none at all.
    public mutating func place(entry: String, template: UnsafeBufferPointer<Float>) throws -> Bool {
        guard let p = positionOfEntry[entry], p < slotOfEntry.count else { return false }
        let slot = slotOfEntry[p]
        guard slot < entryOfTemplate.count, Int(entryOfTemplate[slot]) == p else { return false }
        let scale = try Self.unitScale(template, dimension: dimension)
        withUnsafeTemporaryAllocation(of: Float.self, capacity: dimension) { unit in
            for d in 0..<dimension { unit[d] = template[d] * scale }
            if storage == .compact { compact.write(UnsafeBufferPointer(unit), at: slot) } else {
                vectors.withUnsafeMutableBufferPointer { v in for d in 0..<dimension { v[slot * dimension + d] = unit[d] } }
            }
        }
        slotOfEntry[p] += 1
        unplaced -= 1
        return true
    }

    /// Whether every slot made by `init(dimension:storage:layout:)` has been filled.
    public var isComplete: Bool { unplaced == 0 }

    /// 1 / ‖v‖, refusing vectors that cannot be normalised.
    static func unitScale(_ v: UnsafeBufferPointer<Float>, dimension: Int) throws -> Float {
        guard v.count == dimension else { throw EmbeddingError.wrongDimension(expected: dimension, found: v.count) }
        var sum: Float = 0
        for x in v {
            guard x.isFinite else { throw EmbeddingError.notFinite }
            sum += x * x
        }
        guard sum > 0, sum.isFinite else { throw sum == 0 ? EmbeddingError.zeroVector : EmbeddingError.notFinite }
        return 1 / sum.squareRoot()
    }

    public var templateCount: Int { entryOfTemplate.count }
    public var entryCount: Int { entryIDs.count }
    public func contains(entry: String) -> Bool { positionOfEntry[entry] != nil }

    /// The entry's position in `entryIDs` (and in `bestScores`).
    public func position(of entry: String) -> Int? { positionOfEntry[entry] }

    /// Adds an entry's templates, each L2-normalised; refuses bad vectors.
    public mutating func add(entry: String, templates: [[Float]]) throws {
        let normalised = try templates.map { try ExactIndex.normalised($0, dimension: dimension) }
        for t in normalised { t.withUnsafeBufferPointer { append(entry: entry, unit: $0) } }
        if normalised.isEmpty, positionOfEntry[entry] == nil { _ = position(adding: entry) }
    }

    /// Adds one template of `entry` read in place (loading a large list
    /// without an array per template); L2-normalised, bad vectors refused.
    public mutating func add(entry: String, template: UnsafeBufferPointer<Float>) throws {
        let scale = try Self.unitScale(template, dimension: dimension)
        withUnsafeTemporaryAllocation(of: Float.self, capacity: dimension) { unit in
            for d in 0..<dimension { unit[d] = template[d] * scale }
            append(entry: entry, unit: UnsafeBufferPointer(unit))
        }
    }

    private mutating func position(adding entry: String) -> Int {
        if let p = positionOfEntry[entry] { return p }
        let p = entryIDs.count
        entryIDs.append(entry)
        positionOfEntry[entry] = p
        templatesOfEntry.append(0)
        return p
    }

    private mutating func append(entry: String, unit: UnsafeBufferPointer<Float>) {
        let p = position(adding: entry)
        if storage == .compact { compact.append(unit) } else { vectors.append(contentsOf: unit) }
        entryOfTemplate.append(Int32(p))
        templatesOfEntry[p] += 1
        mostTemplates = max(mostTemplates, Int(templatesOfEntry[p]))
    }

    /// Removes every template of `entry`, overwriting the freed storage.
    public mutating func remove(entry: String) {
        guard let gone = positionOfEntry[entry] else { return }
        var kept = WatchlistIndex(dimension: dimension, storage: storage)
        var keptRows: [Int] = []
        for (i, position) in entryOfTemplate.enumerated() where Int(position) != gone {
            let p = kept.position(adding: entryIDs[Int(position)])
            if storage == .float32 { kept.vectors.append(contentsOf: vectors[(i * dimension)..<((i + 1) * dimension)]) }
            keptRows.append(i)
            kept.entryOfTemplate.append(Int32(p))
            kept.templatesOfEntry[p] += 1
            kept.mostTemplates = max(kept.mostTemplates, Int(kept.templatesOfEntry[p]))
        }
        if storage == .compact { kept.compact = compact.selecting(keptRows) }
        for i in vectors.indices { vectors[i] = 0 }
        compact.wipe()
        self = kept
    }

    /// The first `entries` entries with their templates, as a new index (a smaller gallery).
    func keeping(entries: Int) -> WatchlistIndex {
        var kept = WatchlistIndex(dimension: dimension, storage: storage)
        var rows: [Int] = []
        for (i, position) in entryOfTemplate.enumerated() where Int(position) < entries {
            let p = kept.position(adding: entryIDs[Int(position)])
            if storage == .float32 { kept.vectors.append(contentsOf: vectors[(i * dimension)..<((i + 1) * dimension)]) }
            rows.append(i)
            kept.entryOfTemplate.append(Int32(p))
            kept.templatesOfEntry[p] += 1
            kept.mostTemplates = max(kept.mostTemplates, Int(kept.templatesOfEntry[p]))
        }
        if storage == .compact { kept.compact = compact.selecting(rows) }
        return kept
    }

    /// Similarity of unit probe `q` with template `i` (exact, or rebuilt in compact storage).
    private func similarity(_ q: UnsafePointer<Float>, template i: Int) -> Float {
        if storage == .compact { return compact.rebuiltDot(q, row: i) }
        return vectors.withUnsafeBufferPointer { SIMDKernels.dot(q, $0.baseAddress! + i * dimension, dimension) }
    }

    /// The best cosine score of each entry for one probe, indexed like `entryIDs`.
    public func bestScores(_ probe: [Float]) throws -> [Float] {
        let q = try ExactIndex.normalised(probe, dimension: dimension)
        var best = [Float](repeating: -2, count: entryIDs.count)
        q.withUnsafeBufferPointer { q in
            for i in 0..<templateCount {
                let s = similarity(q.baseAddress!, template: i)
                let e = Int(entryOfTemplate[i])
                if s > best[e] { best[e] = s }
            }
        }
        return best
    }

    /// The templates packed for batched search (build once, search many),
    /// searched by `threads` workers. Compact storage shares its arrays: no copy.
    public func packed(threads: Int = SearchThreads.available) -> PackedIndex {
        storage == .compact ? PackedIndex(compact: compact, threads: threads) : PackedIndex(rows: vectors, dimension: dimension, threads: threads)
    }

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
        let templates = k * max(1, mostTemplates)
        let found = packed.search(flat, k: templates, floor: floor.nextDown, rescore: max(32, templates))
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
        q.withUnsafeBufferPointer { q in
            for i in 0..<templateCount where Int(entryOfTemplate[i]) == position {
                best = max(best, similarity(q.baseAddress!, template: i))
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

    /// The most a score of template `i` can be off from the exact cosine (0 in float32 storage).
    public func rescoreErrorBound(template i: Int) -> Float { storage == .compact ? compact.errorBound(row: i) : 0 }

    /// Bytes the templates take in memory (not counting ids), per template.
    public var bytesPerTemplate: Int { storage == .compact ? compact.bytesPerTemplate : dimension * 4 }
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
