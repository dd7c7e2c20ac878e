import Foundation
import VigiaCore

/// A self-exciting point process on the grid (Mohler et al. 2011, in the
/// grid form of Mohler et al. 2015): in cell n,
///
///     λₙ(t) = μₙ + θ·ω · Σ_{tᵢ < t, i in n} e^{−ω(t − tᵢ)}
///
/// fitted by expectation–maximisation on the last `trainingDays`. The
/// background μ is shrunk towards its neighbours each M-step (weight
/// `backgroundSmoothing`), so sparse cells borrow from their surroundings.
///
/// Events sharing a timestamp (hour bands put many in one instant) never
/// trigger each other, and repeated coordinates need no jitter: the data is
/// used as it is.
public struct GridSEPP: HotspotModel {
    public struct Parameters: Sendable, Equatable {
        /// Background rate per cell, events per second.
        public var background: [Double]
        /// Expected offspring per event (branching ratio), 0…1.
        public var theta: Double
        /// Decay rate of triggering, per second.
        public var omega: Double
        public var iterations: Int
        public var converged: Bool
    }

    public var trainingDays: Double
    public var backgroundSmoothing: Double
    public var maximumIterations: Int
    public var tolerance: Double

    public init(trainingDays: Double = 365, backgroundSmoothing: Double = 0.3, maximumIterations: Int = 200,
                tolerance: Double = 1e-4) {
        self.trainingDays = trainingDays
        self.backgroundSmoothing = backgroundSmoothing
        self.maximumIterations = maximumIterations
        self.tolerance = tolerance
    }

    public var name: String { "etas" }

    public func forecast(history: EventHistory, grid: Grid, at: Double, horizon: Double) -> [Double] {
        expectedCounts(fit(history: history, grid: grid, before: at), history: history, grid: grid, at: at, horizon: horizon)
    }

    public func makeForecaster() -> any HotspotForecaster { Forecaster(model: self) }

    public func makeForecaster(resumingFrom state: Data?, grid: Grid) -> any HotspotForecaster {
        Forecaster(model: self, last: state.flatMap { Parameters(encoded: $0, cellCount: grid.cellCount) })
    }

    /// Warm-starts each fit from the previous one: consecutive forecasts see
    /// almost the same data, so EM needs a few iterations instead of many.
    struct Forecaster: HotspotForecaster {
        let model: GridSEPP
        var last: Parameters?

        mutating func forecast(history: EventHistory, grid: Grid, at: Double, horizon: Double) -> [Double] {
            let p = model.fit(history: history, grid: grid, before: at, start: last)
            last = p
            return model.expectedCounts(p, history: history, grid: grid, at: at, horizon: horizon)
        }

        var state: Data? { last?.encoded }

        var fitSummary: [String: Double] {
            guard let p = last else { return [:] }
            return ["theta": p.theta, "omega_per_day": p.omega * HotspotTime.day, "iterations": Double(p.iterations),
                    "converged": p.converged ? 1 : 0, "background_per_day": p.background.reduce(0, +) * HotspotTime.day]
        }
    }

    /// The expected number of events in each cell during [at, at + horizon).
    /// (See also `Parameters.encoded` for caching a fit.)
    public func expectedCounts(_ p: Parameters, history: EventHistory, grid: Grid, at: Double, horizon: Double) -> [Double] {
        var expected = p.background.map { $0 * horizon }
        let decay = 1 - exp(-p.omega * horizon)
        let cutoff = at - 30 / p.omega // older events contribute < e⁻³⁰
        for i in history.range(from: max(cutoff, at - trainingDays * HotspotTime.day), to: at) {
            expected[Int(history.cells[i])] += p.theta * history.weights[i] * exp(-p.omega * (at - history.times[i])) * decay
        }
        return expected
    }

