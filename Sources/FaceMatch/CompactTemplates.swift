import CFaceKernels

/// Templates as int8 panels for the scan (each row with its own step, so one
/// spiky row cannot coarsen the others) and, optionally, a 4-bit residual per
/// value that rebuilds each row to within a documented bound without keeping
/// any float copy: 768 + 4 bytes per 512-dimension template instead of 2,048.
///
/// Rebuilt as (q + r / 14) × step, a value is off by at most step / 28; for a
/// unit probe the cosine is off by at most `errorBound(row:)` = √dim × step / 28
/// (Cauchy–Schwarz), about 1.3e-3 when the row's largest value is 0.2.
public struct CompactTemplates: Sendable {
    public let dimension: Int
    public private(set) var count = 0
    /// Whether rows keep their residual (the compact storage) or only the scan copy.
    public let keepsResidual: Bool
    /// int8 panels, bytes offset by 128, padded to whole panels; data from `byteOffset`.
    private(set) var bytes: [UInt8] = []
    private(set) var byteOffset = 0
    /// Per row: values are q × step.
    private(set) var steps: [Float] = []
    private(set) var residual: [UInt8] = []
    let residualBytes: Int

    /// Empty, with room for `capacity` rows so that loading a large list
    /// never copies the panels to grow them.
    public init(dimension: Int, keepsResidual: Bool, capacity: Int = 0) {
        precondition(dimension > 0)
        self.dimension = dimension
        self.keepsResidual = keepsResidual
        residualBytes = keepsResidual ? fk_residual_bytes(Int32(dimension)) : 0
        reserveCapacity(capacity)
    }

    /// Makes room for `rows` rows in all, so appends up to there do not reallocate.
    public mutating func reserveCapacity(_ rows: Int) {
        guard rows > count else { return }
        let panelBytes = Self.panelBytes(dimension)
        let wanted = (rows + Int(FK_PANEL) - 1) / Int(FK_PANEL) * panelBytes + 64
        if bytes.capacity < wanted {
            // A fresh buffer, aligned once: 64-byte panels keep every vector load inside one cache line.
            var fresh = [UInt8]()
            fresh.reserveCapacity(wanted)
            let offset = fresh.withUnsafeBufferPointer { $0.baseAddress.map { Self.alignment(UnsafeRawPointer($0)) } ?? 0 }
            fresh.append(contentsOf: repeatElement(0, count: offset))
            bytes.withUnsafeBufferPointer { old in
                if old.count > byteOffset { fresh.append(contentsOf: old[byteOffset...]) }
            }
            for i in bytes.indices { bytes[i] = 0 }
            bytes = fresh
            byteOffset = offset
        }
        steps.reserveCapacity(rows)
        residual.reserveCapacity(rows * residualBytes)
    }

    /// Room for exactly `rows` rows, each to be written once by `write(_:at:)`, in any order.
    public init(dimension: Int, keepsResidual: Bool, rows: Int) {
        self.init(dimension: dimension, keepsResidual: keepsResidual, capacity: rows)
        bytes.append(contentsOf: repeatElement(128, count: (rows + Int(FK_PANEL) - 1) / Int(FK_PANEL) * Self.panelBytes(dimension)))
        steps = [Float](repeating: 0, count: rows)
        residual = [UInt8](repeating: 0, count: rows * residualBytes)
        count = rows
    }

    /// Writes unit-length row `i` of a value made with `init(dimension:keepsResidual:rows:)`.
    public mutating func write(_ row: UnsafeBufferPointer<Float>, at i: Int) {
        precondition(row.count == dimension && i >= 0 && i < count)
        let dim = Int32(dimension), offset = byteOffset, at = i * residualBytes
        let step = bytes.withUnsafeMutableBufferPointer { b in
            keepsResidual
                ? residual.withUnsafeMutableBufferPointer { fk_pack_compact_row(row.baseAddress, dim, Int64(i), b.baseAddress! + offset, $0.baseAddress! + at) }
                : fk_pack_compact_row(row.baseAddress, dim, Int64(i), b.baseAddress! + offset, nil)
        }
        steps[i] = step
    }

    static func panelBytes(_ dimension: Int) -> Int { fk_packed_i8_count(Int64(FK_PANEL), Int32(dimension)) }

    static func alignment(_ p: UnsafeRawPointer) -> Int { (64 - Int(bitPattern: p) % 64) % 64 }

