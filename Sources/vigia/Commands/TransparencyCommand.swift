import ArgumentParser
import Engine
import Foundation

struct TransparencyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "transparency",
        abstract: "The aggregates a ministry could publish for a period, with no personal or biometric data (auditor, supervisor, admin).",
        discussion: """
            --from and --to are dates or timestamps. A date as --to covers that whole day (--from 2018-11-01 --to 2018-11-30 \
            is all of November); a timestamp as --to is exclusive. The export is audited. docs/reports.md says how every number is computed.
            """)
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var signIn: SignInOptions
    @Option(help: "Start of the period.") var from: String
    @Option(help: "End of the period: a date (included whole) or a time (exclusive).") var to: String
    @Option(help: "md, json or html") var format: ReportOutputFormat = .md
    @OptionGroup var output: ReportOutputOptions
    @Option(help: "Forecast model whose accuracy is reported.", completion: .list(ModelCatalogue.names)) var model = "recency"
    @Option(name: .customLong("spread-factor"),
            help: "Name a district whose share of the flagged area exceeds this many times its share of reported crime.")
    var spreadFactor: Double = Engine.defaultSpreadFactor

    func run() throws {
        try output.check(database: database.path)
        let engine = try database.openEngine()
        let (start, end) = try ReportPeriod.parse(from: from, to: to, in: engine.timeZone)
        let principal = try signIn.signIn(engine, purpose: "a transparency report")
        let report = try engine.transparencyReport(from: start, to: end, model: model, spreadFactor: spreadFactor, format: format.rawValue,
                                                   as: principal)
        try ReportOutput.emit(blocks: report.blocks, value: report, format: format, to: output, database: database.path)
    }
}
