import CFaceKernels

/// A SIMD level for the kernels. What runs is the highest level the CPU (and
/// `VIGIA_FACE_KERNEL`) allows that is not above the one asked for.
public enum FaceKernel: Int32, Sendable, CaseIterable {
    case portable = 0, avx2 = 1, avx512 = 2

    /// The levels that run as themselves for `path` on this CPU (portable always).
    public static func available(_ path: PackedIndex.Path) -> [FaceKernel] {
        allCases.filter { (path == .exact ? fk_f32_kernel($0.rawValue) : fk_i8_kernel($0.rawValue)) == $0.rawValue }
    }
}

/// Unit-length templates packed for batched search, in one of two storages:
/// - `float32`: an exact float32 copy in panels, a compact int8 copy whose
///   approximate scores pick candidates, and the row-major floats that
///   re-score them exactly (4.6 KB per 512-dimension template);
/// - `compact`: only the int8 scan copy and a 4-bit residual per value that
///   re-scores within `CompactTemplates.errorBound` (772 bytes), for lists of
///   national size.
/// Searches split over `threads` workers, each scanning a shard of panels;
/// the result does not depend on the number of threads.
public struct PackedIndex: Sendable {
    public enum Path: String, Sendable { case exact, compact }
    public enum Storage: String, Sendable { case float32, compact }

    public let dimension: Int
    public let count: Int
    public let storage: Storage
    /// Workers per search unless a search asks otherwise.
    public var threads: Int
    /// Row-major unit vectors, for exact re-scoring (float32 storage).
    private let rows: [Float]
    /// float32 panels (float32 storage); data from `panelOffset`, 64-byte aligned when packed.
    private var panels: [Float]
    private let panelOffset: Int
    private var quantised: CompactTemplates

    /// Packs `rows` (count × dimension, each row already unit length) in float32 storage.
    public init(rows: [Float], dimension: Int, threads: Int = 1) {
        precondition(dimension > 0 && rows.count % dimension == 0)
        self.dimension = dimension
        self.count = rows.count / dimension
        self.storage = .float32
        self.threads = max(1, threads)
        self.rows = rows
        let n = Int64(count), dim = Int32(dimension)
        var panels = [Float](repeating: 0, count: fk_packed_f32_count(n, dim) + 16)
        let offset = panels.withUnsafeMutableBufferPointer { out in
            let offset = CompactTemplates.alignment(UnsafeRawPointer(out.baseAddress!)) / 4
            rows.withUnsafeBufferPointer { fk_pack_f32($0.baseAddress, n, dim, out.baseAddress! + offset) }
            return offset
        }
        self.panels = panels
        panelOffset = offset
        self.quantised = Self.quantise(rows, dimension: dimension)
    }

    private static func quantise(_ rows: [Float], dimension: Int) -> CompactTemplates {
        let count = rows.count / dimension
        var quantised = CompactTemplates(dimension: dimension, keepsResidual: false, capacity: count)
        rows.withUnsafeBufferPointer { all in
            for i in 0..<count { quantised.append(UnsafeBufferPointer(rebasing: all[(i * dimension)..<((i + 1) * dimension)])) }
        }
        return quantised
    }

    /// Searches compact `templates` (which must keep their residual) directly, without copying them.
    public init(compact templates: CompactTemplates, threads: Int = 1) {
        precondition(templates.keepsResidual)
        dimension = templates.dimension
        count = templates.count
        storage = .compact
        self.threads = max(1, threads)
        rows = []
        panels = []
        panelOffset = 0
        quantised = templates
    }

    /// The kernel each path runs here when `requested` (nil: the best) is asked for.
    public static func kernel(_ path: Path, requested: FaceKernel? = nil) -> String {
        let level = requested.map { Int32($0.rawValue) } ?? Int32(FK_AUTO)
        return path == .exact ? String(cString: fk_kernel_name(fk_f32_kernel(level), 0))
            : String(cString: fk_kernel_name(fk_i8_kernel(level), 1))
    }

    public static var exactKernel: String { kernel(.exact) }
    public static var compactKernel: String { kernel(.compact) }

    /// The path a search takes: compact storage has no float copy to scan.
    public func effectivePath(_ path: Path) -> Path { storage == .compact ? .compact : path }

    /// Bytes a search pass reads per template on each path.
    public static func scannedBytesPerTemplate(_ path: Path, dimension: Int) -> Int {
        path == .exact ? dimension * 4 : (dimension + 3) / 4 * 4
    }

    /// Bytes held per template in this storage.
    public var bytesPerTemplate: Int {
        storage == .compact ? quantised.bytesPerTemplate : dimension * 8 + quantised.bytesPerTemplate
    }

