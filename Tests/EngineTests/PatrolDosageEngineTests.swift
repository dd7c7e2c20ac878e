import Foundation
import GRDB
import Testing
@testable import Engine
import VigiaCore

/// `patrol --issue` records boxes for a window (supervisor, audited), and the
/// summary and transparency report set them against what was recorded inside.
@Suite("Patrol dosage from the store", .serialized)
struct PatrolDosageEngineTests {
    static let shiftStart = Date(timeIntervalSince1970: 1_542_301_200)  // 2018-11-15 14:00 local

    /// 20 citizen reports at A and 5 at B in the two months before; in the shift, at 15:00, a citizen report
    /// and a police-initiated record at A and a police-initiated record at B (about 800 m away).
    static func incidents() -> String {
        var rows = ["fecha,franja_horaria,tipo,latitud,longitud,origen"]
        for d in 1...20 { rows.append("2018-10-\(String(format: "%02d", d)),12,Robo,-34.6030,-58.3810,denuncia") }
        for d in 1...5 { rows.append("2018-10-\(String(format: "%02d", d)),12,Robo,-34.5970,-58.3740,denuncia") }
        rows += ["2018-11-15,15,Robo,-34.6030,-58.3810,denuncia", "2018-11-15,15,Robo,-34.6031,-58.3811,prevencion",
                 "2018-11-15,15,Robo,-34.5970,-58.3740,prevencion"]
        return rows.joined(separator: "\n") + "\n"
    }

    @Test("a supervisor issues boxes (audited, dispatchers refused); the summary counts what fell in them by source")
    func issueAndReport() throws {
        let f = try EngineFixture()
        let admin = try f.admin()
        try f.loadSquareDistrict()
        _ = try f.engine.ingestIncidents(at: try f.file("i.csv", Self.incidents()), options: f.options)
        try f.engine.addOperator(name: "sergio", role: .supervisor, passphrase: "sergio-passphrase", by: admin)
        try f.engine.addOperator(name: "dina", role: .dispatcher, passphrase: "dina-passphrase", by: admin)
        let supervisor = try f.engine.signIn(name: "sergio", passphrase: "sergio-passphrase")
        let dispatcher = try f.engine.signIn(name: "dina", passphrase: "dina-passphrase")

        #expect(throws: EngineError.self) { _ = try f.engine.issuePatrol(at: Self.shiftStart, horizon: 8 * 3600, units: 1, by: dispatcher) }
        let plan = try f.engine.issuePatrol(at: Self.shiftStart, horizon: 8 * 3600, units: 1, by: supervisor)
        #expect(plan.issueID != nil && plan.boxes.count == 1)
        let issue = try #require(try f.engine.audit.records(from: nil, to: nil).last)
        #expect(issue.action == "patrol.issue" && issue.operatorName == "sergio" && issue.subject == "2018-11-15T14:00:00-03:00/2018-11-15T22:00:00-03:00")
        let stored = try #require(try f.engine.patrols?.issued(overlapping: Self.shiftStart, to: Self.shiftStart.addingTimeInterval(1)).first)
        #expect(stored.boxes.first?.cells.count == 4 && stored.issuedBy == "sergio", "a 300 m box is 2 × 2 cells of 150 m")
        #expect(try f.engine.patrols?.issued(overlapping: Self.shiftStart.addingTimeInterval(8 * 3600), to: Self.shiftStart.addingTimeInterval(9 * 3600)).isEmpty == true)

        let summary = try f.engine.shiftSummary(start: Self.shiftStart, end: Self.shiftStart.addingTimeInterval(8 * 3600), exported: false, as: supervisor)
        let d = try #require(summary.patrols)
        #expect(d.boxes.count == 1 && d.boxes[0].issuedBy == "sergio")
        #expect(d.incidentsInBoxes == 2 && d.policeInitiatedInBoxes == 1 && d.boxes[0].policeInitiated == 1)
        #expect(d.incidentsElsewhere == 1 && d.policeInitiatedElsewhere == 1 && d.policeInitiatedPerBox == 1)
        // One record over the square's ~4 km² less one 0.09 km² box, per box: about 0.02.
        let elsewhere = try #require(d.policeInitiatedPerBoxAreaElsewhere)
        #expect(elsewhere > 0.015 && elsewhere < 0.03)
        #expect(summary.audit.notable.contains { $0.action == "patrol.issue" })
        let md = ReportRenderer.markdown(summary.blocks)
        #expect(md.contains("## Patrol dosage") && md.contains("| sergio | 1 |") && md.contains("Feedback-loop guard"))

        // The transparency report has the same counts without who issued them.
        let t = try f.engine.transparencyReport(from: Self.shiftStart, to: Self.shiftStart.addingTimeInterval(86_400), as: admin)
        #expect(t.patrols?.incidentsInBoxes == 2 && t.patrols?.boxes.allSatisfy { $0.issuedBy == nil } == true)
        #expect(!ReportRenderer.markdown(t.blocks).contains("sergio"))
    }

    @Test("no issue, no dosage: the section says how to record one")
    func none() throws {
        let f = try EngineFixture()
        let admin = try f.admin()
        let summary = try f.engine.shiftSummary(start: Self.shiftStart, end: Self.shiftStart.addingTimeInterval(3600), exported: false, as: admin)
        #expect(summary.patrols == nil)
        #expect(ReportRenderer.markdown(summary.blocks).contains("No patrol boxes were issued for this period (vigia patrol --issue records them)."))
    }
}

@Suite("Report periods")
struct ReportPeriodTests {
    let zone = TimeZone(identifier: "America/Argentina/Buenos_Aires")!

    @Test("a date as --to covers that whole day; a time is exclusive; the wrong order is refused")
    func inclusive() throws {
        let (a, b) = try ReportPeriod.parse(from: "2018-11-01", to: "2018-11-30", in: zone)
        #expect(a == Date(timeIntervalSince1970: 1_541_041_200) && b == Date(timeIntervalSince1970: 1_543_633_200), "2018-11-01 00:00 to 2018-12-01 00:00 local")
        let (_, c) = try ReportPeriod.parse(from: "2018-11-01", to: "2018-11-30T12:00", in: zone)
        #expect(c == Date(timeIntervalSince1970: 1_543_590_000))
        let (_, same) = try ReportPeriod.parse(from: "2018-11-30", to: "2018-11-30", in: zone)
        #expect(same == b, "one day: from its start to the next midnight")
        #expect(throws: EngineError.self) { _ = try ReportPeriod.parse(from: "2018-11-30", to: "2018-11-29", in: zone) }
        #expect(throws: EngineError.self) { _ = try ReportPeriod.parse(from: "yesterday", to: "2018-11-29", in: zone) }
    }

    @Test("the transparency report's title and period say exactly what it covers")
    func title() throws {
        let f = try EngineFixture()
        let admin = try f.admin()
        let (a, b) = try ReportPeriod.parse(from: "2018-11-01", to: "2018-11-30", in: zone)
        let r = try f.engine.transparencyReport(from: a, to: b, as: admin)
        let md = ReportRenderer.markdown(r.blocks)
        #expect(md.hasPrefix("# Transparency report: 2018-11-01 – 2018-11-30\n"))
        #expect(md.contains("Period: from 2018-11-01T00:00:00-03:00 up to, not including, 2018-12-01T00:00:00-03:00 (30 days)"))
        #expect(r.watchlist.inForce.last?.date == "2018-11-30", "the last day is in the report")
    }
}
