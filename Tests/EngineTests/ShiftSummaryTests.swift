import Foundation
import Testing
@testable import Engine
@_spi(SignIn) @_spi(RawAudit) import VigiaCore

/// The shift summary on a hand-built shift whose answers were worked out by hand.
@Suite("Shift summary")
struct ShiftSummaryTests {
    let zone = TimeZone(identifier: "America/Argentina/Buenos_Aires")!
    /// 2018-11-15 14:00 local.
    let start = Date(timeIntervalSince1970: 1_542_301_200)
    var end: Date { start.addingTimeInterval(8 * 3600) }

    func at(_ seconds: Double) -> Date { start.addingTimeInterval(seconds) }

    func alert(_ id: Int64, priority: Int, rule: String = "r", camera: String = "C1", created: Double, disposition: Disposition? = nil) -> StoredAlert {
        StoredAlert(alert: Alert(id: id, ruleID: rule, cameraID: camera, priority: priority, createdAt: at(created), title: "t"),
                    dedupeKey: nil, procedure: "", evidence: [:], escalateAfterSeconds: nil, disposition: disposition)
    }

    func move(_ id: Int64, _ from: AlertState, _ to: AlertState, by name: String, at seconds: Double) -> AlertTransition {
        AlertTransition(alertID: id, from: from, to: to, operatorName: name, at: at(seconds), note: nil)
    }

    func record(_ seq: Int64, _ action: String, by name: String = "sergio", at seconds: Double, details: CanonicalJSON = [:]) -> AuditRecord {
        AuditRecord.sealing(AuditEntry(principal: Principal(name: name, role: .supervisor), rawAction: action, subject: "x", details: details),
                            sequence: seq, time: at(seconds), previousHash: AuditRecord.genesisHash)
    }

    var records: ShiftRecords {
        ShiftRecords(
            start: start, end: end, timeZone: zone,
            alerts: [
                alert(0, priority: 3, created: -3600),                       // from before the shift, never handled
                alert(1, priority: 1, created: 0, disposition: .attended),  // acknowledged after 30 s
                alert(2, priority: 1, created: 3600, disposition: .falseAlarm),
                alert(3, priority: 1, created: 8 * 3600 - 60),              // a minute before the end: nobody got to it
                alert(4, priority: 3, created: 7200),                        // snoozed first, then taken on
                alert(5, priority: 2, rule: "cam-off", camera: "C9", created: 6 * 3600),
                alert(6, priority: 2, rule: "cam-tamper", camera: "C8", created: 7.5 * 3600),
            ],
            transitions: [
                move(1, .new, .acknowledged, by: "dina", at: 30), move(1, .acknowledged, .dispatched, by: "dina", at: 120),
                move(1, .dispatched, .closed, by: "dina", at: 1800),
                move(2, .new, .acknowledged, by: "diego", at: 3690), move(2, .acknowledged, .closed, by: "diego", at: 4200),
                move(4, .new, .snoozed, by: "sofia", at: 7260), move(4, .snoozed, .acknowledged, by: "sofia", at: 7800),
                move(5, .new, .acknowledged, by: "dina", at: 6 * 3600 + 20), move(5, .acknowledged, .closed, by: "dina", at: 6 * 3600 + 2700),
                // After the shift: not part of it.
                move(3, .new, .acknowledged, by: "diego", at: 8 * 3600 + 5),
            ],
            ruleKinds: ["cam-off": "offline", "cam-tamper": "tamper", "r": "detection"],
            hits: [
                (Hit(id: 1, entryID: "W1", similarity: 0.5, rank: 1, cameraID: "C1", time: at(600), state: .dispatched), at(700)),
                (Hit(id: 2, entryID: "W2", similarity: 0.4, rank: 1, cameraID: "C1", time: at(900), state: .rejected), at(1200)),
                (Hit(id: 3, entryID: "W3", similarity: 0.3, rank: 1, cameraID: "C1", time: at(1000), state: .pending), nil),
            ],
            counters: ["faces.probes_received": 40, "faces.searched": 38, "faces.no_match": 35, "faces.dropped_unauthorised": 2,
                       "posts.classified": 500, "flags.threat_person": 3, "flags.incitement": 1],
            audit: [
                record(1, "watchlist.add", at: 60), record(2, "alert.acknowledge", by: "dina", at: 30),
                record(3, "flag.credible", by: "dina", at: 4000, details: ["category": "threat_person"]),
                record(4, "flag.not_credible", by: "dina", at: 4100, details: ["category": "incitement"]),
            ],
            threshold: 0.2483, thresholdSetAt: start)
    }

