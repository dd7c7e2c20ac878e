import Foundation
import Testing

/// The per-user config file and `--version`, run as a user would.
@Suite("Config file and version", .serialized)
struct ConfigAndVersionTests {
    /// A temporary XDG_CONFIG_HOME holding `vigia/config` with `text`.
    static func home(_ text: String?) throws -> (Scratch, [String: String]) {
        let s = try Scratch()
        let folder = s.folder.appendingPathComponent("config-home/vigia")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        if let text { try text.write(to: folder.appendingPathComponent("config"), atomically: true, encoding: .utf8) }
        return (s, ["XDG_CONFIG_HOME": s.folder.appendingPathComponent("config-home").path, "HOME": s.folder.path,
                    "XDG_DATA_HOME": s.folder.appendingPathComponent("data").path, "LANG": "en_GB.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""])
    }

    static func show(_ args: [String] = [], _ env: [String: String]) throws -> VigiaProcess.Result {
        // LC_ALL and LC_MESSAGES are emptied above and removed here, so LANG alone decides.
        try VigiaProcess.run(["config", "show"] + args, environment: env, unset: ["VIGIA_CONFIG", "LC_ALL", "LC_MESSAGES"])
    }

    @Test("config show: the file's values with file:line, variables over the file, flags over both")
    func precedence() throws {
        let (s, env) = try Self.home("# my desk\ndb = ~/rooms/north.sqlite\noperator = dina\n\ntheme = light\nascii = yes\n")
        let file = s.folder.appendingPathComponent("config-home/vigia/config").path
        let home = s.folder.path
        let plain = try Self.show([], env)
        #expect(plain.status == 0, "\(plain.stderr)")
        // Aligned on the longest "key = value", then "# where".
        let rows = [("db = \(home)/rooms/north.sqlite", "\(file):2"), ("operator = dina", "\(file):3"), ("theme = light", "\(file):5"),
                    ("lang = en", "default (LC_ALL, LC_MESSAGES or LANG: en when it starts with en, else es)"), ("ascii = true", "\(file):6")]
        let width = rows.map(\.0.count).max()!
        let expected = "# config file: \(file)\n" + rows.map { $0.0.padding(toLength: width, withPad: " ", startingAt: 0) + "  # \($0.1)\n" }.joined()
        #expect(plain.stdout == expected)
        var over = env
        over["VIGIA_OPERATOR"] = "diego"
        over["VIGIA_LANG"] = "es"
        let json = try Self.show(["--theme", "monochrome", "--no-ascii", "--db", "/srv/room.sqlite", "--format", "json"], over)
        #expect(json.status == 0, "\(json.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let settings = (object?["settings"] as? [[String: String]]) ?? []
        #expect(settings.map { "\($0["key"]!)=\($0["value"] ?? "-")@\($0["source"]!)" } == [
            "db=/srv/room.sqlite@--db", "operator=diego@VIGIA_OPERATOR", "theme=monochrome@--theme", "lang=es@VIGIA_LANG",
            "ascii=false@--no-ascii",
        ])
        #expect(object?["file"] as? String == file && object?["file_found"] as? Bool == true)
    }

