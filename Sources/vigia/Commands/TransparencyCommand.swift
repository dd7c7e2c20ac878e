import ArgumentParser
import Engine
import Foundation
import VigiaCore

struct TransparencyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "transparency",
        abstract: "The aggregates a ministry could publish for a period, with no personal or biometric data (auditor, supervisor, admin).",
        discussion: "--from and --to are dates or timestamps; --to is exclusive. The export is audited.")
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var signIn: SignInOptions
    @Option(help: "Start of the period.") var from: String
    @Option(help: "End of the period (exclusive).") var to: String
    @Option(help: "md, json or html") var format: ReportOutputFormat = .md
    @OptionGroup var output: ReportOutputOptions
    @Option(help: "Forecast model whose accuracy is reported.") var model = "recency"

    func run() throws {
        try output.check(database: database.path)
        let engine = try database.openEngine()
        let start = try TimeParser.instant(from, in: engine.timeZone)
        let end = try TimeParser.instant(to, in: engine.timeZone)
        let principal = try signIn.signIn(engine, purpose: "a transparency report")
        let report = try engine.transparencyReport(from: start, to: end, model: model, format: format.rawValue, as: principal)
        try ReportOutput.emit(blocks: report.blocks, value: report, format: format, to: output, database: database.path)
    }
}
