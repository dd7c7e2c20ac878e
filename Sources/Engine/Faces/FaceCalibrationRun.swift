import FaceMatch
import Foundation
import VigiaCore

/// `vigia faces calibrate`: every search of a calibration set against the
/// watchlist entries in force at a time, the lowest threshold whose FPIR
/// stays within the target (safeguard 5), and optionally a NIST FRTE-style
/// report card. Reads files only; saving the result is the engine's
/// `saveThreshold` / `saveReportCard`, signed in.
public struct FaceCalibrationRun {
    public var report: Calibration.Report
    public var card: ReportCard?
    /// Gallery sizes that needed more fillers than were given.
    public var skippedGalleries: [Int]
    /// Watchlist entries refused or lapsed at the time asked.
    public var refused: Int
    public var listEntries: Int
    public var scoredSeconds: Double
    public var targetFPIR: Double

    public static func run(set: String, watchlist: String, targetFPIR fpir: Double, at when: Date, timeZone zone: TimeZone,
                           reportCard: Bool, galleries: String, fillers: String?) throws -> FaceCalibrationRun {
        guard fpir > 0, fpir < 1 else { throw EngineError.badInput(file: "--fpir", line: nil, field: nil, reason: "must be between 0 and 1, e.g. 0.001") }
        let contents = try WatchlistFile.decode(try read(watchlist), source: URL(fileURLWithPath: watchlist).lastPathComponent, timeZone: zone)
        var index = WatchlistIndex(dimension: contents.dimension)
        var refused = 0
        for r in contents.records {
            if r.scopeProblem(at: when) != nil { refused += 1; continue }
            try index.add(entry: r.id, templates: r.templates)
        }
        guard index.templateCount > 0 else {
            throw EngineError.badInput(file: watchlist, line: nil, field: nil,
                                       reason: "no entry may be searched at \(TimestampFormatter(timeZone: zone).string(from: when)): every order has lapsed or lacks its court details; give --at")
        }
        var probes: [(embedding: [Float], mate: String?, group: String?)] = []
        let lines = try String(decoding: read(set), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        for (i, line) in lines.enumerated() where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            do {
                let p = try CalibrationProbe.decode(line: Array(line.utf8), dimension: contents.dimension)
                // A mate whose order is not in force is not on the list being calibrated.
                let mate = p.matedEntry.flatMap { index.contains(entry: $0) ? $0 : nil }
                if p.matedEntry != nil && mate == nil { continue }
                probes.append((p.embedding, mate, p.group))
            } catch {
                throw EngineError.badInput(file: set, line: i + 1, field: nil, reason: "\(error)")
            }
        }
        let started = Date()
        let scores = try Calibration.scores(index: index, probes: probes)
        let report = Calibration.calibrate(scores, targetFPIR: fpir, templates: index.templateCount, entries: index.entryCount)
        let scored = Date().timeIntervalSince(started)
        var card: (card: ReportCard, skipped: [Int])?
        if reportCard {
            let sizes = try FacesReportCard.sizes(galleries)
            let needed = (sizes.compactMap { $0 }.max() ?? 0) - index.entryCount
            let extra = try FacesReportCard.fillers(fillers, count: needed, dimension: contents.dimension)
            card = try ReportCard.evaluate(list: index, fillers: extra, sizes: sizes, probes: probes)
        }
        return FaceCalibrationRun(report: report, card: card?.card, skippedGalleries: card?.skipped ?? [], refused: refused,
                                  listEntries: index.entryCount, scoredSeconds: scored, targetFPIR: fpir)
    }

    static func read(_ path: String) throws -> Data {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw EngineError.badInput(file: path, line: nil, field: nil, reason: "cannot read the file")
        }
        return data
    }

    /// What the text output prints; the card as Markdown tables with `markdown`.
    public func text(markdown: Bool) -> String {
        var lines = [String(format: "watchlist: %d entries in force (%d templates); %d refused or lapsed", report.entries, report.templates, refused),
                     String(format: "threshold %.4f for FPIR ≤ %g: FPIR %.5f over %d non-mated searches, FNIR %.4f over %d mated",
                            report.threshold, targetFPIR, report.fpir, report.nonMatedSearches, report.fnir, report.matedSearches)]
        for g in report.groups {
            lines.append(String(format: "  group %@: FPIR %.5f (%d searches), FNIR %.4f (%d)", g.group, g.fpir, g.nonMated, g.fnir, g.mated))
        }
        lines.append(String(format: "spread between groups: FPIR ×%.2f, FNIR ×%.2f  [%.1f s]", report.fpirSpread, report.fnirSpread, scoredSeconds))
        if let card {
            lines.append("")
            lines.append(markdown ? FacesReportCard.markdown(card, skipped: skippedGalleries, listEntries: listEntries)
                         : FacesReportCard.text(card, skipped: skippedGalleries, listEntries: listEntries))
        }
        return lines.joined(separator: "\n")
    }
}

/// `faces calibrate --report --format json`: the calibration and its report card.
public struct CalibrationWithCard: Encodable {
    public var calibration: Calibration.Report
    public var reportCard: ReportCard
    /// Gallery sizes that needed more fillers than were given.
    public var skippedGalleries: [Int]
}

extension FaceCalibrationRun {
    /// What `--format json` prints: the calibration with its card, or the calibration alone.
    public var encodable: any Encodable {
        card.map { CalibrationWithCard(calibration: report, reportCard: $0, skippedGalleries: skippedGalleries) } ?? report
    }
}
