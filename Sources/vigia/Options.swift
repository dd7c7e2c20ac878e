import ArgumentParser
import Engine
import Foundation
import Store
import VigiaCore

/// `--db PATH`, shared by every command.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: "The database file (default: $XDG_DATA_HOME/vigia/vigia.sqlite).")
    var db: String?

    @Option(name: .long, help: "Time zone of civil times in feeds (IANA name).")
    var tz: String = TimeParser.defaultTimeZoneIdentifier

    var path: String { db ?? DefaultLocation.databasePath() }

    func openEngine() throws -> Engine {
        try Engine(databasePath: path, timeZone: try TimeZone.named(tz))
    }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// `--operator NAME`; the passphrase comes from VIGIA_PASSPHRASE or a prompt.
struct SignInOptions: ParsableArguments {
    @Option(name: .customLong("operator"), help: "Who is acting (signs in with their passphrase).")
    var operatorName: String?

    func signIn(_ engine: Engine, purpose: String) throws -> Principal {
        guard let name = operatorName else {
            throw ValidationError("\(purpose) acts for a person: give --operator NAME (and the passphrase in VIGIA_PASSPHRASE or at the prompt)")
        }
        let passphrase = try Passphrase.read(prompt: "Passphrase for \(name): ", environmentKey: "VIGIA_PASSPHRASE")
        return try engine.signIn(name: name, passphrase: passphrase)
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
    static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func error(_ message: String) {
        FileHandle.standardError.write(Data("vigia: \(message)\n".utf8))
    }
}
