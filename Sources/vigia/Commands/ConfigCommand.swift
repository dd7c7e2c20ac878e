import ArgumentParser
import Engine
import Console
import Foundation

/// `vigia config show`: the per-user defaults in effect and where each came from.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Per-user defaults: db, operator, theme, lang, ascii.",
        discussion: """
            Read from $XDG_CONFIG_HOME/vigia/config (else ~/.config/vigia/config), or the file VIGIA_CONFIG names \
            (empty: none): key = value lines, # starts a comment. VIGIA_DB, VIGIA_OPERATOR, VIGIA_THEME, VIGIA_LANG \
            and VIGIA_ASCII override the file, and flags override both. An unknown key or a bad value stops every \
            command with file:line.
            """,
        subcommands: [Show.self])

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "The effective settings and where each came from (give flags to see them win).")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var signIn: SignInOptions
        @OptionGroup var look: ConsoleOptions
        @Option(help: "text or json") var format: OutputFormat = .text

        struct Report: Encodable {
            struct Item: Encodable { var key: String; var value: String?; var source: String }
            var file: String?
            var fileFound: Bool
            var settings: [Item]
            enum CodingKeys: String, CodingKey { case file, fileFound = "file_found", settings }
        }

        func report(_ config: UserConfig) -> Report {
            let env = config.environment
            let dataHome = env["XDG_DATA_HOME"].map { $0.hasPrefix("/") } == true ? "$XDG_DATA_HOME" : "~/.local/share"
            func item(_ key: UserConfig.Key, flag: String?, fallback: String?, fallbackSource: String) -> Report.Item {
                if let s = config.value(key, flag: flag) { return .init(key: key.rawValue, value: s.value, source: s.source) }
                return .init(key: key.rawValue, value: fallback, source: fallbackSource)
            }
            let items = [
                item(.db, flag: database.db, fallback: Engine.defaultDatabasePath(environment: env),
                     fallbackSource: "default (\(dataHome)/vigia/vigia.sqlite)"),
                item(.operator, flag: signIn.operatorName, fallback: nil, fallbackSource: "default (none: give --operator)"),
                item(.theme, flag: look.theme, fallback: "dark", fallbackSource: "default"),
                item(.lang, flag: look.lang, fallback: Language.resolve(flag: nil, environment: env).rawValue,
                     fallbackSource: "default (LC_ALL, LC_MESSAGES or LANG: en when it starts with en, else es)"),
                item(.ascii, flag: look.ascii.map { $0 ? "true" : "false" }, fallback: "false",
                     fallbackSource: "default (ASCII anyway when the locale is not UTF-8)"),
            ]
            return Report(file: config.file, fileFound: config.fileFound, settings: items)
        }

        func run() throws {
            let r = report(UserConfig.current)
            if format == .json { print(try Output.json(r)); return }
            switch (r.file, r.fileFound) {
            case (nil, _): print("# config file: none (VIGIA_CONFIG is empty)")
            case (let f?, true): print("# config file: \(f)")
            case (let f?, false): print("# config file: \(f) (not there; the defaults apply)")
            }
            let width = r.settings.map { $0.key.count + 3 + ($0.value ?? "").count }.max() ?? 0
            for s in r.settings {
                let line = "\(s.key) = \(s.value ?? "")"
                print(line.padding(toLength: max(width, line.count), withPad: " ", startingAt: 0) + "  # \(s.source)")
            }
        }
    }
}
