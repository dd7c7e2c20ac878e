import Foundation
import VigiaCore

/// The searchable templates, stored contiguously (row-major, unit length) with
/// the entry each belongs to. Only entries that may be searched are ever
/// added, and removing an entry deletes its templates from memory at once
/// (safeguard 2).
public struct WatchlistIndex: Sendable {
    public let dimension: Int
    public private(set) var vectors: [Float] = []
    /// Entry id of each template.
    public private(set) var owners: [String] = []

    public init(dimension: Int) {
        self.dimension = dimension
    }

    public var templateCount: Int { owners.count }
    public var entryCount: Int { Set(owners).count }

    /// Adds an entry's templates, each L2-normalised; refuses bad vectors.
    public mutating func add(entry: String, templates: [[Float]]) throws {
        for t in templates {
            vectors += try ExactIndex.normalised(t, dimension: dimension)
            owners.append(entry)
        }
    }

    /// Removes every template of `entry`, overwriting the freed storage.
    public mutating func remove(entry: String) {
        var keptVectors: [Float] = [], keptOwners: [String] = []
        keptVectors.reserveCapacity(vectors.count)
        for (i, owner) in owners.enumerated() where owner != entry {
            keptVectors.append(contentsOf: vectors[(i * dimension)..<((i + 1) * dimension)])
            keptOwners.append(owner)
        }
        for i in vectors.indices { vectors[i] = 0 }
        vectors = keptVectors
        owners = keptOwners
    }

    /// The best score per entry for one probe, best entries first (top `k`).
    public func search(_ probe: [Float], k: Int) throws -> [(entry: String, similarity: Float)] {
        let q = try ExactIndex.normalised(probe, dimension: dimension)
        var bestPerEntry: [String: Float] = [:]
        vectors.withUnsafeBufferPointer { t in
            q.withUnsafeBufferPointer { q in
                for i in 0..<templateCount {
                    let s = SIMDKernels.dot(q.baseAddress!, t.baseAddress! + i * dimension, dimension)
                    if s > bestPerEntry[owners[i], default: -2] { bestPerEntry[owners[i]] = s }
                }
            }
        }
        return bestPerEntry.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .prefix(k).map { (entry: $0.key, similarity: $0.value) }
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
