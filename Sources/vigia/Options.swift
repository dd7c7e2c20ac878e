import ArgumentParser
import Engine
import Foundation

/// `--db PATH`, shared by every command.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: "The database file (default: db in the config file, else $XDG_DATA_HOME/vigia/vigia.sqlite).",
            completion: .file())
    var db: String?

    @Option(name: .long, help: "Time zone of civil times in feeds (IANA name).")
    var tz: String = TimeParser.defaultTimeZoneIdentifier

    /// `--db`, else `VIGIA_DB` or the config file's `db`, else the user data folder.
    var path: String { db ?? UserConfig.current.db ?? Engine.defaultDatabasePath() }

    /// Opens the database; only commands that create one (the first
    /// `operator add`, `ingest`) pass `create`, so a mistyped path is an
    /// error, not a new empty database. The audit chain is anchored in the
    /// checkpoint log of `AuditAnchorSettings.standard`.
    func openEngine(create: Bool = false, clock: any TimeSource = SystemTimeSource()) throws -> Engine {
        try Engine(databasePath: path, clock: clock, timeZone: try TimeZone.named(tz), create: create,
                   anchor: AuditAnchorSettings.standard(databasePath: path))
    }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// `--operator NAME`; the passphrase comes from VIGIA_PASSPHRASE or a prompt.
struct SignInOptions: ParsableArguments {
    @Option(name: .customLong("operator"), help: "Who is acting (signs in with their passphrase; default: operator in the config file).")
    var operatorName: String?

    /// `--operator`, else `VIGIA_OPERATOR` or the config file's `operator`.
    var effectiveName: String? { operatorName ?? UserConfig.current.operatorName }

    func signIn(_ engine: Engine, purpose: String) throws -> Principal {
        guard let name = effectiveName else {
            throw ValidationError("\(purpose) acts for a person: give --operator NAME (and the passphrase in VIGIA_PASSPHRASE or at the prompt)")
        }
        let passphrase = try Passphrase.read(prompt: "Passphrase for \(name): ", environmentKey: "VIGIA_PASSPHRASE")
        return try engine.signIn(name: name, passphrase: passphrase)
    }

    /// Who a read-only command reads as: the operator named by `--operator`
    /// (signed in, so the engine checks their role), else the audited system
    /// actor that read-only analyses run as (DESIGN's CLI contract). The
    /// config file's operator is not used here, so scripts are not prompted.
    func reader(_ engine: Engine, purpose: String) throws -> Principal {
        operatorName == nil ? .feed : try signIn(engine, purpose: purpose)
    }
}

enum Passphrase {
    /// From the environment variable, else from the terminal without echo.
    static func read(prompt: String, environmentKey: String) throws -> String {
        if let value = ProcessInfo.processInfo.environment[environmentKey] { return value }
        guard isatty(STDIN_FILENO) == 1, let raw = getpass(prompt) else {
            throw ValidationError("no passphrase: there is no terminal to ask on; set \(environmentKey)")
        }
        return String(cString: raw)
    }
}

enum Output {
    /// JSON with every character a terminal could act on escaped as `\uXXXX`
    /// (JSONEncoder escapes C0 only; C1, DEL, bidi and zero-width characters are escaped here too).
    static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return escapeUnsafe(String(decoding: try encoder.encode(value), as: UTF8.self))
    }

    /// Escapes, as JSON `\uXXXX`, the characters `TerminalSafe` would replace.
    static func escapeUnsafe(_ json: String) -> String {
        guard json.unicodeScalars.contains(where: TerminalSafe.isUnsafe) else { return json }
        var out = String.UnicodeScalarView()
        for s in json.unicodeScalars {
            if TerminalSafe.isUnsafe(s) { out.append(contentsOf: String(format: "\\u%04x", s.value).unicodeScalars) } else { out.append(s) }
        }
        return String(out)
    }

    static func error(_ message: String) {
        FileHandle.standardError.write(Data("vigia: \(TerminalSafe.text(message))\n".utf8))
    }

    /// A warning on stderr, made terminal-safe.
    static func warning(_ message: String) {
        FileHandle.standardError.write(Data("warning: \(TerminalSafe.text(message))\n".utf8))
    }
}

/// Everything the command line prints goes through the terminal sanitiser:
/// camera names, zones, rule text, watchlist fields and any other text that
/// came from a feed or a file can carry escape sequences (OSC 52 writes the
/// clipboard, others retitle or clear the terminal). This shadows the
/// standard `print` for the whole `vigia` module, so no command can forget.
func print(_ items: Any..., separator: String = " ", terminator: String = "\n") {
    let text = items.map { "\($0)" }.joined(separator: separator)
    Swift.print(TerminalSafe.text(text), terminator: terminator)
}
