import Foundation
@testable import Console
import Engine
import Hotspots
import VigiaCore

/// A small hand-built city for screen tests: three districts in an L, a risk
/// grid with a hot corner, and one item of each kind.
enum SituationFixture {
    static let zone = TimeZone(identifier: "America/Argentina/Buenos_Aires")!
    static let now = Date(timeIntervalSince1970: 1_542_318_300) // 2018-11-15 18:45 -03:00

    static func square(_ x: Double, _ y: Double, _ w: Double, _ h: Double) -> MultiPolygon {
        MultiPolygon([Polygon(outer: [PlanarPoint(x: x, y: y), PlanarPoint(x: x + w, y: y), PlanarPoint(x: x + w, y: y + h),
                                      PlanarPoint(x: x, y: y + h), PlanarPoint(x: x, y: y)])])
    }

    static func make(role: Role = .dispatcher) -> Situation {
        let projection = LocalProjection(reference: GeoPoint(latitude: -34.6, longitude: -58.45))
        let districts = DistrictIndex(districts: [
            District(name: "PALERMO", parent: "14", shape: square(0, 6_000, 6_000, 4_000)),
            District(name: "RECOLETA", parent: "2", shape: square(6_000, 6_000, 4_000, 4_000)),
            District(name: "CONSTITUCIÓN", parent: "1", shape: square(0, 0, 6_000, 6_000)),
        ], projection: projection)
        let grid = Grid(originX: 0, originY: 0, cellSize: 500, columns: 20, rows: 20)
        var expected = [Double](repeating: 0, count: grid.cellCount)
        for cell in 0..<grid.cellCount {
            let c = grid.centre(of: cell)
            guard districts.index(containing: c) != nil else { continue }
            // Hot near (2 km, 2 km), cooler with distance.
            let d = ((c.x - 2_000) * (c.x - 2_000) + (c.y - 2_000) * (c.y - 2_000)).squareRoot()
            expected[cell] = (1 / (1 + d / 800) * 1000).rounded() / 1000
        }
        let risk = Situation.RiskLayer(model: "recency+when", horizonHours: 8, grid: grid, expected: expected,
                                       recent: [Int32](repeating: 2, count: grid.cellCount), peakHours: [grid.cell(containing: PlanarPoint(x: 2_000, y: 2_000))!: [20, 21, 22]],
                                       hitRate: 0.231, pai: 4.62, gini: 0.71, hitRateInterval: Interval95(lower: 0.172, upper: 0.302), pei: 0.48)
        let header = Situation.Header(now: now, replaySpeed: 30, shift: "tarde", operatorName: "dina", role: role,
                                      auditIntact: true, timeZone: zone)
        let alerts = [
            Situation.AlertItem(id: 41, priority: 1, state: .new, rule: "social-surge", camera: "area:CONSTITUCIÓN",
                                title: "Surge of threat flags in CONSTITUCIÓN: 3 in 30 min", createdAt: now.addingTimeInterval(-95),
                                escalated: false, position: PlanarPoint(x: 3_000, y: 3_000), procedure: "Review the flags in this area.",
                                evidence: ["observed": "3", "expected": "0.0250"], history: []),
            Situation.AlertItem(id: 17, priority: 2, state: .acknowledged, rule: "loitering-andenes", camera: "C-0042",
                                title: "Loitering on the platform", createdAt: now.addingTimeInterval(-1_260), escalated: false,
                                position: PlanarPoint(x: 7_500, y: 8_000), procedure: "1. Look at the platform camera 2. Send the nearest unit.", evidence: ["dwell": "212 s"],
                                history: ["18:24:10 new → acknowledged (dina)"],
                                steps: [.init(text: "Look at the platform camera", done: "dina 18:25"), .init(text: "Send the nearest unit.", done: nil)],
                                notes: ["18:26 dina: a man in a red jacket, near the ticket gates"]),
        ]
        let hits = [Situation.HitItem(id: 5, candidate: "Nicolás Ficticio Pérez", similarity: 0.71234, orderReference: "Causa 4321/2018",
                                      court: "Juzgado N.º 7", camera: "C-0031", time: now.addingTimeInterval(-300), confirmations: 1,
                                      state: .confirmedOnce, position: PlanarPoint(x: 1_000, y: 8_000))]
        let flags = [Situation.FlagItem(id: 3, category: .threatToPlace, score: 0.85, phrases: ["hay una", "bomba"],
                                        text: "hay una bomba en la estación Constitución 💣, va a volar todo", time: now.addingTimeInterval(-120),
                                        district: "CONSTITUCIÓN", position: PlanarPoint(x: 3_200, y: 2_600))]
        return Situation(header: header, districts: districts, risk: risk,
                         cameras: [Situation.CameraMarker(id: "C-0099", name: "Plaza", position: PlanarPoint(x: 9_000, y: 9_000), online: false, health: "offline",
                                                          district: "RETIRO", lastEvent: now.addingTimeInterval(-2_400)),
                                   Situation.CameraMarker(id: "C-0042", name: "Andén 2, estación Constitución", position: PlanarPoint(x: 7_500, y: 8_000),
                                                          online: true, health: "online", district: "CONSTITUCIÓN", lastEvent: now.addingTimeInterval(-8), openAlerts: 1)],
                         alerts: alerts, hits: hits, flags: flags, patrol: [Situation.PatrolBox(centre: PlanarPoint(x: 2_000, y: 2_000), size: 300)],
                         trails: [])
    }
}