    /// The `k` best templates of each probe (probes row-major, unit length),
    /// best first, scoring above `floor`. The compact path re-scores its
    /// `rescore` best approximate candidates, exactly in float32 storage and
    /// within `CompactTemplates.errorBound` in compact storage. `kernel` caps
    /// the SIMD level (`portable` runs the C fallback whatever the processor
    /// offers); `threads` overrides the index's own.
    public func search(_ probes: [Float], k: Int, floor: Float = -.infinity, path: Path = .exact, rescore: Int = 32,
                       portable: Bool = false, kernel: FaceKernel? = nil, threads: Int? = nil) -> [[Candidate]] {
        precondition(probes.count % dimension == 0)
        let n = probes.count / dimension
        guard n > 0, k > 0, count > 0 else { return Array(repeating: [], count: n) }
        let level = portable ? Int32(FK_PORTABLE) : kernel.map { Int32($0.rawValue) } ?? Int32(FK_AUTO)
        let workers = max(1, threads ?? self.threads)
        switch effectivePath(path) {
        case .exact:
            let (scores, index) = exactScan(probes, n: n, k: k, floor: floor, level: level, workers: workers)
            return (0..<n).map { j in (0..<k).compactMap { i in index[j * k + i] < 0 ? nil : Candidate(template: Int(index[j * k + i]), similarity: scores[j * k + i]) } }
        case .compact:
            let r = max(rescore, k)
            let (_, index) = compactScan(probes, n: n, k: r, level: level, workers: workers)
            return probes.withUnsafeBufferPointer { q in
                (0..<n).map { j in
                    var exact: [Candidate] = []
                    exact.reserveCapacity(r)
                    for i in 0..<r where index[j * r + i] >= 0 {
                        let row = Int(index[j * r + i])
                        let s = rescored(q.baseAddress! + j * dimension, row: row)
                        if s > floor { exact.append(Candidate(template: row, similarity: s)) }
                    }
                    exact.sort { $0.similarity != $1.similarity ? $0.similarity > $1.similarity : $0.template < $1.template }
                    return Array(exact.prefix(k))
                }
            }
        }
    }

    /// The compact scan's approximate candidates before re-scoring: what the
    /// int8 kernels compute, identical on every kernel and thread count.
    func approximate(_ probes: [Float], k: Int, kernel: FaceKernel? = nil, threads: Int? = nil) -> [[Candidate]] {
        let n = probes.count / dimension
        guard n > 0, k > 0, count > 0 else { return Array(repeating: [], count: n) }
        let (scores, index) = compactScan(probes, n: n, k: k, level: kernel.map { Int32($0.rawValue) } ?? Int32(FK_AUTO), workers: max(1, threads ?? self.threads))
        return (0..<n).map { j in (0..<k).compactMap { i in index[j * k + i] < 0 ? nil : Candidate(template: Int(index[j * k + i]), similarity: scores[j * k + i]) } }
    }

    /// The re-scored similarity of a unit probe with template `row`.
    public func rescored(_ probe: UnsafePointer<Float>, row: Int) -> Float {
        if storage == .compact { return quantised.rebuiltDot(probe, row: row) }
        return rows.withUnsafeBufferPointer { SIMDKernels.dot(probe, $0.baseAddress! + row * dimension, dimension) }
    }

    private var panelCount: Int { (count + Int(FK_PANEL) - 1) / Int(FK_PANEL) }

    /// The float32 scan, sharded; top-k per probe as flat arrays.
    private func exactScan(_ probes: [Float], n: Int, k: Int, floor: Float, level: Int32, workers: Int) -> ([Float], [Int64]) {
        let shards = min(workers, panelCount), dim = Int32(dimension)
        let out = ShardOutput(count: shards * n * k)
        SearchThreads.run(shards) { s in
            let (first, panels) = SearchThreads.shard(s, of: shards, panels: panelCount)
            let base = first * Int(FK_PANEL), templates = min(count, (first + panels) * Int(FK_PANEL)) - base
            let scores = out.scores + s * n * k, index = out.index + s * n * k
            self.panels.withUnsafeBufferPointer { p in
                probes.withUnsafeBufferPointer { q in
                    let start = p.baseAddress! + panelOffset + first * dimension * Int(FK_PANEL)
                    if n == 1 {
                        _ = fk_search1_f32(start, Int64(templates), dim, q.baseAddress, Int32(k), floor, scores, index, level)
                    } else {
                        withUnsafeTemporaryAllocation(of: Float.self, capacity: fk_search_f32_scratch(Int32(n), dim)) { scratch in
                            _ = fk_search_f32(start, Int64(templates), dim, q.baseAddress, Int32(n), Int32(k), floor, scores, index, scratch.baseAddress, level)
                        }
                    }
                }
            }
            for i in 0..<(n * k) where index[i] >= 0 { index[i] += Int64(base) }
        }
        let (scores, index) = out.arrays
        return SearchThreads.merge(scores: scores, index: index, shards: shards, probes: n, k: k)
    }

    /// The int8 scan, sharded; approximate top-k per probe as flat arrays.
    private func compactScan(_ probes: [Float], n: Int, k: Int, level: Int32, workers: Int) -> ([Float], [Int64]) {
        let shards = min(workers, panelCount), dim = Int32(dimension)
        let out = ShardOutput(count: shards * n * k)
        let panelBytes = CompactTemplates.panelBytes(dimension)
        SearchThreads.run(shards) { s in
            let (first, panels) = SearchThreads.shard(s, of: shards, panels: panelCount)
            let base = first * Int(FK_PANEL), templates = min(count, (first + panels) * Int(FK_PANEL)) - base
            let scores = out.scores + s * n * k, index = out.index + s * n * k
            quantised.withScan { bytes, steps in
                probes.withUnsafeBufferPointer { q in
                    withUnsafeTemporaryAllocation(byteCount: fk_search_i8_scratch(Int32(n), dim), alignment: 64) { scratch in
                        _ = fk_search_i8(bytes + first * panelBytes, steps + base, Int64(templates), dim, q.baseAddress, Int32(n), Int32(k),
                                         scores, index, scratch.baseAddress, level)
                    }
                }
            }
            for i in 0..<(n * k) where index[i] >= 0 { index[i] += Int64(base) }
        }
        let (scores, index) = out.arrays
        return SearchThreads.merge(scores: scores, index: index, shards: shards, probes: n, k: k)
    }

    /// Overwrites every copy of the templates (safeguard 2: purged, not just dropped).
    public mutating func wipe() {
        for i in panels.indices { panels[i] = 0 }
        quantised.wipe()
    }
}
