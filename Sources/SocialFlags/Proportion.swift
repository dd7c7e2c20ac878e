import Foundation

/// A count out of a total, with its 95 % Wilson score interval: the honest
/// way to report a rate measured on a few hundred posts (it stays inside
/// 0…1 and does not collapse to zero width at 0 or n).
public struct Proportion: Sendable, Codable, Equatable {
    public var count: Int
    public var total: Int

    public init(count: Int, total: Int) {
        self.count = count
        self.total = total
    }

    public var rate: Double { total == 0 ? 0 : Double(count) / Double(total) }

    /// The 95 % Wilson score interval (z = 1.959964); 0…1 when there is nothing to measure.
    public var wilson95: ClosedRange<Double> { Self.wilson(count, total, z: 1.959964) }

    public static func wilson(_ k: Int, _ n: Int, z: Double) -> ClosedRange<Double> {
        guard n > 0 else { return 0...1 }
        let p = Double(k) / Double(n), nn = Double(n), z2 = z * z
        let centre = (p + z2 / (2 * nn)) / (1 + z2 / nn)
        let half = z * (p * (1 - p) / nn + z2 / (4 * nn * nn)).squareRoot() / (1 + z2 / nn)
        return (k == 0 ? 0 : max(0, centre - half))...(k == n ? 1 : min(1, centre + half))
    }

    /// "27 of 53 = 50.9 % (95 % CI 37.9–63.9 %)".
    public var summary: String {
        let ci = wilson95
        return String(format: "%d of %d = %.1f %% (95 %% CI %.1f–%.1f %%)", count, total, rate * 100, ci.lowerBound * 100, ci.upperBound * 100)
    }

    enum CodingKeys: String, CodingKey { case count, total, rate, ciLow = "ci95_low", ciHigh = "ci95_high" }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(count, forKey: .count)
        try c.encode(total, forKey: .total)
        try c.encode(rate, forKey: .rate)
        try c.encode(wilson95.lowerBound, forKey: .ciLow)
        try c.encode(wilson95.upperBound, forKey: .ciHigh)
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        count = try c.decode(Int.self, forKey: .count)
        total = try c.decode(Int.self, forKey: .total)
    }
}
