import ArgumentParser
import Engine
import Foundation

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
            let zone = try TimeZone.named(TimeParser.defaultTimeZoneIdentifier)
            let when = try at.map { try TimeParser.instant($0, in: zone) } ?? Date()
            let run = try FaceCalibrationRun.run(set: set, watchlist: watchlist, targetFPIR: fpir, at: when, timeZone: zone,
                                                 reportCard: report, galleries: galleries, fillers: fillers)
            if save {
                let engine = try database.openEngine()
                let who = try signIn.signIn(engine, purpose: "saving a threshold")
                try engine.saveThreshold(run.report, targetFPIR: fpir, by: who)
                if let card = run.card { try engine.saveReportCard(card, by: who) }
            }
            if format == .json {
                print(try Output.json(run.encodable))
                return
            }
            print(run.text(markdown: markdown))
        }
    }
}

