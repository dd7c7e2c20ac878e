import Testing
@testable import Hotspots
import VigiaCore

@Suite("Accuracy intervals and PEI")
struct AccuracyTests {
    @Test("Wilson interval for 23 of 108, worked by hand")
    func wilsonByHand() throws {
        // p = 0.212963, z² = 3.841459, z²/n = 0.035569.
        // centre = (p + z²/2n) / (1 + z²/n) = 0.230747 / 1.035569 = 0.222822
        // half = z / (1 + z²/n) · √(p(1−p)/n + z²/4n²) = 1.892649 · √(0.00155195 + 0.00008234) = 0.076513
        let i = try #require(Accuracy.wilson(successes: 23, trials: 108))
        #expect(abs(i.lower - 0.146309) < 1e-6 && abs(i.upper - 0.299335) < 1e-6)
        // No hits: the lower end is 0 and the upper end is z² / (n + z²).
        let none = try #require(Accuracy.wilson(successes: 0, trials: 10))
        #expect(none.lower == 0 && abs(none.upper - 3.841459 / 13.841459) < 1e-6)
        #expect(Accuracy.wilson(successes: 0, trials: 0) == nil)
    }

    @Test("bootstrap over two periods spans their two ratios; equal periods collapse it; the seed fixes it")
    func bootstrapByHand() throws {
        // Draws are (a,a), (a,b), (b,a), (b,b): a quarter of them give 1/10 and a quarter 6/10,
        // far more than 2.5 % each, so the percentiles are exactly the two periods' own ratios.
        let two = try #require(Accuracy.bootstrap(numerators: [1, 6], denominators: [10, 10]))
        #expect(two == Interval95(lower: 0.1, upper: 0.6))
        let same = try #require(Accuracy.bootstrap(numerators: [2, 4, 6], denominators: [10, 20, 30]))
        #expect(same == Interval95(lower: 0.2, upper: 0.2))
        let spread = [3, 9, 1, 7, 4, 0, 8, 2, 6, 5], days = [Int](repeating: 20, count: 10)
        #expect(Accuracy.bootstrap(numerators: spread, denominators: days) == Accuracy.bootstrap(numerators: spread, denominators: days))
        #expect(Accuracy.bootstrap(numerators: [0], denominators: [0]) == nil)
    }

    @Test("PEI on a small case by hand: captured over the most the same cells could have held")
    func peiByHand() {
        // Cell 5 had 3 incidents, cell 2 had 2, cell 8 had 1; cell 11 is not a valid cell.
        var risk = [Double](repeating: 0, count: 12)
        risk[2] = 9; risk[8] = 5; risk[5] = 1
        let s = Coverage.score(risk: risk, validCells: Array(0..<10), incidentCells: [5, 5, 5, 2, 2, 8, 11], percents: [10, 20, 30])
        // 1 cell: the forecast took cell 2 (2), the best was cell 5 (3).
        // 2 cells: 2 and 8 (3) against 5 and 2 (5). 3 cells: 2, 8, 5 (6) against 6.
        #expect(s.map(\.captured) == [2, 3, 6] && s.map(\.bestPossible) == [3, 5, 6])
        #expect(s[0].pei == 2.0 / 3 && s[1].pei == 0.6 && s[2].pei == 1)
        #expect(s[0].hitRate == 2.0 / 7, "the incident outside the valid cells still counts against the hit rate")
        #expect(Coverage.score(risk: risk, validCells: [0, 1], incidentCells: [11], percents: [50])[0].pei == nil)
    }

    @Test("pooled over periods: sums then divides; PAI's interval is the hit rate's over the share of area")
    func summarise() throws {
        func period(_ captured: Int, _ best: Int, of n: Int) -> Backtest.PeriodScore {
            Backtest.PeriodScore(start: 0, incidents: n, coverage: [
                CoverageScore(percent: 5, hitRate: Double(captured) / Double(n), pai: 0, captured: captured, flaggedCells: 3, bestPossible: best),
            ])
        }
        let few = Accuracy.summarise([period(10, 20, of: 50), period(13, 25, of: 58)])
        let a = try #require(few.first)
        #expect(a.method == .wilson && a.periods == 2 && a.incidents == 108 && a.captured == 23 && a.bestPossible == 45)
        #expect(a.hitRate == 23.0 / 108 && a.pai == 23.0 / 108 / 0.05 && a.pei == 23.0 / 45)
        let wilson = try #require(Accuracy.wilson(successes: 23, trials: 108))
        #expect(a.hitRateInterval == wilson && a.paiInterval == wilson.divided(by: 0.05))
        #expect(a.peiInterval == nil, "no binomial interval for PEI")

        let many = Accuracy.summarise((0..<12).map { period($0 % 3, 4, of: 10) })
        let b = try #require(many.first)
        #expect(b.method == .bootstrap && b.periods == 12)
        let hit = try #require(b.hitRateInterval), pei = try #require(b.peiInterval)
        #expect(hit.lower <= b.hitRate && b.hitRate <= hit.upper && pei.lower <= 0.25 && 0.25 <= pei.upper)
        #expect(hit.lower >= 0 && hit.upper <= 0.2, "each day captured 0 to 2 of 10")
    }
}

