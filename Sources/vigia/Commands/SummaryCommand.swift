import ArgumentParser
import Engine
import Foundation
import VigiaCore

struct SummaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary", abstract: "A shift's summary: alerts and response times, forecast vs. reality, faces, flags, cameras, audit (supervisor, auditor, admin).",
        discussion: """
            --shift is START/END: 2018-11-15T14:00/22:00, or two timestamps. Without --shift, the standard shift \
            (06–14, 14–22, 22–06) that contains now. Targets read as "90 % within": --ack-targets 1=60,2=120 \
            overrides the defaults per priority. The export is audited.
            """)
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var signIn: SignInOptions
    @Option(help: "The shift, START/END.") var shift: String?
    @Option(help: "md, json or html") var format: ReportOutputFormat = .md
    @OptionGroup var output: ReportOutputOptions
    @Option(help: "Forecast model to check against the shift's incidents.") var model = "recency"
    @Option(help: "Acknowledge targets, PRIORITY=SECONDS,…") var ackTargets: String?
    @Option(help: "Dispatch targets, PRIORITY=SECONDS,…") var dispatchTargets: String?
    @Option(help: "Close targets, PRIORITY=SECONDS,…") var closeTargets: String?

    func run() throws {
        try output.check(database: database.path)
        let engine = try database.openEngine()
        let (start, end): (Date, Date)
        if let shift {
            (start, end) = try TimeParser.period(shift, in: engine.timeZone)
        } else {
            let w = engine.shiftWindow(containing: engine.clock.now())
            (start, end) = (w.start, w.end)
        }
        var targets = ResponseTargets()
        if let t = ackTargets { targets.acknowledgeSeconds = try ResponseTargets.parse(t, over: targets.acknowledgeSeconds, option: "--ack-targets") }
        if let t = dispatchTargets { targets.dispatchSeconds = try ResponseTargets.parse(t, over: targets.dispatchSeconds, option: "--dispatch-targets") }
        if let t = closeTargets { targets.closeSeconds = try ResponseTargets.parse(t, over: targets.closeSeconds, option: "--close-targets") }
        let principal = try signIn.signIn(engine, purpose: "a shift summary")
        let summary = try engine.shiftSummary(start: start, end: end, model: model, targets: targets, format: format.rawValue,
                                              exported: true, as: principal)
        try ReportOutput.emit(blocks: summary.blocks, value: summary, format: format, to: output, database: database.path)
    }
}
