import ArgumentParser
import Engine
import Console
import Foundation

/// Runs the command; storage failures (disk full, read-only, damaged) get a
/// sentence that says what happened and what to do, not SQLite's code.
@main
enum Entry {
    static func main() {
        do {
            var command = try Vigia.parseAsRoot()
            // A refused config file stops every command of ours; `vigia help` (the parser's own command) still answers.
            let ours = !String(reflecting: type(of: command)).hasPrefix("ArgumentParser.")
            if ours, case .failure(let problem) = UserConfig.loaded {
                FileHandle.standardError.write(Data("Error: the config file is refused:\n\(TerminalSafe.text(problem.description))\n".utf8))
                Foundation.exit(78)  // EX_CONFIG
            }
            try command.run()
        } catch {
            let path = CommandLine.arguments.firstIndex(of: "--db").flatMap { i in CommandLine.arguments.dropFirst(i + 1).first }
                ?? UserConfig.current.db ?? Engine.defaultDatabasePath()
            if let message = Engine.describeStorageProblem(error, path: path) {
                FileHandle.standardError.write(Data("Error: \(TerminalSafe.text(message))\n".utf8))
                Foundation.exit(74)  // EX_IOERR
            }
            // Error messages can quote input (a name typed at sign-in, a field of a file): made terminal-safe like all output.
            let code = Vigia.exitCode(for: error)
            let message = Vigia.fullMessage(for: error)
            if !message.isEmpty {
                let stream = code == .success ? FileHandle.standardOutput : FileHandle.standardError
                stream.write(Data((TerminalSafe.text(message) + "\n").utf8))
            }
            Foundation.exit(code.rawValue)
        }
    }
}

struct Vigia: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vigia",
        abstract: "Vigía: a terminal command center for a city security operations room.",
        discussion: """
            Every command takes --db PATH (default: $XDG_DATA_HOME/vigia/vigia.sqlite) and prints text, \
            or JSON with --format json. Commands that act for a person need --operator NAME and a passphrase \
            (prompted, or VIGIA_PASSPHRASE for scripts).
            """,
        version: VersionInfo.text,
        subcommands: [ConsoleCommand.self, StatusCommand.self, DemoCommand.self, SocialCommand.self, IngestCommand.self, OperatorCommand.self,
                      AuditCommand.self, QuarantineCommand.self, SampleCommand.self, PredictCommand.self, PatrolCommand.self, BacktestCommand.self,
                      RulesCommand.self, AlertsCommand.self, WatchlistCommand.self, FacesCommand.self, AuthoriseCommand.self, HitsCommand.self,
                      BenchCommand.self, KeysCommand.self, RetentionCommand.self, SummaryCommand.self, TransparencyCommand.self, ConfigCommand.self, CamerasCommand.self,
                      HandoverCommand.self],
        defaultSubcommand: ConsoleCommand.self)
}

/// What `vigia --version` prints: the version, the source revision when the
/// build knows it, and the SQLite and ncurses libraries in use.
enum VersionInfo {
    static let version = "0.1.0"
    /// SwiftPM has no build-time stamp without a build plugin, so a plain
    /// `swift build` cannot know its revision; nil prints "unknown".
    static let revision: String? = nil

    static var text: String {
        """
        vigia \(version)
        revision \(revision ?? "unknown")
        SQLite \(Engine.sqliteVersion)
        \(CursesScreen.libraryVersion)
        """
    }
}
