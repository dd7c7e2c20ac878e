import Dispatch
import FaceMatch
import Foundation

/// Synthetic templates and probes for the faces bench, each row generated
/// from its own seed so a million rows can be made (and made again) in chunks.
/// Templates are unit Gaussian vectors; half the probes are captures of a
/// template, unit(t + σ·z/√d) with σ in 0.75…1.25 (cosine 0.62–0.80 with
/// the mate, like a face model's genuine pairs), half are unrelated.
struct FacesBenchData {
    let dimension: Int
    let templates: Int

    /// SplitMix64 stepped from one seed: fast, and enough for test vectors.
    struct Stream {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func unit() -> Float { Float(next() >> 40) / Float(1 << 24) + 1e-7 }
        /// Two standard normals (Box–Muller).
        mutating func gaussians() -> (Float, Float) {
            let r = (-2 * log(unit())).squareRoot(), a = 2 * Float.pi * unit()
            return (r * cos(a), r * sin(a))
        }
    }

    static func normalise(_ v: inout [Float]) {
        var s: Float = 0
        for x in v { s += x * x }
        let scale = 1 / s.squareRoot()
        for i in v.indices { v[i] *= scale }
    }

    func gaussian(seed: UInt64) -> [Float] {
        var stream = Stream(state: seed)
        var v = [Float](repeating: 0, count: dimension)
        var d = 0
        while d < dimension {
            let (a, b) = stream.gaussians()
            v[d] = a
            if d + 1 < dimension { v[d + 1] = b }
            d += 2
        }
        return v
    }

    /// Template `i`, unit length.
    func template(_ i: Int) -> [Float] {
        var v = gaussian(seed: 0x5EED_0000_0000 &+ UInt64(i))
        Self.normalise(&v)
        return v
    }

    /// Rows [from, to) row-major, generated on every core.
    func rows(_ range: Range<Int>) -> [Float] {
        let dim = dimension, n = range.count, chunks = max(1, min(64, n / 1_024))
        let out = RowBuffer(count: n * dim)
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            for i in (n * c / chunks)..<(n * (c + 1) / chunks) {
                let v = template(range.lowerBound + i)
                for d in 0..<dim { out.pointer[i * dim + d] = v[d] }
            }
        }
        return Array(UnsafeBufferPointer(start: out.pointer, count: n * dim))
    }

    /// `count` probes, even ones mated (their template in `mates`), odd ones not.
    func probes(_ count: Int) -> (rows: [Float], mates: [Int?]) {
        var rows: [Float] = [], mates: [Int?] = []
        rows.reserveCapacity(count * dimension)
        var stream = Stream(state: 0x0B5E_5EED)
        for j in 0..<count {
            let noise = gaussian(seed: 0xFACE_0000_0000 &+ UInt64(j))
            var v: [Float]
            if j % 2 == 0 {
                let mate = Int(stream.next() % UInt64(templates))
                let sigma = 0.75 + 0.5 * stream.unit(), t = template(mate), scale = sigma / Float(dimension).squareRoot()
                v = (0..<dimension).map { t[$0] + noise[$0] * scale }
                mates.append(mate)
            } else {
                v = noise
                mates.append(nil)
            }
            Self.normalise(&v)
            rows += v
        }
        return (rows, mates)
    }
}

/// A buffer the generator's workers fill, each its own rows; freed on deinit.
/// Unchecked Sendable: workers write disjoint rows and the buffer is read only
/// after `concurrentPerform` has returned.
final class RowBuffer: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<Float>
    init(count: Int) {
        pointer = .allocate(capacity: max(1, count))
        pointer.initialize(repeating: 0, count: max(1, count))
    }
    deinit { pointer.deallocate() }
}

/// What this machine can do, measured in this run: the clock, each kernel's
/// multiply-add rate with operands in registers, and read bandwidth.
struct FacesMachine {
    var clockHz: Double
    /// Float32 multiply-adds per second on the exact kernel's instruction set.
    var fmaRate: Double
    /// Int8 multiply-adds per second on the compact kernel's instruction sequence.
    var int8Rate: Double
    /// Read bandwidth (bytes per CPU-second) for one thread, and summed over `threads` threads reading at once.
    var bandwidth1: Double
    var bandwidthN: Double
    var threads: Int

    static func measure(threads: Int) -> FacesMachine {
        // The clock is measured before and after and the higher kept: a
        // pre-empted measurement only under-states it (and over-states peak fractions).
        let clockBefore = KernelMeasurements.clockHz()
        let fma = KernelMeasurements.fmaRate(), int8 = KernelMeasurements.int8Rate()
        let bytes = 256 << 20
        let buffer = RowBuffer(count: bytes / 4)
        let one = KernelMeasurements.readBandwidth(buffer.pointer, bytes: bytes)
        // Every thread reads its share at once; each rate is per second of that thread's CPU time.
        let share = bytes / threads
        let rates = RowBuffer(count: threads)
        var bestN = 0.0
        for _ in 0..<3 {
            DispatchQueue.concurrentPerform(iterations: threads) { t in
                rates.pointer[t] = Float(KernelMeasurements.readBandwidth(UnsafeRawPointer(buffer.pointer) + t * share, bytes: share, repeats: 1))
            }
            bestN = max(bestN, (0..<threads).reduce(0) { $0 + Double(rates.pointer[$1]) })
        }
        return FacesMachine(clockHz: max(clockBefore, KernelMeasurements.clockHz()), fmaRate: fma, int8Rate: int8,
                            bandwidth1: one, bandwidthN: bestN, threads: threads)
    }

    /// Float32 FMA pipes × lanes for the exact kernel that runs (what the
    /// vendor documents: two 256-bit FMA pipes for AVX2, two 512-bit for AVX-512).
    static func theoreticalFlopsPerCycle(kernel: String) -> Double {
        switch kernel {
        case "avx512f": return 2 * 16 * 2
        case "avx2-fma": return 2 * 8 * 2
        default: return 2 * 4 // SSE2: one 4-lane multiply and one add per cycle
        }
    }
}

/// VmRSS and VmHWM of this process in KiB, from /proc (0 where unavailable).
func processMemoryKiB() -> (rss: Int, hwm: Int) {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return (0, 0) }
    func field(_ name: String) -> Int {
        guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(name) }) else { return 0 }
        return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
    }
    return (field("VmRSS:"), field("VmHWM:"))
}
