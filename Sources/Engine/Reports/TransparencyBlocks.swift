import Foundation
import VigiaCore

extension TransparencyReport {
    /// The report's sections, rendered alike as Markdown and as HTML. Aggregates only.
    public var blocks: [ReportBlock] {
        typealias F = ReportFormat
        let a = faces.authorisations
        var b: [ReportBlock] = [
            .title("Transparency report: " + ReportPeriod.title(start: period.start, end: period.end, endDate: endDate, timeZone: zone)),
            .paragraph("Period: from \(period.start) up to, not including, \(period.end) (\(Self.days(period.hours))), times in \(period.timeZone). "
                       + "Aggregates only: no names, handles, court-order references, cameras, free-text reasons or biometric data. "
                       + "Generated \(F.short(generatedAt)).", muted: true),
            .heading("Face searches", id: "faces"),
            .paragraph("Probes that matched nothing leave no trace but these counts."),
            .table(["probes received", "searched", "below threshold", "dropped (no authorisation)", "not searched (no calibration)"],
                   [["\(faces.probesReceived)", "\(faces.probesSearched)", "\(faces.belowThreshold)", "\(faces.droppedUnauthorised)", "\(faces.notSearchedUncalibrated)"]]),
            .table(["candidates", "confirmed by two people", "rejected", "pending", "dispatched"],
                   [["\(faces.candidates)", "\(faces.confirmed)", "\(faces.rejected)", "\(faces.pending)", "\(faces.dispatched)"]]),
            .subheading("Search authorisations in force in the period"),
            .table(["total", "urgent", "urgent confirmed", "lapsed", "revoked", "whole list", "named entries", "all cameras", "named cameras", "median length"],
                   [["\(a.total)", "\(a.urgent)", "\(a.urgentConfirmed)", "\(a.lapsed)", "\(a.revoked)", "\(a.wholeList)", "\(a.namedEntries)",
                     "\(a.allCameras)", "\(a.namedCameras)", a.medianHours.map { F.number($0, places: 1) + " h" } ?? "—"]]),
        ] + (oversight?.blocks(named: false) ?? []) + [
            .heading("Watchlist", id: "watchlist"),
            .table(["orders issued", "expired", "revoked"], [["\(watchlist.ordersIssued)", "\(watchlist.expired)", "\(watchlist.revoked)"]]),
            .figure(svg: inForceChart.svg, caption: "Watchlist entries in force, per day"
                        + (inForceChart.axisStart > 0 ? " (the axis starts at \(SVGCharts.grouped(inForceChart.axisStart)), not at zero)." : ".")),
            .subheading("Entries in force per day"),
            .table(["date", "entries"], watchlist.inForce.map { [$0.date, "\($0.entries)"] }),
            .subheading("Offence categories in force at the end"),
            .table(["offence", "entries"], F.ranked(watchlist.offenceCategories).map { [$0.0, "\($0.1)"] }),
            .heading("Calibration", id: "calibration"),
        ]
        if let c = calibration {
            b += [
                .paragraph("Threshold \(F.number(c.threshold, places: 4)) for a target FPIR of \(c.targetFPIR)"
                           + (c.watchlistEntries.map { " at \($0) entries" } ?? "") + (c.calibratedAt.map { ", calibrated \(F.short($0))" } ?? "")
                           + ". Measured FPIR \(c.measuredFPIR.map { F.number($0, places: 5) } ?? "—"), FNIR \(c.measuredFNIR.map { F.number($0, places: 4) } ?? "—")."),
                .table(["group", "non-mated searches", "FPIR", "mated searches", "FNIR"],
                       c.groups.map { [$0.group, "\($0.nonMatedSearches)", F.number($0.fpir, places: 5), "\($0.matedSearches)", F.number($0.fnir, places: 4)] }),
                .paragraph("Spread between groups: FPIR \(c.fpirSpread.map { F.number($0, places: 5) } ?? "—"), FNIR \(c.fnirSpread.map { F.number($0, places: 4) } ?? "—")."),
            ]
        } else {
            b.append(.paragraph("No calibrated threshold: live face search did not run."))
        }
        b += [
            .heading("Social flags", id: "social"),
            .table(["posts classified", "credible", "not credible (deleted)", "surge alerts", "protected-speech refusals", "refused configurations"],
                   [["\(social.postsClassified)", "\(social.credible)", "\(social.notCredible)", "\(social.surgeAlerts)",
                     "\(social.protectedSpeechRefusals)", "\(social.configurationRefusals)"]]),
            .figure(svg: SVGCharts.horizontalBars(F.ranked(social.flagsByCategory)), caption: "Flags raised, by category."),
            .table(["category", "flags"], F.ranked(social.flagsByCategory).map { [$0.0, "\($0.1)"] }),
            .heading("Camera alerts", id: "alerts"),
            .table(["priority", "alerts"], alerts.byPriority.sorted { $0.key < $1.key }.map { ["P" + $0.key, "\($0.value)"] }),
            .table(["disposition", "alerts"], F.ranked(alerts.dispositions).map { [$0.0, "\($0.1)"] }),
            .heading("Forecast accuracy and concentration", id: "forecast"),
        ]
        if let f = forecast {
            b += [
                .paragraph("Model \(f.model): \(f.days) daily forecasts, each made at midnight from earlier incidents only and scored "
                           + "against that day's incidents (\(f.incidents) in all). Gini of the latest forecast: \(F.number(f.gini, places: 3))."),
                .table(ReportBlock.coverageHeader, ReportBlock.coverageRows(f.coverage)),
                .paragraph(ReportBlock.intervalNote(f.coverage), muted: true),
                .subheading("Concentration by district"),
                .table(["district", "forecast share", "share of top 5 % cells", "share of last year's incidents"],
                       f.districts.map { [$0.district, F.percent($0.riskShare), F.percent($0.topCellShare), F.percent($0.incidentShare)] }),
            ] + ReportBlock.spread(f.spread, factor: f.spreadFactor, label: f.districtLabel)
        } else {
            b.append(.paragraph("No forecast: no incidents are stored."))
        }
        b += DosageSection.blocks(patrols, anonymous: true)
        b += [
            .heading("Audit", id: "audit"),
            audit.chainIntact ? .paragraph("The audit chain verifies.") : .warning("The audit chain does NOT verify."),
            .table(["records in the period", "exports", "failed sign-ins"], [["\(audit.records)", "\(audit.exports)", "\(audit.failedSignIns)"]]),
        ]
        if let h = audit.signedHead {
            b += [
                .subheading("Latest signed head"),
                .paragraph("Record \(h.sequence) ends in hash \(h.hash), signed by the Ed25519 key \(h.publicKey) (fingerprint \(h.keyFingerprint)). "
                           + "A published copy anchors the chain: saved to a file, the checkpoint below makes `vigia audit verify --checkpoints FILE "
                           + "--public-key KEY` fail if any record up to \(h.sequence) is later removed or rewritten."),
                .paragraph(h.line, muted: true),
            ]
        } else {
            b.append(.paragraph("No signed checkpoint of the chain is available (none written yet, or no checkpoint log is configured)."))
        }
        return b
    }

    private var inForceChart: (svg: String, axisStart: Int) {
        SVGCharts.line(labels: watchlist.inForce.map { String($0.date.suffix(5)) }, values: watchlist.inForce.map(\.entries))
    }

    private var zone: TimeZone { TimeZone(identifier: period.timeZone) ?? TimeZone(secondsFromGMT: 0) ?? .current }

    private var endDate: Date {
        (try? TimeParser.instant(period.end, in: zone)) ?? Date(timeIntervalSince1970: 0)
    }

    static func days(_ hours: Double) -> String {
        let d = hours / 24
        return d.rounded() == d ? "\(Int(d)) \(d == 1 ? "day" : "days")" : ReportFormat.number(hours, places: 1) + " h"
    }
}
