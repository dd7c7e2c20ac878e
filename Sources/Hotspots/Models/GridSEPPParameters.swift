import Foundation

extension GridSEPP.Parameters {
    /// Little-endian doubles: θ, ω, then the background per cell.
    public var encoded: Data {
        var out = Data(capacity: 8 * (background.count + 2))
        for v in [theta, omega] + background {
            withUnsafeBytes(of: v.bitPattern.littleEndian) { out.append(contentsOf: $0) }
        }
        return out
    }

    /// Nil when the bytes do not hold parameters for `cellCount` cells.
    public init?(encoded data: Data, cellCount: Int) {
        guard data.count == 8 * (cellCount + 2) else { return nil }
        let values = (0..<(cellCount + 2)).map { i -> Double in
            var bits: UInt64 = 0
            for b in 0..<8 { bits |= UInt64(data[data.startIndex + 8 * i + b]) << (8 * UInt64(b)) }
            return Double(bitPattern: bits)
        }
        guard values.allSatisfy(\.isFinite), values[0] >= 0, values[0] < 1, values[1] > 0 else { return nil }
        self.init(background: Array(values.dropFirst(2)), theta: values[0], omega: values[1], iterations: 0, converged: false)
    }
}