    @Test("response times per priority: median, nearest-rank p90 and the share that met the target")
    func responseTimes() throws {
        let s = ShiftSummaryBuilder.build(records, forecast: nil, generatedAt: end).alerts
        #expect(s.created == 6, "alert 0 is from before the shift")
        let p1 = try #require(s.response.first { $0.priority == 1 })
        // P1 acknowledged after 30 s and 90 s; the third not before the end.
        #expect(p1.acknowledged.alerts == 3 && p1.acknowledged.reached == 2)
        #expect(p1.acknowledged.medianSeconds == 60 && p1.acknowledged.p90Seconds == 90)
        #expect(p1.acknowledged.metTarget == 1 && p1.acknowledged.shareMet == 1.0 / 3, "only 30 s is within 60 s")
        #expect(p1.dispatched.reached == 1 && p1.dispatched.medianSeconds == 120 && p1.dispatched.metTarget == 1)
        #expect(p1.closed.medianSeconds == 1200, "closed after 1800 s and 600 s")
        // A snooze is not taking an alert on: P3 is acknowledged 600 s after it was created.
        let p3 = try #require(s.response.first { $0.priority == 3 })
        #expect(p3.acknowledged.medianSeconds == 600 && p3.acknowledged.metTarget == 0, "600 s misses the 300 s target")
    }

    @Test("state at the end, unhandled, workload, per hour and the acknowledgement histogram")
    func counts() {
        let s = ShiftSummaryBuilder.build(records, forecast: nil, generatedAt: end).alerts
        #expect(s.stateAtEnd == ["new": 3, "closed": 3, "acknowledged": 1])
        #expect(s.unhandledAtEnd == 3, "alert 0, alert 3 and the tamper alert were still new")
        #expect(s.snoozed == 1 && s.forwarded == 0)
        #expect(s.dispositions == ["attended": 1, "false_alarm": 1], "alert 5 was closed without a disposition")
        #expect(s.operators.map(\.name) == ["diego", "dina", "sofia"])
        #expect(s.operators.first { $0.name == "dina" } == OperatorWorkload(name: "dina", acknowledged: 2, dispatched: 1, closed: 2, other: 0))
        #expect(s.operators.first { $0.name == "sofia" } == OperatorWorkload(name: "sofia", acknowledged: 1, dispatched: 0, closed: 0, other: 1))
        #expect(s.perHour.count == 8 && s.perHour.first == HourCount(hour: "14:00", byPriority: [1, 0, 0, 0, 0]))
        #expect(s.perHour.last == HourCount(hour: "21:00", byPriority: [1, 1, 0, 0, 0]))
        // Acknowledged after 30, 90, 600 and 20 s: bins < 30, < 60, < 120, …, < 1800.
        #expect(s.acknowledgeHistogram.map(\.count) == [1, 1, 1, 0, 0, 1, 0])
    }

    @Test("faces, flags, camera outages and notable audit actions")
    func otherSections() {
        let s = ShiftSummaryBuilder.build(records, forecast: nil, generatedAt: end)
        #expect(s.faces.probesReceived == 40 && s.faces.belowThreshold == 35 && s.faces.droppedUnauthorised == 2)
        #expect(s.faces.candidates == 3 && s.faces.confirmed == 1 && s.faces.rejected == 1 && s.faces.pending == 1 && s.faces.dispatched == 1)
        #expect(s.faces.medianSecondsToDecision == 200, "first decisions after 100 s and 300 s")
        #expect(s.social.flags == 4 && s.social.flagsByCategory == ["threat_person": 3, "incitement": 1])
        #expect(s.social.credible == 1 && s.social.notCredible == 1 && s.social.postsClassified == 500)
        #expect(s.cameras.map(\.camera) == ["C9", "C8"])
        #expect(s.cameras.map(\.minutes) == [45, 30], "offline 20:00–20:45; tamper 21:30 to the end")
        #expect(s.cameras[1].to == nil)
        #expect(s.audit.recordsInShift == 4 && s.audit.notable.map(\.action) == ["watchlist.add"])
    }