@Suite("District spread")
struct DistrictSpreadTests {
    @Test("two districts by hand: A holds 3 of 4 flagged cells with a quarter of the reports")
    func twoDistricts() throws {
        let rows = DistrictSpread.table(flaggedCells: [0, 1, 2, 5], incidentCells: [1, 3, 5, 6, 7, 8, 9, 9], factor: 1.5) { $0 < 5 ? "A" : "B" }
        #expect(rows.map(\.district) == ["A", "B"])
        let a = try #require(rows.first), b = try #require(rows.last)
        #expect(a.flaggedCells == 3 && a.flaggedShare == 0.75 && a.incidents == 2 && a.incidentShare == 0.25 && a.ratio == 3 && a.exceeds)
        #expect(b.flaggedShare == 0.25 && b.incidentShare == 0.75 && b.ratio == 1.0 / 3 && !b.exceeds)
        // With a factor of 4, A's ×3 is within bounds.
        #expect(DistrictSpread.table(flaggedCells: [0, 1, 2, 5], incidentCells: [1, 3, 5, 6, 7, 8, 9, 9], factor: 4) { $0 < 5 ? "A" : "B" }
            .allSatisfy { !$0.exceeds })
    }

    @Test("a district flagged without a single report is named; unplaced cells are outside; numbers sort as numbers")
    func edges() {
        let rows = DistrictSpread.table(flaggedCells: [0, 9], incidentCells: [1, 1], district: { $0 == 0 ? "10" : $0 == 1 ? "2" : nil })
        #expect(rows.map(\.district) == ["2", "10", "outside"])
        #expect(rows[1].exceeds && rows[1].ratio == nil && rows[2].exceeds && !rows[0].exceeds)
    }
}

@Suite("Patrol dosage")
struct PatrolDosageTests {
    @Test("records inside issued boxes in their window, police-initiated ones per box and per box-sized area elsewhere")
    func counts() throws {
        let boxes = [PatrolDosage.Box(unit: 1, centre: PlanarPoint(x: 0, y: 0), side: 300, from: 0, to: 100),
                     PatrolDosage.Box(unit: 2, centre: PlanarPoint(x: 1_000, y: 0), side: 300, from: 0, to: 100)]
        func r(_ x: Double, _ y: Double, _ t: Double, police: Bool = false) -> PatrolDosage.Record {
            PatrolDosage.Record(point: PlanarPoint(x: x, y: y), time: t, policeInitiated: police)
        }
        let records = [r(10, 10, 10, police: true), r(-150, 150, 20), r(1_100, -20, 30), r(1_000, 0, 40, police: true),
                       r(0, 0, 150, police: true),       // after the window
                       r(160, 0, 50),                     // just outside box 1
                       r(5_000, 0, 60, police: true)]     // elsewhere
        let d = PatrolDosage.count(boxes: boxes, records: records, area: 3_000_000)
        #expect(d.boxes == [PatrolDosage.BoxCount(unit: 1, incidents: 2, policeInitiated: 1), PatrolDosage.BoxCount(unit: 2, incidents: 2, policeInitiated: 1)])
        #expect(d.inBoxes == 4 && d.policeInitiatedInBoxes == 2 && d.elsewhere == 2 && d.policeInitiatedElsewhere == 1)
        #expect(d.policeInitiatedPerBox == 1)
        // 1 record over 3 km² − 2 × 0.09 km² = 2.82 km², scaled to one 0.09 km² box.
        let elsewhere = try #require(d.policeInitiatedPerBoxAreaElsewhere)
        #expect(abs(elsewhere - 0.09 / 2.82) < 1e-12)
        #expect(PatrolDosage.count(boxes: [], records: records, area: 1).policeInitiatedPerBox == nil)
    }
}
