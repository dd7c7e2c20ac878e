import ArgumentParser

@main
struct Vigia: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vigia",
        abstract: "Vigía: a terminal command center for a city security operations room.",
        discussion: """
            Every command takes --db PATH (default: $XDG_DATA_HOME/vigia/vigia.sqlite) and prints text, \
            or JSON with --format json. Commands that act for a person need --operator NAME and a passphrase \
            (prompted, or VIGIA_PASSPHRASE for scripts).
            """,
        version: "0.1.0",
        subcommands: [ConsoleCommand.self, StatusCommand.self, DemoCommand.self, SocialCommand.self, IngestCommand.self, OperatorCommand.self,
                      AuditCommand.self, QuarantineCommand.self, SampleCommand.self, PredictCommand.self, PatrolCommand.self, BacktestCommand.self,
                      RulesCommand.self, AlertsCommand.self, WatchlistCommand.self, FacesCommand.self, AuthoriseCommand.self, HitsCommand.self,
                      BenchCommand.self, KeysCommand.self, RetentionCommand.self, SummaryCommand.self, TransparencyCommand.self],
        defaultSubcommand: ConsoleCommand.self)
}
