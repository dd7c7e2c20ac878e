import ArgumentParser
import Engine
import Foundation

struct SummaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary", abstract: "A shift's summary: alerts and response times, forecast vs. reality, faces, flags, cameras, audit (supervisor, auditor, admin).",
        discussion: """
            --shift is START/END: 2018-11-15T14:00/22:00, or two timestamps. Without --shift, the standard shift \
            (06–14, 14–22, 22–06) that contains now, or, when it has no alerts yet, the last shift that has (said on stderr). Targets read as "90 % within": --ack-targets 1=60,2=120 \
            overrides the defaults per priority. The dispatch target applies to alerts that were dispatched or whose rule \
            says dispatch = required; one closed as false alarm or duplicate needed no unit and is counted apart. \
            The export is audited. docs/reports.md says how every number is computed.
            """)
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var signIn: SignInOptions
    @Option(help: "The shift, START/END.") var shift: String?
    @Option(help: "md, json or html") var format: ReportOutputFormat = .md
    @OptionGroup var output: ReportOutputOptions
    @Option(help: "Forecast model to check against the shift's incidents.", completion: .list(ModelCatalogue.names)) var model = "recency"
    @Option(help: "Acknowledge targets, PRIORITY=SECONDS,…") var ackTargets: String?
    @Option(help: "Dispatch targets, PRIORITY=SECONDS,…") var dispatchTargets: String?
    @Option(help: "Close targets, PRIORITY=SECONDS,…") var closeTargets: String?
    @Option(help: "Language of the headline: es or en (the tables are in English).", completion: .list(["es", "en"])) var lang: String = "en"
    @Option(name: .customLong("spread-factor"),
            help: "Name a district whose share of the flagged area exceeds this many times its share of reported crime.")
    var spreadFactor: Double = Engine.defaultSpreadFactor

    func run() throws {
        try output.check(database: database.path)
        let engine = try database.openEngine()
        var period: (Date, Date)?
        if let shift { period = try TimeParser.period(shift, in: engine.timeZone) }
        var targets = ResponseTargets()
        if let t = ackTargets { targets.acknowledgeSeconds = try ResponseTargets.parse(t, over: targets.acknowledgeSeconds, option: "--ack-targets") }
        if let t = dispatchTargets { targets.dispatchSeconds = try ResponseTargets.parse(t, over: targets.dispatchSeconds, option: "--dispatch-targets") }
        if let t = closeTargets { targets.closeSeconds = try ResponseTargets.parse(t, over: targets.closeSeconds, option: "--close-targets") }
        guard let language = ReportLanguage(rawValue: lang) else { throw ValidationError("--lang takes es or en") }
        let principal = try signIn.signIn(engine, purpose: "a shift summary")
        if period == nil {
            let (w, moved) = try engine.defaultSummaryShift(as: principal)
            if let moved { FileHandle.standardError.write(Data("vigia summary: \(moved)\n".utf8)) }
            period = (w.start, w.end)
        }
        let (start, end) = period!
        let summary = try engine.shiftSummary(start: start, end: end, model: model, targets: targets, spreadFactor: spreadFactor,
                                              format: format.rawValue, exported: true, as: principal)
        try ReportOutput.emit(blocks: summary.blocks(language: language), value: summary, format: format, to: output, database: database.path)
    }
}
