/// An error rate measured on a finite set of searches, with its 95 %
/// confidence interval.
///
/// The interval is Wilson's score interval (Wilson 1927): closed-form, it stays
/// inside [0, 1], does not collapse to a point at 0 or n errors, and covers
/// close to 95 % even for rates near 0.001 where the normal approximation
/// fails. Clopper–Pearson would be wider (conservative); Wilson is what the
/// report card uses, and it says so.
public struct ErrorRate: Codable, Sendable, Equatable {
    /// Searches that erred.
    public var errors: Int
    /// Searches counted.
    public var searches: Int
    /// errors ÷ searches (0 when there were none).
    public var rate: Double
    public var lower: Double
    public var upper: Double

    /// z for a two-sided 95 % interval.
    public static let z95 = 1.959963984540054

    public init(errors: Int, of searches: Int) {
        self.errors = errors
        self.searches = searches
        (rate, lower, upper) = Self.wilson(errors, searches, z: Self.z95)
    }

    /// Wilson's score interval for `x` successes in `n` trials: centre
    /// (p + z²/2n) / (1 + z²/n), half-width z / (1 + z²/n) · √(p(1−p)/n + z²/4n²).
    public static func wilson(_ x: Int, _ n: Int, z: Double) -> (rate: Double, lower: Double, upper: Double) {
        guard n > 0 else { return (0, 0, 1) }
        let p = Double(x) / Double(n), nd = Double(n), z2 = z * z
        let denominator = 1 + z2 / nd
        let centre = (p + z2 / (2 * nd)) / denominator
        let half = z / denominator * (p * (1 - p) / nd + z2 / (4 * nd * nd)).squareRoot()
        return (p, max(0, centre - half), min(1, centre + half))
    }
}
