import VigiaCore

/// A 95 % interval around an estimate.
public struct Interval95: Hashable, Sendable, Codable {
    public var lower: Double
    public var upper: Double

    public init(lower: Double, upper: Double) {
        self.lower = lower
        self.upper = upper
    }

    /// Both ends divided by `d` (e.g. a hit-rate interval as a PAI interval).
    public func divided(by d: Double) -> Interval95 { Interval95(lower: lower / d, upper: upper / d) }
}

/// How an interval was computed.
public enum IntervalMethod: String, Hashable, Sendable, Codable {
    /// Wilson score interval on the pooled counts: for one period, or too few to resample.
    case wilson
    /// Percentile bootstrap over forecast periods: days differ more than a binomial admits.
    case bootstrap
}

/// Hit rate, PAI and PEI at one coverage, pooled over periods, with 95 % intervals.
public struct CoverageAccuracy: Hashable, Sendable {
    public var percent: Double
    public var flaggedCells: Int
    public var periods: Int
    public var incidents: Int
    public var captured: Int
    /// Σ n*: the most the flagged area could have captured, period by period.
    public var bestPossible: Int
    public var hitRate: Double
    public var hitRateInterval: Interval95?
    public var pai: Double
    public var paiInterval: Interval95?
    /// Σ captured ÷ Σ n*; nil when no valid cell had an incident.
    public var pei: Double?
    /// Only with the bootstrap: n* is not a fixed number of trials, so no binomial interval fits it.
    public var peiInterval: Interval95?
    public var method: IntervalMethod
}

/// How sure an accuracy figure is. Pure and deterministic: the bootstrap
/// draws from a fixed seed, so the same periods give the same interval.
public enum Accuracy {
    /// z for a two-sided 95 % interval.
    public static let z95 = 1.959963984540054
    /// Fewer periods than this are not resampled: their pooled counts get a Wilson interval.
    public static let minimumBootstrapPeriods = 10
    public static let resamples = 2_000
    public static let seed: UInt64 = 20_181_115

    /// Wilson score interval for `successes` of `trials`; nil without trials.
    public static func wilson(successes: Int, trials: Int, z: Double = z95) -> Interval95? {
        guard trials > 0, successes >= 0, successes <= trials else { return nil }
        let n = Double(trials), p = Double(successes) / n, z2 = z * z
        let centre = (p + z2 / (2 * n)) / (1 + z2 / n)
        let half = z / (1 + z2 / n) * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot()
        return Interval95(lower: max(0, centre - half), upper: min(1, centre + half))
    }

    /// Percentile bootstrap of Σ numerators ÷ Σ denominators: `resamples`
    /// draws of the periods with replacement, the 2.5th and 97.5th
    /// nearest-rank percentiles of the pooled ratio. Draws whose
    /// denominators sum to 0 are left out; nil when every draw was.
    public static func bootstrap(numerators: [Int], denominators: [Int], resamples: Int = resamples,
                                 seed: UInt64 = seed) -> Interval95? {
        let n = min(numerators.count, denominators.count)
        guard n > 0, resamples > 0 else { return nil }
        var random = SeededRandom(seed: seed)
        var ratios: [Double] = []
        ratios.reserveCapacity(resamples)
        for _ in 0..<resamples {
            var top = 0, bottom = 0
            for _ in 0..<n {
                let i = min(n - 1, Int(random.unit() * Double(n)))
                top += numerators[i]
                bottom += denominators[i]
            }
            if bottom > 0 { ratios.append(Double(top) / Double(bottom)) }
        }
        guard !ratios.isEmpty else { return nil }
        ratios.sort()
        func rank(_ p: Double) -> Double { ratios[min(max(Int((p * Double(ratios.count)).rounded(.up)), 1), ratios.count) - 1] }
        return Interval95(lower: rank(0.025), upper: rank(0.975))
    }

    /// Pools each coverage over `periods` (sums, then divides) and puts a
    /// 95 % interval on it: a bootstrap over periods when there are at least
    /// `minimumBootstrapPeriods`, else a Wilson interval on the pooled counts.
    /// PAI's interval is the hit rate's divided by the share of area.
    public static func summarise(_ periods: [Backtest.PeriodScore]) -> [CoverageAccuracy] {
        guard let first = periods.first else { return [] }
        let bootstrap = periods.count >= minimumBootstrapPeriods
        return first.coverage.indices.map { k in
            let scores = periods.map { $0.coverage[k] }
            let incidents = periods.map(\.incidents), captured = scores.map(\.captured), best = scores.map(\.bestPossible)
            let n = incidents.reduce(0, +), hits = captured.reduce(0, +), nStar = best.reduce(0, +)
            let percent = first.coverage[k].percent, share = percent / 100
            let hitRate = n > 0 ? Double(hits) / Double(n) : 0
            let interval = bootstrap ? Self.bootstrap(numerators: captured, denominators: incidents) : wilson(successes: hits, trials: n)
            return CoverageAccuracy(
                percent: percent, flaggedCells: first.coverage[k].flaggedCells, periods: periods.count, incidents: n, captured: hits,
                bestPossible: nStar, hitRate: hitRate, hitRateInterval: interval, pai: share > 0 ? hitRate / share : 0,
                paiInterval: share > 0 ? interval?.divided(by: share) : nil, pei: nStar > 0 ? Double(hits) / Double(nStar) : nil,
                peiInterval: bootstrap ? Self.bootstrap(numerators: captured, denominators: best) : nil,
                method: bootstrap ? .bootstrap : .wilson)
        }
    }
}
