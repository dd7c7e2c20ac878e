import Foundation

extension ShiftSummary {
    /// The summary's sections, rendered alike as Markdown and as HTML.
    public var blocks: [ReportBlock] {
        typealias F = ReportFormat
        var b: [ReportBlock] = [
            .title("Shift summary: \(F.short(shift.start)) – \(F.short(shift.end))"),
            .paragraph("\(F.number(shift.hours, places: 1)) h, times in \(shift.timeZone). Generated \(F.short(generatedAt)).", muted: true),
        ]
        let a = alerts
        b += [
            .heading("Alerts", id: "alerts"),
            .table(["created", "still new at the end", "snoozed", "forwarded"], [["\(a.created)", "\(a.unhandledAtEnd)", "\(a.snoozed)", "\(a.forwarded)"]]),
            .figure(svg: SVGCharts.stackedBars(labels: a.perHour.map(\.hour), series: (1...5).map { "P\($0)" }, values: a.perHour.map(\.byPriority),
                                               colours: SVGCharts.priorityColours), caption: "Alerts created per hour, by priority."),
            .subheading("Alerts per hour"),
            .table(["hour", "P1", "P2", "P3", "P4", "P5", "total"], a.perHour.map { [$0.hour] + $0.byPriority.map(String.init) + ["\($0.byPriority.reduce(0, +))"] }),
            .subheading("Response times against targets (goal: \(F.percent(a.goal)) within the target)"),
            .table(["priority", "alerts", "ack. median", "ack. p90", "ack. target", "ack. met", "disp. median", "disp. p90", "disp. target",
                    "disp. met", "closed median", "closed met"], a.response.map { r in
                ["P\(r.priority)", "\(r.acknowledged.alerts)", F.duration(r.acknowledged.medianSeconds), F.duration(r.acknowledged.p90Seconds),
                 F.duration(r.acknowledged.targetSeconds), Self.met(r.acknowledged, goal: a.goal), F.duration(r.dispatched.medianSeconds),
                 F.duration(r.dispatched.p90Seconds), F.duration(r.dispatched.targetSeconds), Self.met(r.dispatched, goal: a.goal),
                 F.duration(r.closed.medianSeconds), Self.met(r.closed, goal: a.goal)]
            }),
            .paragraph("Median and 90th percentile (nearest rank) over the alerts that reached the step before the shift ended; "
                       + "\u{201C}met\u{201D} counts every alert created in the shift, so one never handled missed its target.", muted: true),
            .figure(svg: SVGCharts.bars(labels: a.acknowledgeHistogram.map { $0.upToSeconds.map { "< " + F.duration($0) } ?? "longer" },
                                        values: a.acknowledgeHistogram.map(\.count)),
                    caption: "Time from creation to acknowledgement (alerts created in the shift)."),
            .subheading("Time to acknowledge"),
            .table(["under", "alerts"], a.acknowledgeHistogram.map { [$0.upToSeconds.map { F.duration($0) } ?? "longer", "\($0.count)"] }),
            .subheading("By rule"), .table(["rule", "alerts"], F.ranked(a.byRule).map { [$0.0, "\($0.1)"] }),
            .subheading("By priority"), .table(["priority", "alerts"], a.byPriority.sorted { $0.key < $1.key }.map { ["P" + $0.key, "\($0.value)"] }),
            .subheading("State at the end of the shift"), .table(["state", "alerts"], F.ranked(a.stateAtEnd).map { [$0.0, "\($0.1)"] }),
            .subheading("Dispositions"), .table(["disposition", "alerts"], F.ranked(a.dispositions).map { [$0.0, "\($0.1)"] }),
            .subheading("Workload by operator"),
            .table(["operator", "acknowledged", "dispatched", "closed", "other"],
                   a.operators.map { [$0.name, "\($0.acknowledged)", "\($0.dispatched)", "\($0.closed)", "\($0.other)"] }),
        ]

        b.append(.heading("Forecast vs. reality", id: "forecast"))
        if let f = forecast {
            b += [
                .paragraph("Model \(f.model), made at the start of the shift for \(F.number(f.horizonHours, places: 0)) h: "
                           + "\(F.number(f.expected, places: 1)) incidents expected, \(f.incidents) recorded. Gini of the forecast: \(F.number(f.gini, places: 3))."),
                .table(["area covered", "cells", "incidents captured", "hit rate", "PAI"], Self.coverageRows(f.coverage)),
                .figure(svg: SVGCharts.map(f.map), caption: "The forecast's top 5 % of cells and the incidents recorded in the shift."),
                .subheading("Top cells"),
                .table(["rank", "district", "expected", "incidents in the shift"],
                       f.topCells.map { ["\($0.rank)", $0.district ?? "—", F.number($0.expected), "\($0.incidents)"] }),
                .subheading("Incidents by district against the forecast's share"),
                .table(["district", "incidents", "share", "forecast share"],
                       f.districts.map { [$0.district, "\($0.incidents)", F.percent($0.incidentShare), F.percent($0.forecastShare)] }),
            ]
        } else {
            b.append(.paragraph("No forecast: no incidents are stored from before the shift."))
        }

        let fc = faces
        b += [
            .heading("Face matching", id: "faces"),
            .paragraph("Counts only: probes that matched nothing leave no trace but these numbers.", muted: true),
            .table(["probes received", "searched", "below threshold", "dropped (no authorisation)"],
                   [["\(fc.probesReceived)", "\(fc.probesSearched)", "\(fc.belowThreshold)", "\(fc.droppedUnauthorised)"]]),
            .table(["candidates", "confirmed", "rejected", "pending", "dispatched", "median time to first decision"],
                   [["\(fc.candidates)", "\(fc.confirmed)", "\(fc.rejected)", "\(fc.pending)", "\(fc.dispatched)", F.duration(fc.medianSecondsToDecision)]]),
            .paragraph("Threshold: \(fc.threshold.map { F.number($0, places: 4) } ?? "not calibrated")"
                       + (fc.thresholdSetAt.map { ", calibrated \(F.short($0))" } ?? "") + "."),
        ]

        let so = social
        b += [
            .heading("Social flags", id: "social"),
            .table(["posts classified", "flags", "credible", "not credible (deleted)", "pending at the end", "surge alerts", "protected-speech refusals"],
                   [["\(so.postsClassified)", "\(so.flags)", "\(so.credible)", "\(so.notCredible)", "\(so.pendingAtEnd)", "\(so.surgeAlerts)", "\(so.protectedSpeechRefusals)"]]),
            .figure(svg: SVGCharts.horizontalBars(F.ranked(so.flagsByCategory)), caption: "Flags raised in the shift, by category."),
            .subheading("Flags by category"), .table(["category", "flags"], F.ranked(so.flagsByCategory).map { [$0.0, "\($0.1)"] }),
            .heading("Camera health", id: "cameras"),
            cameras.isEmpty ? .paragraph("No camera went offline or was tampered with.")
                : .table(["camera", "problem", "from", "to", "minutes in the shift"],
                         cameras.map { [$0.camera, $0.kind, F.short($0.from), $0.to.map(F.short) ?? "still open", F.number($0.minutes, places: 0)] }),
        ]

        b += [
            .heading("Audit", id: "audit"),
            audit.chainIntact ? .paragraph("Chain verified: yes.")
                : .warning("Chain verified: NO, first bad record \(audit.firstBadRecord.map(String.init) ?? "?")."),
            .paragraph("\(audit.recordsInShift) records in the shift."),
            .subheading("Notable actions"),
            .table(["time", "operator", "action", "subject"], audit.notable.map { [F.short($0.time), $0.operatorName, $0.action, $0.subject] }),
        ]
        return b
    }

    static func met(_ s: IntervalStats, goal: Double) -> String {
        guard let share = s.shareMet else { return "—" }
        return "\(s.metTarget)/\(s.alerts) (\(ReportFormat.percent(share)))\(share >= goal ? "" : " below goal")"
    }

    static func coverageRows(_ c: [CoverageResult]) -> [[String]] {
        c.map { ["\(ReportFormat.number($0.percentOfArea, places: 0)) %", "\($0.cells)", "\($0.captured)", ReportFormat.percent($0.hitRate), ReportFormat.number($0.pai)] }
    }
}
