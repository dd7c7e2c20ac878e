import Foundation

extension ShiftSummary {
    /// The summary's sections in English, rendered alike as Markdown and as HTML.
    public var blocks: [ReportBlock] { blocks(language: .english) }

    /// The summary's sections; `language` sets the headline's (the tables stay in English).
    public func blocks(language: ReportLanguage) -> [ReportBlock] {
        typealias F = ReportFormat
        var b: [ReportBlock] = [
            .title("Shift summary: \(F.short(shift.start)) – " + (shift.end.prefix(10) == shift.start.prefix(10) ? String(F.short(shift.end).suffix(5)) : F.short(shift.end))),
            .paragraph("From \(shift.start) up to \(shift.end) (\(F.number(shift.hours, places: 1)) h), times in \(shift.timeZone). "
                       + "Generated \(F.short(generatedAt)).", muted: true),
            .heading(language == .spanish ? "Cómo fue el turno" : "How the shift went", id: "headline"),
            .lead(headline(language).joined(separator: " ")),
        ]
        b += alertBlocks
        b += forecast.map { $0.blocks } ?? [.heading("Forecast vs. reality", id: "forecast"),
                                           .paragraph("No forecast: no incidents are stored from before the shift.")]
        b += DosageSection.blocks(patrols, anonymous: false)

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
        b += oversight?.blocks(named: true) ?? []

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

    private var alertBlocks: [ReportBlock] {
        typealias F = ReportFormat
        let a = alerts
        func row(_ r: PriorityResponse, _ s: IntervalStats) -> [String] {
            ["P\(r.priority)", "\(s.alerts)", F.duration(s.medianSeconds), F.duration(s.p90Seconds), F.duration(s.targetSeconds), Self.met(s, goal: a.goal)]
        }
        var b: [ReportBlock] = [
            .heading("Alerts", id: "alerts"),
            .table(["created", "still new at the end", "escalated", "snoozed", "forwarded", "closed by override"],
                   [["\(a.created)", "\(a.unhandledAtEnd)", "\(a.escalated)", "\(a.snoozed)", "\(a.forwarded)", "\(a.closeOverrides)"]]),
            .figure(svg: SVGCharts.stackedBars(labels: a.perHour.map(\.hour), series: (1...5).map { "P\($0)" }, values: a.perHour.map(\.byPriority),
                                               colours: SVGCharts.priorityColours), caption: "Alerts created per hour, by priority (axis from zero)."),
            .subheading("Alerts per hour"),
            .table(["hour", "P1", "P2", "P3", "P4", "P5", "total"], a.perHour.map { [$0.hour] + $0.byPriority.map(String.init) + ["\($0.byPriority.reduce(0, +))"] }),
            .subheading("Response times against targets (goal: \(F.percent(a.goal)) within the target)"),
            .paragraph("Times are minutes:seconds (hours:minutes:seconds past an hour). Median and 90th percentile (nearest rank) over the "
                       + "alerts that reached the step before the shift ended; \u{201C}met\u{201D} counts every alert the target applies to, "
                       + "so one never handled missed it.", muted: true),
            .subheading("Acknowledged"),
            .table(["priority", "alerts", "median", "p90", "target", "met"], a.response.map { row($0, $0.acknowledged) }),
            .subheading("Dispatched"),
            .table(["priority", "held to the target", "median", "p90", "target", "met", "false alarm or duplicate", "not dispatched, not required"],
                   a.response.map { row($0, $0.dispatched) + ["\($0.closedWithoutDispatch)", "\($0.dispatchNotNeeded)"] }),
            .paragraph("The dispatch target applies to alerts that were dispatched and to those whose rule says dispatch = required. "
                       + "An alert closed as a false alarm or duplicate without a unit sent needed none: it meets its dispatch target by "
                       + "definition and is counted apart, not as a miss. Alerts nobody dispatched whose rule does not require a unit "
                       + "(open or closed otherwise) are neither met nor missed.", muted: true),
            .subheading("Closed"),
            .table(["priority", "alerts", "median", "p90", "target", "met"], a.response.map { row($0, $0.closed) }),
            .figure(svg: SVGCharts.bars(labels: a.acknowledgeHistogram.map { $0.upToSeconds.map { "< " + F.duration($0) } ?? "longer" },
                                        values: a.acknowledgeHistogram.map(\.count)),
                    caption: "Time from creation to acknowledgement (alerts created in the shift; axis from zero)."),
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
        let p = a.procedures
        if p.alerts > 0 {
            b.append(.subheading("Procedures"))
            b.append(.table(["alerts with steps", "steps", "ticked in the shift", "every step ticked"],
                            [["\(p.alerts)", "\(p.steps)", "\(p.ticked)", "\(p.complete)"]]))
            if !p.closedIncomplete.isEmpty {
                b.append(.paragraph("Closed in the shift with steps not ticked (first 20 of \(p.closedIncomplete.count)):", muted: true))
                b.append(.table(["alert", "rule", "ticked"], p.closedIncomplete.prefix(20).map { ["#\($0.alert)", $0.rule, "\($0.ticked)/\($0.steps)"] }))
            }
        }
        if a.systemTransitions > 0 {
            b.append(.paragraph("The system (feeds) made \(a.systemTransitions) transitions; it is not an operator and is not counted above.", muted: true))
        }
        return b
    }

    static func met(_ s: IntervalStats, goal: Double) -> String {
        guard let share = s.shareMet else { return "—" }
        return "\(s.metTarget)/\(s.alerts) (\(ReportFormat.percent(share)))\(share >= goal ? "" : " below goal")"
    }
}
