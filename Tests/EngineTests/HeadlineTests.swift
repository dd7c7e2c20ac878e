import Foundation
import Hotspots
import Testing
@testable import Engine
import VigiaCore

/// The summary's headline and dispatch-target rule on hand-built shifts whose numbers are known.
@Suite("Shift headline and dispatch targets")
struct HeadlineTests {
    static func forecast() -> ForecastSection {
        // 23 of the shift's 108 incidents in the top 5 % of cells; the best 5 % would have held 45.
        let period = Backtest.PeriodScore(start: 0, incidents: 108, coverage: [
            CoverageScore(percent: 5, hitRate: 23.0 / 108, pai: 23.0 / 108 / 0.05, captured: 23, flaggedCells: 380, bestPossible: 45),
        ])
        let spread = DistrictSpread.table(flaggedCells: [0, 1, 2, 5], incidentCells: [1, 3, 5, 6, 7, 8, 9, 9]) { $0 < 5 ? "1" : "4" }
        return ForecastSection(model: "recency+when", horizonHours: 8, incidents: 108, expected: 96.4, coverage: CoverageResult.pooled([period]),
                               topCells: [], districts: [], gini: 0.61,
                               map: ForecastMap(width: 0, height: 0, cellSize: 150, outlines: [], topCells: [], incidents: []),
                               spread: spread, spreadFactor: 1.5, districtLabel: "comuna")
    }

    static func patrols() -> DosageSection {
        let boxes = (1...6).map { u in
            DosageSection.Box(issue: 1, unit: u, issuedBy: "sergio", from: "2018-11-15T14:00:00-03:00", to: "2018-11-15T22:00:00-03:00",
                              district: "Balvanera", sideMetres: 300, expected: 0.5 + Double(u) * 0.1, incidents: u == 1 ? 3 : u == 2 ? 1 : 0, policeInitiated: 0)
        }
        return DosageSection(issues: 1, boxes: boxes, expectedInBoxes: boxes.reduce(0) { $0 + $1.expected }, incidentsInBoxes: 4, incidentsElsewhere: 104,
                             policeInitiatedInBoxes: 0, policeInitiatedElsewhere: 0, unknownSource: 108, policeInitiatedPerBox: 0,
                             policeInitiatedPerBoxAreaElsewhere: 0)
    }

    static func summary() -> ShiftSummary {
        ShiftSummaryBuilder.build(ShiftSummaryTests().records, forecast: forecast(), patrols: patrols(), generatedAt: ShiftSummaryTests().end)
    }