    /// EM on the events in [before − trainingDays, before), optionally warm-started.
    public func fit(history: EventHistory, grid: Grid, before: Double, start: Parameters? = nil) -> Parameters {
        let window = history.range(from: before - trainingDays * HotspotTime.day, to: before)
        let span = trainingDays * HotspotTime.day
        // Group the window's events by cell, keeping time order (CSR layout).
        var counts = [Int](repeating: 0, count: grid.cellCount + 1)
        for i in window { counts[Int(history.cells[i]) + 1] += 1 }
        for n in 0..<grid.cellCount { counts[n + 1] += counts[n] }
        var fill = counts
        var times = [Double](repeating: 0, count: window.count), weights = times
        for i in window {
            let n = Int(history.cells[i])
            times[fill[n]] = history.times[i]
            weights[fill[n]] = history.weights[i]
            fill[n] += 1
        }
        let total = weights.reduce(0, +)
        var p = start.map { Parameters(background: $0.background, theta: $0.theta, omega: $0.omega, iterations: 0, converged: false) } ?? Parameters(
            background: (0..<grid.cellCount).map { n in
                (counts[n]..<counts[n + 1]).reduce(0) { $0 + weights[$1] } * 0.5 / span
            },
            theta: 0.5, omega: 1 / (7 * HotspotTime.day), iterations: 0, converged: false)
        guard total > 0 else { return p }
        var backgroundMass = [Double](repeating: 0, count: grid.cellCount)
        for iteration in 1...maximumIterations {
            var triggered = 0.0, triggeredTime = 0.0, offspringExposure = 0.0
            for n in 0..<grid.cellCount {
                let lo = counts[n], hi = counts[n + 1]
                backgroundMass[n] = 0
                guard lo < hi else { continue }
                let mu = p.background[n]
                // S = Σ w·e^{−ω(t−tᵢ)} and R = Σ w·(t−tᵢ)·e^{−ω(t−tᵢ)} over strictly earlier events.
                var s = 0.0, r = 0.0, last = times[lo], pending = 0.0
                for j in lo..<hi {
                    let t = times[j]
                    if t > last {
                        s += pending
                        pending = 0
                        let dt = t - last, e = exp(-p.omega * dt)
                        r = e * (r + dt * s)
                        s *= e
                        last = t
                    }
                    let lambda = mu + p.theta * p.omega * s
                    if lambda > 0 {
                        let w = weights[j]
                        backgroundMass[n] += w * mu / lambda
                        triggered += w * p.theta * p.omega * s / lambda
                        triggeredTime += w * p.theta * p.omega * r / lambda
                    }
                    pending += weights[j]
                    offspringExposure += weights[j] * (1 - exp(-p.omega * (before - t)))
                }
            }
            let theta = min(0.99, max(1e-6, offspringExposure > 0 ? triggered / offspringExposure : 0))
            let omega = triggeredTime > 0 ? max(1 / (365 * HotspotTime.day), min(1 / 60.0, triggered / triggeredTime)) : p.omega
            let background = smoothed(backgroundMass.map { $0 / span }, grid: grid)
            let change = max(abs(theta - p.theta) / max(p.theta, 1e-12), abs(omega - p.omega) / p.omega)
            p = Parameters(background: background, theta: theta, omega: omega, iterations: iteration, converged: change < tolerance)
            if p.converged { break }
        }
        return p
    }

    /// (1 − β)·μ + β·(3 × 3 neighbourhood average, weights 4:2:1), mass-preserving away from the edges.
    func smoothed(_ mu: [Double], grid: Grid) -> [Double] {
        let beta = backgroundSmoothing
        guard beta > 0 else { return mu }
        var out = mu.map { $0 * (1 - beta) }
        let w: [Double] = [1, 2, 1, 2, 4, 2, 1, 2, 1].map { $0 / 16 }
        for n in 0..<mu.count where mu[n] > 0 {
            let c = grid.column(of: n), r = grid.row(of: n)
            var k = 0
            for dr in -1...1 {
                for dc in -1...1 {
                    if let m = grid.cell(column: c + dc, row: r + dr) { out[m] += beta * w[k] * mu[n] }
                    k += 1
                }
            }
        }
        return out
    }
}
