import CFaceKernels

/// Unit-length templates packed for batched search: an exact float32 copy in
/// panels, and a compact int8 copy whose approximate scores pick candidates
/// that are then re-scored exactly from the row-major floats.
public struct PackedIndex: Sendable {
    public enum Path: String, Sendable { case exact, compact }

    public let dimension: Int
    public let count: Int
    /// Row-major unit vectors, for exact re-scoring.
    private let rows: [Float]
    private var panels: [Float]
    private var bytes: [UInt8]
    /// int8 step: a template value x is stored as round(x * scale).
    public let scale: Float

    /// Packs `rows` (count × dimension, each row already unit length).
    public init(rows: [Float], dimension: Int) {
        precondition(dimension > 0 && rows.count % dimension == 0)
        self.dimension = dimension
        self.count = rows.count / dimension
        self.rows = rows
        var top: Float = 0
        for x in rows { top = max(top, abs(x)) }
        scale = top > 0 ? 127 / top : 1
        let n = Int64(count), dim = Int32(dimension), s = scale
        panels = [Float](repeating: 0, count: fk_packed_f32_count(n, dim))
        panels.withUnsafeMutableBufferPointer { out in rows.withUnsafeBufferPointer { fk_pack_f32($0.baseAddress, n, dim, out.baseAddress) } }
        bytes = [UInt8](repeating: 0, count: fk_packed_i8_count(n, dim))
        bytes.withUnsafeMutableBufferPointer { out in rows.withUnsafeBufferPointer { fk_pack_i8($0.baseAddress, n, dim, s, out.baseAddress) } }
    }

    /// Which instruction set each path runs on here.
    public static var exactKernel: String { fk_f32_uses_avx512() != 0 ? "avx512f" : "portable" }
    public static var compactKernel: String { fk_i8_uses_vnni() != 0 ? "avx512vnni" : "portable" }

    /// Bytes a search pass reads per template on each path.
    public static func scannedBytesPerTemplate(_ path: Path, dimension: Int) -> Int {
        path == .exact ? dimension * 4 : (dimension + 3) / 4 * 4
    }

    /// The `k` best templates of each probe (probes row-major, unit length),
    /// best first, scoring above `floor`. The compact path re-scores its
    /// `rescore` best approximate candidates exactly, so scores are exact.
    /// `portable` runs the C fallback whatever the processor offers.
    public func search(_ probes: [Float], k: Int, floor: Float = -.infinity, path: Path = .exact, rescore: Int = 32, portable: Bool = false) -> [[Candidate]] {
        precondition(probes.count % dimension == 0)
        let n = probes.count / dimension
        guard n > 0, k > 0, count > 0 else { return Array(repeating: [], count: n) }
        switch path {
        case .exact:
            var scores = [Float](repeating: 0, count: n * k), index = [Int64](repeating: 0, count: n * k)
            panels.withUnsafeBufferPointer { p in probes.withUnsafeBufferPointer { q in
                if n == 1 {
                    fk_search1_f32(p.baseAddress, Int64(count), Int32(dimension), q.baseAddress, Int32(k), floor, &scores, &index, portable ? 1 : 0)
                    return
                }
                fk_search_f32(p.baseAddress, Int64(count), Int32(dimension), q.baseAddress, Int32(n), Int32(k), floor, &scores, &index, portable ? 1 : 0)
            } }
            return (0..<n).map { j in (0..<k).compactMap { i in index[j * k + i] < 0 ? nil : Candidate(template: Int(index[j * k + i]), similarity: scores[j * k + i]) } }
        case .compact:
            let r = max(rescore, k)
            var scores = [Float](repeating: 0, count: n * r), index = [Int64](repeating: 0, count: n * r)
            bytes.withUnsafeBufferPointer { p in probes.withUnsafeBufferPointer { q in
                fk_search_i8(p.baseAddress, Int64(count), Int32(dimension), scale, q.baseAddress, Int32(n), Int32(r), &scores, &index, portable ? 1 : 0)
            } }
            return rows.withUnsafeBufferPointer { t in probes.withUnsafeBufferPointer { q in
                (0..<n).map { j in
                    var exact: [Candidate] = []
                    for i in 0..<r where index[j * r + i] >= 0 {
                        let row = Int(index[j * r + i])
                        let s = SIMDKernels.dot(q.baseAddress! + j * dimension, t.baseAddress! + row * dimension, dimension)
                        if s > floor { exact.append(Candidate(template: row, similarity: s)) }
                    }
                    exact.sort { $0.similarity != $1.similarity ? $0.similarity > $1.similarity : $0.template < $1.template }
                    return Array(exact.prefix(k))
                }
            } }
        }
    }

    /// Overwrites every copy of the templates (safeguard 2: purged, not just dropped).
    public mutating func wipe() {
        for i in panels.indices { panels[i] = 0 }
        for i in bytes.indices { bytes[i] = 0 }
    }
}