    @Test("the headline states the shift's numbers in English, from the same values as the tables")
    func english() {
        let h = Self.summary().headline(.english)
        #expect(h == [
            "6 alerts in the 8 h shift; the 3 P1 alerts were acknowledged in a median of 1 min, 1 of 3 within the 1 min target; 3 were still unhandled at the end.",
            "2 camera outages (1 offline, 1 tampered with), 1 h 15 min in all within the shift; 1 still open at the end.",
            "3 face-match candidates: 1 confirmed by two people, 1 rejected, 1 pending; 4 social flags (1 credible, 1 not credible, 0 pending at the end) and 0 surge alerts.",
            "The forecast made at 14:00 put 21.3 % of the shift's 108 incidents in 5 % of the area (95 % interval 14.6–29.9 %; PAI 4.26, PEI 0.51); "
                + "it flags comuna 1 beyond 1.5 times its share of reported crime.",
            "6 patrol boxes were issued: 4 incidents were recorded in them against 5.1 expected, 0 police-initiated (0.0 per box).",
        ])
    }

    @Test("in Spanish, with decimal commas; a broken chain comes first")
    func spanish() {
        var s = Self.summary()
        let h = s.headline(.spanish)
        #expect(h.count == 5)
        #expect(h[0] == "6 alertas en el turno de 8 h; las 3 alertas P1 se tomaron en una mediana de 1 min, 1 de 3 dentro de la meta de 1 min; 3 seguían sin atender al final.")
        #expect(h[3] == "El pronóstico hecho a las 14:00 ubicó el 21,3 % de los 108 hechos del turno en el 5 % del área (intervalo del 95 %: 14,6–29,9 %; "
                + "PAI 4,26, PEI 0,51); marca la comuna 1 por encima de 1,5 veces su parte de los delitos denunciados.")
        // Two districts past the factor: named together, with the layer's label in the plural.
        let both = (s.forecast?.spread ?? []).map { row -> DistrictSpread.Row in var r = row; r.exceeds = true; return r }
        s.forecast?.spread = both
        #expect(s.headline(.spanish)[3].hasSuffix("marca las comunas 1 y 4 por encima de 1,5 veces su parte de los delitos denunciados."))
        #expect(s.headline(.english)[3].hasSuffix("it flags comunas 1 and 4 beyond 1.5 times their share of reported crime."))
        s.audit.chainIntact = false
        s.audit.firstBadRecord = 12
        #expect(s.headline(.english).first == "The audit chain does NOT verify: first bad record 12.")
        s.patrols = nil
        s.forecast = nil
        #expect(s.headline(.english).last == "No forecast: no incidents were stored from before the shift.")
    }

    @Test("the headline opens the Markdown and the HTML")
    func rendered() {
        let s = Self.summary()
        let md = ReportRenderer.markdown(s.blocks)
        #expect(md.contains("## How the shift went\n\n> 6 alerts in the 8 h shift;"))
        #expect(md.range(of: "How the shift went")!.lowerBound < md.range(of: "## Alerts")!.lowerBound)
        let html = ReportRenderer.html(s.blocks(language: .spanish))
        #expect(html.contains("<section id=\"headline\"><h2>Cómo fue el turno</h2>") && html.contains("<p class=\"lead\">6 alertas en el turno"))
    }

    @Test("dispatch targets: held for dispatched or required alerts; false alarms and duplicates counted apart")
    func dispatchRule() throws {
        let t = ShiftSummaryTests()
        func alert(_ id: Int64, _ rule: String, _ p: Int, _ d: Disposition? = nil) -> StoredAlert {
            StoredAlert(alert: Alert(id: id, ruleID: rule, cameraID: "C", priority: p, createdAt: t.at(0), title: "t"),
                        dedupeKey: nil, procedure: "", evidence: [:], escalateAfterSeconds: nil, disposition: d)
        }
        let records = ShiftRecords(
            start: t.start, end: t.end, timeZone: t.zone,
            alerts: [alert(1, "loiter", 3, .falseAlarm), alert(2, "loiter", 3, .attended), alert(3, "loiter", 3, .duplicate),
                     alert(4, "tamper", 3), alert(5, "tamper", 3, .falseAlarm), alert(6, "loiter", 3, .falseAlarm)],
            transitions: [
                t.move(1, .new, .closed, by: "dina", at: 120),                     // false alarm, no unit: excused
                t.move(2, .new, .closed, by: "dina", at: 200),                     // attended without a unit, rule optional: not needed
                t.move(3, .new, .closed, by: "dina", at: 90),                      // duplicate: excused
                // 4: its rule requires a unit and nobody sent one: a miss.
                t.move(5, .new, .closed, by: "dina", at: 60),                      // required, but a false alarm: excused
                t.move(6, .new, .dispatched, by: "dina", at: 600), t.move(6, .dispatched, .closed, by: "dina", at: 900),  // dispatched in 10 min
            ],
            ruleKinds: ["loiter": "loitering", "tamper": "tamper"], dispatchRequired: ["tamper"])
        let p3 = try #require(ShiftSummaryBuilder.build(records, forecast: nil, generatedAt: t.end).alerts.response.first)
        #expect(p3.dispatched.alerts == 2, "alert 6 (dispatched) and alert 4 (its rule requires a unit)")
        #expect(p3.dispatched.metTarget == 1 && p3.dispatched.shareMet == 0.5, "600 s is within the 1800 s P3 target; alert 4 missed")
        #expect(p3.closedWithoutDispatch == 3 && p3.dispatchNotNeeded == 1)
        #expect(p3.acknowledged.alerts == 6, "the acknowledge target still applies to every alert")
        // Without the rule's requirement, alert 4 needs no unit.
        var optional = records
        optional.dispatchRequired = []
        let relaxed = try #require(ShiftSummaryBuilder.build(optional, forecast: nil, generatedAt: t.end).alerts.response.first)
        #expect(relaxed.dispatched.alerts == 1 && relaxed.dispatched.shareMet == 1 && relaxed.dispatchNotNeeded == 2)
    }

    @Test("the workload lists people only; the system actor's transitions are counted apart")
    func systemActor() {
        let t = ShiftSummaryTests()
        var records = t.records
        records.transitions.append(AlertTransition(alertID: 0, from: .new, to: .closed, operatorName: Principal.feed.name, at: t.at(100), note: nil))
        let a = ShiftSummaryBuilder.build(records, forecast: nil, generatedAt: t.end).alerts
        #expect(!a.operators.contains { $0.name == "feed" } && a.systemTransitions == 1)
    }
}