    /// Appends one unit-length row.
    public mutating func append(_ row: UnsafeBufferPointer<Float>) {
        precondition(row.count == dimension)
        if count % Int(FK_PANEL) == 0 {
            if bytes.count + Self.panelBytes(dimension) > bytes.capacity { reserveCapacity(max(count * 2, count + Int(FK_PANEL))) }
            bytes.append(contentsOf: repeatElement(128, count: Self.panelBytes(dimension)))
        }
        let i = Int64(count), dim = Int32(dimension), offset = byteOffset
        let at = residual.count
        if keepsResidual { residual.append(contentsOf: repeatElement(0, count: residualBytes)) }
        let step = bytes.withUnsafeMutableBufferPointer { b in
            keepsResidual
                ? residual.withUnsafeMutableBufferPointer { fk_pack_compact_row(row.baseAddress, dim, i, b.baseAddress! + offset, $0.baseAddress! + at) }
                : fk_pack_compact_row(row.baseAddress, dim, i, b.baseAddress! + offset, nil)
        }
        steps.append(step)
        count += 1
    }

    /// The rows at `kept`, in that order, as a new value (the residual and steps copied, not re-quantised).
    func selecting(_ kept: [Int]) -> CompactTemplates {
        var out = CompactTemplates(dimension: dimension, keepsResidual: keepsResidual, capacity: kept.count)
        let dim = Int32(dimension), panel = Self.panelBytes(dimension)
        for (j, i) in kept.enumerated() {
            if j % Int(FK_PANEL) == 0 { out.bytes.append(contentsOf: repeatElement(128, count: panel)) }
            let to = out.byteOffset
            bytes.withUnsafeBufferPointer { from in
                out.bytes.withUnsafeMutableBufferPointer { fk_copy_i8_row(from.baseAddress! + byteOffset, Int64(i), $0.baseAddress! + to, Int64(j), dim) }
            }
            out.steps.append(steps[i])
            if keepsResidual { out.residual += residual[(i * residualBytes)..<((i + 1) * residualBytes)] }
            out.count += 1
        }
        return out
    }

    /// The cosine of unit `probe` with row `i` as rebuilt from int8 and residual.
    public func rebuiltDot(_ probe: UnsafePointer<Float>, row i: Int) -> Float {
        precondition(keepsResidual)
        return bytes.withUnsafeBufferPointer { b in
            residual.withUnsafeBufferPointer { r in
                fk_dot_compact(probe, b.baseAddress! + byteOffset, r.baseAddress! + i * residualBytes, Int32(dimension), Int64(i), steps[i])
            }
        }
    }

    /// Row `i` rebuilt as floats (for tests and for checking the bound).
    public func rebuilt(row i: Int) -> [Float] {
        var q = [Int8](repeating: 0, count: dimension)
        bytes.withUnsafeBufferPointer { fk_unpack_i8_row($0.baseAddress! + byteOffset, Int32(dimension), Int64(i), &q) }
        return (0..<dimension).map { d in
            guard keepsResidual else { return Float(q[d]) * steps[i] }
            let byte = residual[i * residualBytes + d / 2]
            var r = Int(d % 2 == 1 ? byte >> 4 : byte & 0xF)
            if r >= 8 { r -= 16 }
            return Float(Int(q[d]) * 14 + r) * steps[i] / 14
        }
    }

    /// The most the rebuilt cosine of row `i` with any unit probe can differ
    /// from the true one (float rounding of the sum aside).
    public func errorBound(row i: Int) -> Float {
        Float(dimension).squareRoot() * steps[i] / (keepsResidual ? 28 : 2)
    }

    /// Bytes held per template (scan copy, step and residual).
    public var bytesPerTemplate: Int { Self.panelBytes(dimension) / Int(FK_PANEL) + 4 + residualBytes }

    /// Runs `body` on the scan panels (from the first row) and the steps.
    func withScan<R>(_ body: (UnsafePointer<UInt8>, UnsafePointer<Float>) -> R) -> R {
        bytes.withUnsafeBufferPointer { b in steps.withUnsafeBufferPointer { body(b.baseAddress! + byteOffset, $0.baseAddress!) } }
    }

    /// Overwrites every copy (safeguard 2: purged, not just dropped).
    public mutating func wipe() {
        for i in bytes.indices { bytes[i] = 0 }
        for i in steps.indices { steps[i] = 0 }
        for i in residual.indices { residual[i] = 0 }
    }
}
