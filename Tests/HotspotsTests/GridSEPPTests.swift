import Foundation
import Testing
@testable import Hotspots
import VigiaCore

@Suite("ETAS / SEPP fitted by EM")
struct GridSEPPTests {
    let day = HotspotTime.day
    let grid = Grid(originX: 0, originY: 0, cellSize: 150, columns: 8, rows: 5)

    /// A gridded Hawkes process by branching: background events at rate μₙ,
    /// each with Poisson(θ) offspring in the same cell after Exp(ω) delays.
    func simulate(theta: Double, omega: Double, days: Double, seed: UInt64, roundToHour: Bool) -> (EventHistory, [Double]) {
        var random = SeededRandom(seed: seed)
        let rates = (0..<grid.cellCount).map { n in (0.05 + 0.45 * Double(n) / Double(grid.cellCount - 1)) / day }
        var events: [GridEvent] = []
        let end = days * day
        for (n, mu) in rates.enumerated() {
            var queue: [Double] = []
            var t = random.exponential(mean: 1 / mu)
            while t < end { queue.append(t); t += random.exponential(mean: 1 / mu) }
            while let parent = queue.popLast() {
                events.append(GridEvent(cell: n, time: roundToHour ? (parent / 3600).rounded(.down) * 3600 : parent))
                // Poisson(θ) children by inversion.
                var k = 0, p = exp(-theta), cdf = p
                let u = random.unit()
                while u > cdf { k += 1; p *= theta / Double(k); cdf += p }
                for _ in 0..<k {
                    let child = parent + random.exponential(mean: 1 / omega)
                    if child < end { queue.append(child) }
                }
            }
        }
        return (EventHistory(events: events), rates)
    }

    @Test("EM recovers μ, θ and ω from simulated data", arguments: [false, true])
    func recovers(roundToHour: Bool) {
        let theta = 0.4, omega = 1 / (2 * day)
        let (history, rates) = simulate(theta: theta, omega: omega, days: 2_000, seed: 11, roundToHour: roundToHour)
        let model = GridSEPP(trainingDays: 2_000, backgroundSmoothing: 0, maximumIterations: 500, tolerance: 1e-7)
        let p = model.fit(history: history, grid: grid, before: 2_000 * day)
        #expect(p.converged)
        #expect(abs(p.theta - theta) < 0.04, "θ = \(p.theta)")
        #expect(abs(p.omega / omega - 1) < 0.15, "ω = \(p.omega * day) per day")
        let fitted = p.background.reduce(0, +), truth = rates.reduce(0, +)
        #expect(abs(fitted / truth - 1) < 0.08, "Σμ \(fitted * day) vs \(truth * day) per day")
        // Busier cells are recognised as busier.
        #expect(p.background.last! > 3 * p.background.first!)
    }

    @Test("the forecast is background × horizon plus decayed offspring, hand-computed")
    func expectedCounts() {
        let history = EventHistory(events: [GridEvent(cell: 3, time: 9 * day)])
        let p = GridSEPP.Parameters(background: [Double](repeating: 1 / day, count: grid.cellCount), theta: 0.5,
                                    omega: 1 / day, iterations: 1, converged: true)
        let e = GridSEPP().expectedCounts(p, history: history, grid: grid, at: 10 * day, horizon: day)
        #expect(abs(e[0] - 1) < 1e-12)
        #expect(abs(e[3] - (1 + 0.5 * exp(-1) * (1 - exp(-1)))) < 1e-12)
    }

    @Test("simultaneous events do not trigger each other")
    func ties() {
        let events = (0..<50).map { i in GridEvent(cell: 0, time: Double(i / 10) * 30 * day) } // five instants, ten events each
        let p = GridSEPP(trainingDays: 200, backgroundSmoothing: 0).fit(history: EventHistory(events: events), grid: grid, before: 200 * day)
        #expect(p.theta < 0.05, "θ = \(p.theta): ties a month apart are not self-excitation")
    }
}
