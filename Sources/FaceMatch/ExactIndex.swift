/// A candidate from a 1:N search.
public struct Candidate: Hashable, Sendable {
    /// Position of the template in the index.
    public var template: Int
    /// Cosine similarity (templates and probes are unit length).
    public var similarity: Float
}

/// Why a vector was refused.
public enum EmbeddingError: Error, CustomStringConvertible, Equatable {
    case wrongDimension(expected: Int, found: Int)
    case notFinite
    case zeroVector

    public var description: String {
        switch self {
        case .wrongDimension(let e, let f): return "embedding has \(f) dimensions; this watchlist uses \(e)"
        case .notFinite: return "embedding contains NaN or infinity"
        case .zeroVector: return "embedding is all zeros"
        }
    }
}

/// Exact cosine search over unit-length templates stored contiguously.
public struct ExactIndex: Sendable {
    public let dimension: Int
    public private(set) var vectors: [Float] = []

    public init(dimension: Int) {
        self.dimension = dimension
    }

    public var count: Int { vectors.count / dimension }

    /// L2-normalises `v`, refusing vectors that cannot be.
    public static func normalised(_ v: [Float], dimension: Int) throws -> [Float] {
        guard v.count == dimension else { throw EmbeddingError.wrongDimension(expected: dimension, found: v.count) }
        var sum: Float = 0
        for x in v {
            guard x.isFinite else { throw EmbeddingError.notFinite }
            sum += x * x
        }
        guard sum > 0, sum.isFinite else { throw sum == 0 ? EmbeddingError.zeroVector : EmbeddingError.notFinite }
        let scale = 1 / sum.squareRoot()
        return v.map { $0 * scale }
    }

    public mutating func add(_ v: [Float]) throws {
        vectors += try Self.normalised(v, dimension: dimension)
    }

    /// The `k` most similar templates, best first (ties: lower index first).
    public func search(_ probe: [Float], k: Int) throws -> [Candidate] {
        let q = try Self.normalised(probe, dimension: dimension)
        var best: [Candidate] = []
        best.reserveCapacity(k + 1)
        vectors.withUnsafeBufferPointer { t in
            q.withUnsafeBufferPointer { q in
                for i in 0..<count {
                    let s = SIMDKernels.dot(q.baseAddress!, t.baseAddress! + i * dimension, dimension)
                    if best.count < k || s > best[best.count - 1].similarity {
                        let c = Candidate(template: i, similarity: s)
                        let at = best.firstIndex { s > $0.similarity } ?? best.count
                        best.insert(c, at: at)
                        if best.count > k { best.removeLast() }
                    }
                }
            }
        }
        return best
    }
}
