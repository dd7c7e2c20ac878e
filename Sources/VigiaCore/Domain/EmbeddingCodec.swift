import Foundation

/// Embeddings travel as base64 of little-endian IEEE floats: float32 (the
/// usual export of face models) or float16 (half the size, for bulky
/// template and calibration files; cosine error below 1e-4 on unit vectors).
public enum EmbeddingCodec {
    public enum Precision: String, Sendable {
        case float32, float16
    }

    public enum DecodeError: Error, CustomStringConvertible, Equatable {
        case notBase64
        case wrongLength(bytes: Int, dimension: Int, precision: String)
        case notFinite

        public var description: String {
            switch self {
            case .notBase64: return "embedding is not valid base64"
            case .wrongLength(let bytes, let dimension, let precision):
                return "embedding has \(bytes) bytes; \(dimension) \(precision) values need \(dimension * (precision == "float16" ? 2 : 4))"
            case .notFinite: return "embedding contains NaN or infinity"
            }
        }
    }

    public static func encode(_ values: [Float], precision: Precision) -> String {
        var bytes = [UInt8]()
        switch precision {
        case .float32:
            bytes.reserveCapacity(values.count * 4)
            for v in values {
                let bits = v.bitPattern
                for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: bits >> UInt32(shift))) }
            }
        case .float16:
            bytes.reserveCapacity(values.count * 2)
            for v in values {
                let bits = Float16(v).bitPattern
                bytes.append(UInt8(truncatingIfNeeded: bits))
                bytes.append(UInt8(truncatingIfNeeded: bits >> 8))
            }
        }
        return Data(bytes).base64EncodedString()
    }

    /// Decodes `text`, checking its length against `dimension` when given.
    public static func decode(_ text: String, precision: Precision, dimension: Int?) throws -> [Float] {
        guard let data = Data(base64Encoded: text) else { throw DecodeError.notBase64 }
        let width = precision == .float32 ? 4 : 2
        let count = data.count / width
        guard data.count % width == 0, dimension.map({ $0 == count }) ?? true, count > 0 else {
            throw DecodeError.wrongLength(bytes: data.count, dimension: dimension ?? count, precision: precision.rawValue)
        }
        var values = [Float](repeating: 0, count: count)
        data.withUnsafeBytes { raw in
            let b = raw.bindMemory(to: UInt8.self)
            for i in 0..<count {
                if width == 4 {
                    let bits = UInt32(b[4 * i]) | UInt32(b[4 * i + 1]) << 8 | UInt32(b[4 * i + 2]) << 16 | UInt32(b[4 * i + 3]) << 24
                    values[i] = Float(bitPattern: bits)
                } else {
                    values[i] = Float(Float16(bitPattern: UInt16(b[2 * i]) | UInt16(b[2 * i + 1]) << 8))
                }
            }
        }
        guard values.allSatisfy(\.isFinite) else { throw DecodeError.notFinite }
        return values
    }
}
