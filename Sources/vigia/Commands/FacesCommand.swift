import ArgumentParser
import Engine
import FaceMatch
import Foundation
import VigiaCore

struct FacesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "faces", abstract: "Face matching: threshold calibration (safeguard 5) and the legal preconditions of live search.",
        subcommands: [Calibrate.self, Preconditions.self])

    struct Calibrate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Pick the match threshold for a target false-positive identification rate at the current watchlist size.",
            discussion: """
                Runs every search of the calibration set (mated and non-mated, NIST FRTE conventions) against the \
                entries that may be searched at --at, picks the lowest threshold whose FPIR stays at or below --fpir, \
                and reports FPIR and FNIR overall and per demographic group, with the spread between groups.
                """)
        @Option(help: "The calibration set (JSON lines with mated entry or null, group, embedding).", completion: .file()) var set: String
        @Option(help: "The watchlist file.", completion: .file(extensions: ["json"])) var watchlist: String
        @Option(help: "Target false-positive identification rate, e.g. 0.001.") var fpir: Double
        @Option(help: "Which orders are in force: the watchlist as of this time (default now).") var at: String?
        @Option(help: "text or json") var format: OutputFormat = .text
        @ArgumentParser.Flag(help: "Store the threshold in the database for live search (supervisor or admin; audited); with --report, the report card too.") var save = false
        @ArgumentParser.Flag(help: "Add a NIST FRTE-style report card: FNIR at FPIR 0.001 and 0.003, rank-1 misses with 50 candidates, by gallery size and group, with 95 % intervals.") var report = false
        @Option(help: "Report card gallery sizes; 'list' is the list in force.") var galleries = "10000,100000,list"
        @Option(help: "Where galleries larger than the list get their extra entries: a JSON-lines file of embeddings of people on no list, or synthetic[:SEED] for the sample data.") var fillers: String?
        @ArgumentParser.Flag(help: "With --report and text output, print the card as Markdown tables.") var markdown = false
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var signIn: SignInOptions

        func run() throws {
            guard fpir > 0, fpir < 1 else { throw ValidationError("--fpir must be between 0 and 1, e.g. 0.001") }
            let zone = try TimeZone.named(TimeParser.defaultTimeZoneIdentifier)
            let when = try at.map { try TimeParser.instant($0, in: zone) } ?? Date()
            let contents = try WatchlistFile.decode(try Self.read(watchlist), source: URL(fileURLWithPath: watchlist).lastPathComponent, timeZone: zone)
            var index = WatchlistIndex(dimension: contents.dimension)
            var refused = 0
            for r in contents.records {
                if r.scopeProblem(at: when) != nil { refused += 1; continue }
                try index.add(entry: r.id, templates: r.templates)
            }
            guard index.templateCount > 0 else {
                throw ValidationError("no entry of \(watchlist) may be searched at \(TimestampFormatter(timeZone: zone).string(from: when)): every order has lapsed or lacks its court details; give --at")
            }
            var probes: [(embedding: [Float], mate: String?, group: String?)] = []
            let lines = try String(decoding: Self.read(set), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            for (i, line) in lines.enumerated() where !line.trimmingCharacters(in: .whitespaces).isEmpty {
                do {
                    let p = try CalibrationProbe.decode(line: Array(line.utf8), dimension: contents.dimension)
                    // A mate whose order is not in force is not on the list being calibrated.
                    let mate = p.matedEntry.flatMap { index.contains(entry: $0) ? $0 : nil }
                    if p.matedEntry != nil && mate == nil { continue }
                    probes.append((p.embedding, mate, p.group))
                } catch {
                    throw ValidationError("\(set):\(i + 1): \(error)")
                }
            }
            let started = Date()
            let scores = try Calibration.scores(index: index, probes: probes)
            let report = Calibration.calibrate(scores, targetFPIR: fpir, templates: index.templateCount, entries: index.entryCount)
            let scored = Date().timeIntervalSince(started)
            var card: (card: ReportCard, skipped: [Int])?
            if self.report {
                let sizes = try FacesReportCard.sizes(galleries)
                let needed = (sizes.compactMap { $0 }.max() ?? 0) - index.entryCount
                let extra = try FacesReportCard.fillers(fillers, count: needed, dimension: contents.dimension)
                card = try ReportCard.evaluate(list: index, fillers: extra, sizes: sizes, probes: probes)
            }
            if save {
                let engine = try database.openEngine()
                let who = try signIn.signIn(engine, purpose: "saving a threshold")
                try engine.saveThreshold(report, targetFPIR: fpir, by: who)
                if let card { try engine.saveReportCard(card.card, by: who) }
            }
            if format == .json {
                if let card { print(try Output.json(CalibrationWithCard(calibration: report, reportCard: card.card, skippedGalleries: card.skipped))) } else { print(try Output.json(report)) }
                return
            }
            print(String(format: "watchlist: %d entries in force (%d templates); %d refused or lapsed", report.entries, report.templates, refused))
            print(String(format: "threshold %.4f for FPIR ≤ %g: FPIR %.5f over %d non-mated searches, FNIR %.4f over %d mated",
                         report.threshold, fpir, report.fpir, report.nonMatedSearches, report.fnir, report.matedSearches))
            for g in report.groups {
                print(String(format: "  group %@: FPIR %.5f (%d searches), FNIR %.4f (%d)", g.group, g.fpir, g.nonMated, g.fnir, g.mated))
            }
            print(String(format: "spread between groups: FPIR ×%.2f, FNIR ×%.2f  [%.1f s]", report.fpirSpread, report.fnirSpread, scored))
            if let card {
                print("")
                print(markdown ? FacesReportCard.markdown(card.card, skipped: card.skipped, listEntries: index.entryCount)
                      : FacesReportCard.text(card.card, skipped: card.skipped, listEntries: index.entryCount))
            }
        }

        static func read(_ path: String) throws -> Data {
            guard let data = FileManager.default.contents(atPath: path) else { throw ValidationError("\(path): cannot read the file") }
            return data
        }
    }
}

/// `faces calibrate --report --format json`: the calibration and its report card.
struct CalibrationWithCard: Encodable {
    var calibration: Calibration.Report
    var reportCard: ReportCard
    /// Gallery sizes that needed more fillers than were given.
    var skippedGalleries: [Int]
}
