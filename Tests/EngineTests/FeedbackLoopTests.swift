import Foundation
import Hotspots
import Testing
@testable import Engine
import VigiaCore

/// Safeguard 8: records that follow patrols must not raise a cell's forecast.
@Suite("Feedback-loop guard")
struct FeedbackLoopTests {
    let start = Date(timeIntervalSince1970: 1_500_000_000)

    func incidents(at point: GeoPoint, count: Int, source: ReportSource, offset: Double = 0) -> [Incident] {
        (0..<count).map { i in
            Incident(occurredAt: start.addingTimeInterval(Double(i) * 86_400 + offset), precision: .hour, location: point,
                     type: "Robo", source: source)
        }
    }

    @Test("extra patrols find more in a cell, but with no extra citizen reports its forecast does not rise")
    func patrolRecordsDoNotRaiseTheForecast() {
        let a = GeoPoint(latitude: -34.6037, longitude: -58.3816), b = GeoPoint(latitude: -34.6200, longitude: -58.4500)
        let citizen = incidents(at: a, count: 20, source: .citizen) + incidents(at: b, count: 10, source: .citizen)
        let patrolled = citizen + incidents(at: b, count: 60, source: .policeInitiated, offset: 3600)
        let at = start.addingTimeInterval(100 * 86_400).timeIntervalSince1970
        func risk(_ list: [Incident], _ weights: SourceWeights) -> (Double, Double, Int) {
            let input = HotspotInput(incidents: list, weights: weights, projection: LocalProjection(reference: a))
            let r = RecencyWeightedCounts().forecast(history: input.history, grid: input.grid, at: at, horizon: 86_400)
            let ca = input.grid.cell(containing: input.projection.project(a))!, cb = input.grid.cell(containing: input.projection.project(b))!
            return (r[ca], r[cb], Coverage.rank(risk: r, validCells: [ca, cb]).first!)
        }
        let before = risk(citizen, SourceWeights())
        let after = risk(patrolled, SourceWeights())
        #expect(after.1 == before.1, "the patrolled cell's forecast rose")
        #expect(after.2 == before.2, "the patrolled cell overtook the other")
        // The audited override shows what the guard prevents.
        let overridden = risk(patrolled, SourceWeights(police: 1))
        #expect(overridden.1 > before.1 && overridden.1 > overridden.0)
    }
}
