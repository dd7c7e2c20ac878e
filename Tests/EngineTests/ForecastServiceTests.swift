import Foundation
import Hotspots
import Testing
@testable import Engine
import VigiaCore

@Suite("Forecasts, patrols and concentration from the store")
struct ForecastServiceTests {
    /// 60 evening robberies at one corner, 10 morning ones at another, over 60 days.
    func fixture() throws -> EngineFixture {
        let f = try EngineFixture()
        try f.loadSquareDistrict()
        var lines = ["fecha,franja_horaria,tipo,latitud,longitud"]
        for d in 0..<60 {
            let day = String(format: "2018-09-%02d", d % 30 + 1).replacingOccurrences(of: "2018-09", with: d < 30 ? "2018-09" : "2018-10")
            lines.append("\(day),20,Robo,-34.6037,-58.3816")
            if d % 6 == 0 { lines.append("\(day),9,Robo,-34.6000,-58.3750") }
        }
        _ = try f.engine.ingestIncidents(at: try f.file("i.csv", lines.joined(separator: "\n") + "\n"), options: f.options)
        return f
    }

    @Test("the busiest corner ranks first, with its evening peak hours and a plausible expected count")
    func predict() throws {
        let f = try fixture()
        let at = try TimeParser.instant("2018-11-01T14:00", in: f.options.timeZone)
        let (report, _, _) = try f.engine.forecast(at: at, horizon: 8 * 3600, top: 5, as: .feed)
        #expect(report.model == "recency+when")
        #expect(report.cells.first?.district == "CENTRO")
        #expect(abs(report.cells[0].latitude - -34.6037) < 0.002 && abs(report.cells[0].longitude - -58.3816) < 0.002)
        #expect(report.cells[0].peakHours.contains(20))
        // The 30 days before 1 Nov 14:00 start on 2 Oct 14:00: the evening robberies of 2–30 Oct.
        #expect(report.cells[0].recentIncidents == 29)
        // 70 incidents in the last 90 days ≈ 0.78 a day; the window is a third of a day, weighted to the evening.
        #expect(report.expectedTotal > 0.1 && report.expectedTotal < 1.5, "\(report.expectedTotal)")
        let shares = report.concentration.reduce(0) { $0 + $1.riskShare }
        #expect(abs(shares - 1) < 1e-9)
        // Two valid cells, one with six times the other's incidents: (n − 1)/n = 0.5 is the most two cells can show.
        #expect(report.gini > 0.25 && report.gini < 0.5)
    }

    @Test("patrol boxes cover the hot corner first")
    func patrol() throws {
        let f = try fixture()
        let at = try TimeParser.instant("2018-11-01T14:00", in: f.options.timeZone)
        let plan = try f.engine.patrol(at: at, horizon: 8 * 3600, units: 2, boxMetres: 300, as: .feed)
        #expect(plan.boxes.count == 2)
        #expect(plan.boxes[0].expected >= plan.boxes[1].expected)
        #expect(abs(plan.boxes[0].centreLatitude - -34.6037) < 0.003)
        #expect(plan.coveredShare > 0.9 && plan.coveredShare <= 1.000001)
    }

    @Test("an empty database says what to do")
    func empty() throws {
        let f = try EngineFixture()
        #expect(throws: EngineError.self) { try f.engine.forecast(at: Date(), horizon: 8 * 3600, as: .feed) }
    }
}

@Suite("Fitted models in the store")
struct ModelCacheTests {
    func fixture() throws -> EngineFixture {
        let f = try EngineFixture()
        try f.loadSquareDistrict()
        var lines = ["fecha,franja_horaria,tipo,latitud,longitud"]
        var random = SeededRandom(seed: 9)
        for d in 0..<200 {
            let date = Date(timeIntervalSince1970: 1_514_775_600 + Double(d) * 86_400) // from 2018-01-01 local
            let day = TimestampFormatter(timeZone: f.options.timeZone).string(from: date).prefix(10)
            for _ in 0..<random.int(in: 0...4) {
                lines.append("\(day),\(random.int(in: 0...23)),Robo,\(-34.596 - random.unit() * 0.014),\(-58.372 - random.unit() * 0.018)")
            }
        }
        _ = try f.engine.ingestIncidents(at: try f.file("i.csv", lines.joined(separator: "\n") + "\n"), options: f.options)
        return f
    }

    @Test("a second ETAS forecast resumes from the cached fit")
    func resumes() throws {
        let f = try fixture()
        let at = try TimeParser.instant("2018-07-10T14:00", in: f.options.timeZone)
        let cold = try f.engine.forecast(at: at, horizon: 8 * 3600, model: "etas", as: .feed).0
        let warm = try f.engine.forecast(at: at.addingTimeInterval(86_400), horizon: 8 * 3600, model: "etas", as: .feed).0
        #expect((cold.fit["iterations"] ?? 0) > (warm.fit["iterations"] ?? .infinity))
        #expect(abs((warm.fit["theta"] ?? 0) - (cold.fit["theta"] ?? 1)) < 0.05)
    }

    @Test("a fit that saw later data is never used for an earlier forecast")
    func noFutureLeak() throws {
        let later = try fixture(), fresh = try fixture()
        let t1 = try TimeParser.instant("2018-05-01T06:00", in: later.options.timeZone)
        _ = try later.engine.forecast(at: t1.addingTimeInterval(60 * 86_400), horizon: 8 * 3600, model: "etas", as: .feed)
        let afterCache = try later.engine.forecast(at: t1, horizon: 8 * 3600, model: "etas", top: 50, as: .feed).0
        let cold = try fresh.engine.forecast(at: t1, horizon: 8 * 3600, model: "etas", top: 50, as: .feed).0
        #expect(afterCache.cells == cold.cells)
        #expect(afterCache.fit == cold.fit)
    }

    @Test("overriding the feedback-loop guard is written to the audit chain")
    func policeOverrideAudited() throws {
        let f = try fixture()
        let at = try TimeParser.instant("2018-07-10T14:00", in: f.options.timeZone)
        _ = try f.engine.forecast(at: at, horizon: 8 * 3600, as: .feed)
        #expect(try f.engine.audit.records(from: nil, to: nil).filter { $0.action == "forecast.police_weight" }.isEmpty)
        _ = try f.engine.forecast(at: at, horizon: 8 * 3600, policeWeight: 0.5, as: .feed)
        let record = try f.engine.audit.records(from: nil, to: nil).last
        #expect(record?.action == "forecast.police_weight" && record?.details == #"{"weight":0.5}"#)
    }
}