    @Test("no config file: the defaults, and where they come from")
    func defaults() throws {
        let (s, env) = try Self.home(nil)
        let r = try Self.show([], env)
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "# config file: \(s.folder.path)/config-home/vigia/config (not there; the defaults apply)")
        #expect(lines.contains { $0.hasPrefix("db = \(s.folder.path)/data/vigia/vigia.sqlite") && $0.hasSuffix("# default ($XDG_DATA_HOME/vigia/vigia.sqlite)") })
        #expect(lines.contains { $0.hasPrefix("operator = ") && $0.hasSuffix("# default (none: give --operator)") })
        #expect(lines.contains { $0.hasPrefix("theme = dark ") && $0.hasSuffix("# default") })
    }

    @Test("unknown keys and bad values stop every command with file:line; help still answers")
    func refused() throws {
        let (s, env) = try Self.home("db = rooms/north.sqlite\ncolour = red\nlang = fr\nascii = maybe\noperator = f.eed\ntheme = ../x\nlang = en\nno equals sign\n")
        let file = s.folder.appendingPathComponent("config-home/vigia/config").path
        let r = try VigiaProcess.run(["status"], environment: env, unset: ["VIGIA_CONFIG"])
        #expect(r.status == 78)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr == """
            Error: the config file is refused:
            \(file):1: db must be an absolute path (or start with ~/): "rooms/north.sqlite"
            \(file):2: unknown key "colour" (known: db, operator, theme, lang, ascii)
            \(file):3: lang takes es or en, not "fr"
            \(file):4: ascii takes true or false, not "maybe"
            \(file):5: operator "f.eed": it reads like the reserved name "feed"
            \(file):6: theme takes a theme name (a file themes/NAME.theme), not "../x"
            \(file):8: expected key = value

            """)
        #expect(try VigiaProcess.run(["--help"], environment: env, unset: ["VIGIA_CONFIG"]).status == 0)
        #expect(try VigiaProcess.run(["help", "status"], environment: env, unset: ["VIGIA_CONFIG"]).status == 0)
        // A value set twice names the first line; a bad variable is named too.
        let (t, env2) = try Self.home("lang = en\nlang = es\n")
        let twice = try VigiaProcess.run(["config", "show"], environment: env2.merging(["VIGIA_THEME": "a b"]) { $1 }, unset: ["VIGIA_CONFIG"])
        let file2 = t.folder.appendingPathComponent("config-home/vigia/config").path
        #expect(twice.status == 78)
        #expect(twice.stderr.contains("\(file2):2: lang is already set on \(file2):1\n"), "\(twice.stderr)")
        #expect(twice.stderr.contains("VIGIA_THEME: theme takes a theme name (a file themes/NAME.theme), not \"a b\"\n"), "\(twice.stderr)")
    }

    @Test("the config file's db and operator are used by commands that take --db and --operator")
    func used() throws {
        let (s, env) = try Self.home(nil)
        let db = s.folder.appendingPathComponent("room.sqlite").path
        try "db = \(db)\noperator = root\n".write(to: s.folder.appendingPathComponent("config-home/vigia/config"), atomically: true, encoding: .utf8)
        let add = try VigiaProcess.run(["operator", "add", "root", "--role", "admin"], environment: env.merging(["VIGIA_NEW_PASSPHRASE": "root-passphrase"]) { $1 },
                                       unset: ["VIGIA_CONFIG"])
        #expect(add.status == 0, "\(add.stderr)")
        #expect(add.stdout.contains(db), "\(add.stdout)")
        let list = try VigiaProcess.run(["operator", "list"], environment: env.merging(["VIGIA_PASSPHRASE": "root-passphrase"]) { $1 }, unset: ["VIGIA_CONFIG"])
        #expect(list.status == 0, "\(list.stderr)")
        #expect(list.stdout.contains("root"), "\(list.stdout)")
        // VIGIA_CONFIG empty: no file, so no operator.
        let none = try VigiaProcess.run(["operator", "list", "--db", db], environment: env.merging(["VIGIA_PASSPHRASE": "root-passphrase"]) { $1 })
        #expect(none.status != 0 && none.stderr.contains("give --operator NAME"), "\(none.stderr)")
    }

    @Test("--version prints the version, the revision (unknown to a SwiftPM build) and the SQLite and ncurses in use")
    func version() throws {
        let r = try VigiaProcess.run(["--version"])
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 4, "\(r.stdout)")
        #expect(lines.first == "vigia 0.1.0")
        #expect(lines.dropFirst().first == "revision unknown")
        #expect(lines.count > 2 && lines[2].wholeMatch(of: /SQLite 3\.\d+\.\d+/) != nil, "\(lines)")
        #expect(lines.count > 3 && lines[3].wholeMatch(of: /ncurses \d+\.\d+\.\d+/) != nil, "\(lines)")
    }
}
