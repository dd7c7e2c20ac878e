import Foundation

/// Parses plain decimal numbers from bytes without making a String:
/// `-34.603722`, `58`, `1.5e3`. Refuses NaN, infinities and anything else.
public enum DecimalParser {
    public static func double(_ b: UnsafeBufferPointer<UInt8>) -> Double? {
        var i = 0
        let n = b.count
        guard n > 0, n < 64 else { return nil }
        var negative = false
        if b[0] == UInt8(ascii: "-") || b[0] == UInt8(ascii: "+") { negative = b[0] == UInt8(ascii: "-"); i = 1 }
        var mantissa: UInt64 = 0
        var digits = 0, scale = 0
        var sawDot = false, sawDigit = false
        while i < n {
            let c = b[i]
            if c >= 48, c <= 57 {
                sawDigit = true
                if digits < 18 {
                    mantissa = mantissa * 10 + UInt64(c - 48)
                    digits += mantissa > 0 ? 1 : 0
                    if sawDot { scale -= 1 }
                } else if !sawDot {
                    scale += 1
                }
            } else if c == UInt8(ascii: "."), !sawDot {
                sawDot = true
            } else {
                break
            }
            i += 1
        }
        guard sawDigit else { return nil }
        if i < n {
            // An exponent or something else: let the C library decide, strictly.
            guard b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E") else { return nil }
            guard let text = String(validating: b, as: UTF8.self), let value = Double(text), value.isFinite else { return nil }
            return value
        }
        var value = Double(mantissa)
        if scale < 0 {
            // Exact for up to 22 decimal places: 10^k is exact in a Double.
            value = scale >= -22 ? value / pow10[-scale] : value * Foundation.pow(10, Double(scale))
        } else if scale > 0 {
            value *= Foundation.pow(10, Double(scale))
        }
        return negative ? -value : value
    }

    /// A whole number in range, e.g. an hour band.
    public static func integer(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !b.isEmpty, b.count <= 18 else { return nil }
        var value = 0
        var i = 0
        var negative = false
        if b[0] == UInt8(ascii: "-") { negative = true; i = 1; guard b.count > 1 else { return nil } }
        while i < b.count {
            let c = b[i]
            guard c >= 48, c <= 57 else { return nil }
            value = value * 10 + Int(c - 48)
            i += 1
        }
        return negative ? -value : value
    }

    private static let pow10: [Double] = (0...22).map { Foundation.pow(10, Double($0)) }
}

/// FNV-1a, 64 bits: a fixed, portable hash for fingerprints that must be the
/// same on every run and machine (Swift's `Hasher` is seeded per process).
public struct FNV1a64 {
    public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    public mutating func add(_ bytes: UnsafeBufferPointer<UInt8>) {
        for b in bytes {
            value ^= UInt64(b)
            value &*= 0x0000_0100_0000_01B3
        }
    }

    public mutating func add(byte: UInt8) {
        value ^= UInt64(byte)
        value &*= 0x0000_0100_0000_01B3
    }

    public mutating func add(_ int: Int) {
        let bits = UInt64(bitPattern: Int64(int))
        for shift in stride(from: 0, to: 64, by: 8) { add(byte: UInt8(truncatingIfNeeded: bits >> UInt64(shift))) }
    }
}
