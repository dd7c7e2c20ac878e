import Foundation
import Hotspots

extension ForecastSection {
    /// "Forecast vs. reality": accuracy with intervals, the map, top cells, districts and the spread.
    var blocks: [ReportBlock] {
        typealias F = ReportFormat
        var b: [ReportBlock] = [
            .heading("Forecast vs. reality", id: "forecast"),
            .paragraph("Model \(model), made at the start of the shift for \(F.number(horizonHours, places: 0)) h: "
                       + "\(F.number(expected, places: 1)) incidents expected, \(incidents) recorded. Gini of the forecast: \(F.number(gini, places: 3))."),
            .table(ReportBlock.coverageHeader, ReportBlock.coverageRows(coverage)),
            .paragraph(ReportBlock.intervalNote(coverage), muted: true),
            .figure(svg: SVGCharts.map(map), caption: "The forecast's top 5 % of cells and the incidents recorded in the shift."),
            .subheading("Top cells"),
            .table(["rank", "district", "expected", "incidents in the shift"],
                   topCells.map { ["\($0.rank)", $0.district ?? "—", F.number($0.expected), "\($0.incidents)"] }),
            .subheading("Incidents by district against the forecast's share"),
            .table(["district", "incidents", "share", "forecast share"],
                   districts.map { [$0.district, "\($0.incidents)", F.percent($0.incidentShare), F.percent($0.forecastShare)] }),
        ]
        b += ReportBlock.spread(spread, factor: spreadFactor, label: districtLabel)
        return b
    }
}

extension ReportBlock {
    static let coverageHeader = ["area covered", "cells", "incidents", "captured", "hit rate", "95 % interval", "PAI", "95 % interval", "PEI"]

    static func coverageRows(_ c: [CoverageResult]) -> [[String]] {
        typealias F = ReportFormat
        return c.map {
            ["\(F.number($0.percentOfArea, places: 0)) %", "\($0.cells)", "\($0.incidents)", "\($0.captured)", F.percent($0.hitRate),
             F.percentRange($0.hitRateInterval), F.number($0.pai), F.range($0.paiInterval),
             ($0.pei.map { F.number($0) } ?? "—") + ($0.peiInterval.map { " (" + F.range($0) + ")" } ?? "")]
        }
    }

    /// How the intervals in a coverage table were computed.
    static func intervalNote(_ c: [CoverageResult]) -> String {
        let periods = c.first?.periods ?? 0
        let how = c.first?.interval == "bootstrap"
            ? "a percentile bootstrap over the \(periods) forecast periods (\(Accuracy.resamples) resamples, fixed seed); PEI's interval in brackets"
            : "Wilson score intervals on the pooled counts (\(periods == 1 ? "one forecast period" : "\(periods) forecast periods"))"
        return "95 % intervals: \(how). PAI = hit rate ÷ share of area, and its interval is the hit rate's divided by the share. "
            + "PEI = incidents captured ÷ the most the same number of cells could have captured (NIJ 2017)."
    }

    /// Per district: share of the flagged area against share of reported crime, and a warning for each district past `factor`.
    static func spread(_ rows: [DistrictSpread.Row], factor: Double, label: String?) -> [ReportBlock] {
        typealias F = ReportFormat
        guard !rows.isEmpty else { return [] }
        let name = label ?? "district"
        var b: [ReportBlock] = [
            .subheading("Spread across \(name == "district" ? "districts" : name + "s")"),
            .paragraph("The forecast's top 5 % of cells (the flagged area) by \(name), against the incidents the model trained on "
                       + "(the 365 days before the forecast; police-initiated records excluded). A \(name) is named when its share of the "
                       + "flagged area exceeds \(F.number(factor, places: 1)) × its share of reported crime.", muted: true),
            .table([name, "flagged cells", "share of flagged area", "incidents trained on", "share of reported crime", "ratio", "beyond the factor"],
                   rows.map { r in
                       [r.district, "\(r.flaggedCells)", F.percent(r.flaggedShare), "\(r.incidents)", F.percent(r.incidentShare),
                        r.ratio.map { F.number($0) } ?? "—", r.exceeds ? "yes" : "no"]
                   }),
        ]
        for r in rows where r.exceeds {
            b.append(.warning("\(name.capitalized) \(r.district) holds \(F.percent(r.flaggedShare)) of the flagged area with \(F.percent(r.incidentShare)) "
                              + "of reported crime" + (r.ratio.map { " (×\(F.number($0)))" } ?? "") + "."))
        }
        return b
    }
}

extension DosageSection {
    /// "11-15 14:00–22:00", with the end's date only when it is another day.
    static func window(_ from: String, _ to: String) -> String {
        let start = ReportFormat.short(from), end = ReportFormat.short(to)
        return start.dropFirst(5) + "–" + (end.prefix(10) == start.prefix(10) ? end.suffix(5) : end.dropFirst(5))
    }

    /// "Patrol dosage": the boxes issued and what was recorded in them, and the feedback-loop guard.
    static func blocks(_ d: DosageSection?, anonymous: Bool) -> [ReportBlock] {
        typealias F = ReportFormat
        var b: [ReportBlock] = [.heading("Patrol dosage", id: "patrols")]
        guard let d else {
            b.append(.paragraph("No patrol boxes were issued for this period (vigia patrol --issue records them)."))
            return b
        }
        b += [
            .paragraph("\(d.boxes.count) boxes in \(d.issues) \(d.issues == 1 ? "issue" : "issues"): \(d.incidentsInBoxes) incidents were recorded "
                       + "in them against \(F.number(d.expectedInBoxes, places: 1)) expected when issued; \(d.incidentsElsewhere) elsewhere."),
            .table((anonymous ? [] : ["issued by"]) + ["unit", "district", "window", "side (m)", "expected", "recorded", "police-initiated"],
                   d.boxes.map { x in
                       (anonymous ? [] : [x.issuedBy ?? "—"]) + ["\(x.unit)", x.district ?? "—", window(x.from, x.to),
                                                                F.number(x.sideMetres, places: 0), F.number(x.expected), "\(x.incidents)", "\(x.policeInitiated)"]
                   }),
            .subheading("Feedback-loop guard"),
            .paragraph("Police-initiated records follow patrols (Ensign et al. 2018): \(d.policeInitiatedInBoxes) in the boxes, "
                       + "\(d.policeInitiatedPerBox.map { F.number($0) } ?? "—") per box, against "
                       + "\(d.policeInitiatedPerBoxAreaElsewhere.map { F.number($0) } ?? "—") per box-sized area elsewhere "
                       + "(\(d.policeInitiatedElsewhere) records). They weigh 0 when the models train. "
                       + "\(d.unknownSource) records in the period do not say who initiated them, so the guard cannot see those."),
        ]
        return b
    }
}