    @Test("statistics: median of even counts, nearest-rank percentiles")
    func statistics() {
        #expect(ReportStatistics.median([4, 1, 3, 2]) == 2.5)
        #expect(ReportStatistics.median([]) == nil)
        #expect(ReportStatistics.percentile([10, 20, 30, 40, 50, 60, 70, 80, 90, 100], 90) == 90)
        #expect(ReportStatistics.percentile([10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110], 90) == 100)
        #expect(ReportStatistics.percentile([5], 90) == 5)
    }

    @Test("targets parse as PRIORITY=SECONDS and bad ones say what is wrong")
    func targets() throws {
        let t = try ResponseTargets.parse("1=30, 3=200", over: ResponseTargets().acknowledgeSeconds, option: "--ack-targets")
        #expect(t[1] == 30 && t[2] == 120 && t[3] == 200)
        for bad in ["1", "9=30", "1=-5", "x=3", "1=nan"] {
            #expect(throws: EngineError.self) { _ = try ResponseTargets.parse(bad, over: [:], option: "--ack-targets") }
        }
    }

    @Test("shift periods: time-of-day ends, midnight crossings and bad text")
    func periods() throws {
        let (a, b) = try TimeParser.period("2018-11-15T14:00/22:00", in: zone)
        #expect(a == start && b == end)
        let (c, d) = try TimeParser.period("2018-11-15T22:00/06:00", in: zone)
        #expect(d.timeIntervalSince(c) == 8 * 3600)
        let (e, f) = try TimeParser.period("2018-11-15T14:00/2018-11-16T14:00", in: zone)
        #expect(f.timeIntervalSince(e) == 86_400)
        for bad in ["2018-11-15T14:00", "/22:00", "2018-11-15T14:00/25:00", "2018-11-15T14:00/2018-11-14T00:00"] {
            #expect(throws: TimeParseError.self) { _ = try TimeParser.period(bad, in: zone) }
        }
    }
}

@Suite("Transparency report")
struct TransparencyTests {
    let zone = TimeZone(identifier: "America/Argentina/Buenos_Aires")!
    let day = 86_400.0

    func entry(_ id: String, issued: Double, expires: Double, status: WatchlistStatus = .active, offence: String = "robo") -> WatchlistEntry {
        WatchlistEntry(id: id, displayName: "N", courtOrderReference: "C", issuingCourt: "J", offenceCategory: offence,
                       issuedOn: Date(timeIntervalSince1970: issued), expiresOn: Date(timeIntervalSince1970: expires), status: status)
    }

    @Test("watchlist in force per day, issued, expired and revoked in the period, offences at the end")
    func watchlist() {
        let t0 = 1_541_041_200.0  // 2018-11-01 00:00 local
        let entries = [
            entry("A", issued: t0 - 100 * day, expires: t0 + 100 * day),
            entry("B", issued: t0 + 1.5 * day, expires: t0 + 100 * day, offence: "homicidio"),       // issued on day 2
            entry("C", issued: t0 - 10 * day, expires: t0 + 2.2 * day, status: .expired),            // expires on day 3
            entry("D", issued: t0 - 10 * day, expires: t0 + 100 * day, status: .revoked),            // revoked on day 2 (audited)
            entry("E", issued: t0 - 10 * day, expires: t0 + 100 * day, status: .revoked),            // arrived revoked: never searchable
        ]
        let w = TransparencyBuilder.watchlist(entries: entries, closedAt: ["D": Date(timeIntervalSince1970: t0 + 1.2 * day)],
                                              from: Date(timeIntervalSince1970: t0), to: Date(timeIntervalSince1970: t0 + 4 * day), timeZone: zone)
        #expect(w.inForce.map(\.date) == ["2018-11-01", "2018-11-02", "2018-11-03", "2018-11-04"])
        // Noon each day: day 1 A C D; day 2 A B C; day 3 A B; day 4 A B.
        #expect(w.inForce.map(\.entries) == [3, 3, 2, 2])
        #expect(w.ordersIssued == 1 && w.expired == 1 && w.revoked == 1)
        #expect(w.offenceCategories == ["robo": 1, "homicidio": 1])
    }
}
