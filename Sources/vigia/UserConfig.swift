import Engine
import Foundation

/// Per-user defaults a dispatcher would otherwise retype, from
/// `$XDG_CONFIG_HOME/vigia/config` (else `~/.config/vigia/config`), or the
/// file `VIGIA_CONFIG` names (empty: none). `key = value` lines, `#` comments,
/// like the themes; unlike the themes, an unknown key or a bad value is
/// refused with file:line, because a mistyped `db` would open another room.
/// A flag beats a `VIGIA_*` variable, which beats the file.
struct UserConfig: Sendable, Equatable {
    enum Key: String, CaseIterable, Sendable {
        case db, `operator`, theme, lang, ascii

        /// The variable that overrides the file.
        var variable: String { "VIGIA_\(rawValue.uppercased())" }
        var flag: String { "--\(rawValue)" }
    }

    /// One value and where it was read: a line of the file or a variable.
    struct Entry: Sendable, Equatable {
        var value: String
        var source: String
    }

    /// The config file's problems, one `file:line: message` each.
    struct Problem: Error, CustomStringConvertible, Sendable, Equatable {
        var lines: [String]
        var description: String { lines.joined(separator: "\n") }
    }

    /// The file looked at (nil when `VIGIA_CONFIG` is empty) and whether it exists.
    var file: String?
    var fileFound: Bool
    /// From the file, then replaced by the environment's.
    var entries: [Key: Entry]
    var environment: [String: String]

    /// What the process started with, read once; the entry point refuses to
    /// run any command while this is a failure.
    static let loaded: Result<UserConfig, Problem> = {
        do { return .success(try load(environment: ProcessInfo.processInfo.environment)) } catch let p as Problem {
            return .failure(p)
        } catch {
            return .failure(Problem(lines: ["\(error)"]))
        }
    }()

    /// The loaded settings, or none when the file was refused (the entry point has already stopped then).
    static var current: UserConfig {
        (try? loaded.get()) ?? UserConfig(file: nil, fileFound: false, entries: [:], environment: ProcessInfo.processInfo.environment)
    }

    static func path(environment: [String: String]) -> String? {
        if let chosen = environment["VIGIA_CONFIG"] { return chosen.isEmpty ? nil : chosen }
        let base: String
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {
            base = xdg
        } else {
            base = ((environment["HOME"] ?? NSHomeDirectory()) as NSString).appendingPathComponent(".config")
        }
        return ((base as NSString).appendingPathComponent("vigia") as NSString).appendingPathComponent("config")
    }

    static func load(environment: [String: String]) throws -> UserConfig {
        let file = path(environment: environment)
        var entries: [Key: Entry] = [:]
        var found = false
        var problems: [String] = []
        if let file, FileManager.default.fileExists(atPath: file) {
            found = true
            guard let data = FileManager.default.contents(atPath: file) else { throw Problem(lines: ["\(file): cannot be read"]) }
            guard let text = String(data: data, encoding: .utf8) else { throw Problem(lines: ["\(file): not UTF-8 text"]) }
            do { entries = try parse(text, source: file, environment: environment) } catch let p as Problem { problems += p.lines }
        }
        for key in Key.allCases {
            guard let raw = environment[key.variable], !raw.isEmpty else { continue }
            switch check(key, raw, environment: environment) {
            case .success(let value): entries[key] = Entry(value: value, source: key.variable)
            case .failure(let p): problems.append("\(key.variable): \(p.description)")
            }
        }
        if !problems.isEmpty { throw Problem(lines: problems) }
        return UserConfig(file: file, fileFound: found, entries: entries, environment: environment)
    }

    /// Reads `key = value` lines; every problem is named by line, and a file with any is refused whole.
    static func parse(_ text: String, source: String, environment: [String: String]) throws -> [Key: Entry] {
        var entries: [Key: Entry] = [:]
        var problems: [String] = []
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let where_ = "\(source):\(index + 1)"
            let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let eq = line.firstIndex(of: "=") else {
                problems.append("\(where_): expected key = value"); continue
            }
            let name = line[..<eq].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: eq)...].trimmingCharacters(in: .whitespaces)
            guard let key = Key(rawValue: name) else {
                problems.append("\(where_): unknown key \"\(TerminalSafe.text(name))\" (known: \(Key.allCases.map(\.rawValue).joined(separator: ", ")))")
                continue
            }
            if let earlier = entries[key] {
                problems.append("\(where_): \(key.rawValue) is already set on \(earlier.source)"); continue
            }
            switch check(key, value, environment: environment) {
            case .success(let v): entries[key] = Entry(value: v, source: where_)
            case .failure(let p): problems.append("\(where_): \(p.description)")
            }
        }
        if !problems.isEmpty { throw Problem(lines: problems) }
        return entries
    }

    /// The value as it will be used, or why it is refused.
    static func check(_ key: Key, _ value: String, environment: [String: String]) -> Result<String, Problem> {
        func refuse(_ why: String) -> Result<String, Problem> { .failure(Problem(lines: [why])) }
        if value.isEmpty { return refuse("\(key.rawValue) needs a value") }
        switch key {
        case .db:
            var path = value
            if path == "~" || path.hasPrefix("~/") {
                path = (environment["HOME"] ?? NSHomeDirectory()) + path.dropFirst()
            }
            guard path.hasPrefix("/") else { return refuse("db must be an absolute path (or start with ~/): \"\(TerminalSafe.text(value))\"") }
            return .success(path)
        case .operator:
            if let why = OperatorName.problem(value) { return refuse("operator \"\(TerminalSafe.text(value))\": \(why)") }
            return .success(value)
        case .theme:
            let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "._-"))
            guard value.unicodeScalars.allSatisfy({ $0.isASCII && allowed.contains($0) }), !value.hasPrefix(".") else {
                return refuse("theme takes a theme name (a file themes/NAME.theme), not \"\(TerminalSafe.text(value))\"")
            }
            return .success(value)
        case .lang:
            guard ["es", "en"].contains(value) else { return refuse("lang takes es or en, not \"\(TerminalSafe.text(value))\"") }
            return .success(value)
        case .ascii:
            switch value {
            case "true", "yes": return .success("true")
            case "false", "no": return .success("false")
            default: return refuse("ascii takes true or false, not \"\(TerminalSafe.text(value))\"")
            }
        }
    }

    /// One effective setting: its value (nil: not set) and where it came from.
    struct Setting: Sendable, Equatable {
        var key: Key
        var value: String?
        var source: String
    }

    /// A flag's value if given, else the environment's or the file's.
    func value(_ key: Key, flag: String?) -> Setting? {
        if let flag { return Setting(key: key, value: flag, source: key == .ascii && flag == "false" ? "--no-ascii" : key.flag) }
        if let e = entries[key] { return Setting(key: key, value: e.value, source: e.source) }
        return nil
    }

    var db: String? { entries[.db]?.value }
    var operatorName: String? { entries[.operator]?.value }
    var theme: String? { entries[.theme]?.value }
    var lang: String? { entries[.lang]?.value }
    var ascii: Bool? { entries[.ascii].map { $0.value == "true" } }
}
