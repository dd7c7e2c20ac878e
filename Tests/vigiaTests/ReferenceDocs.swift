import Foundation

/// Renders `docs/cli.md` and `docs/man/vigia.1` from what
/// `vigia --experimental-dump-help` says about the ArgumentParser
/// definitions. The man page is written here rather than by
/// swift-argument-parser's `generate-manual` plugin because that plugin drops
/// every non-ASCII character ("Vigía" becomes "Viga", dashes vanish), needs a
/// release build by default, and cannot run inside `swift test`, so its
/// output could not be checked for staleness.
enum ReferenceDocs {
    /// The date the man page carries; change it when a release changes the interface.
    static let manualDate = "December 2, 2026"
    static let regenerate = "VIGIA_UPDATE_DOCS=1 swift test --filter ReferenceDocsTests"

    // MARK: the dump-help JSON (serialization version 0)

    struct Tool: Decodable { var serializationVersion: Int; var command: Command }
    struct Command: Decodable {
        var commandName: String
        var abstract: String?
        var discussion: String?
        var shouldDisplay: Bool?
        var defaultSubcommand: String?
        var subcommands: [Command]?
        var arguments: [Argument]?
    }
    struct Argument: Decodable {
        struct Name: Decodable { var kind: String; var name: String }
        var kind: String  // positional, option, flag
        var shouldDisplay: Bool
        var isOptional: Bool
        var isRepeating: Bool
        var names: [Name]?
        var preferredName: Name?
        var valueName: String?
        var defaultValue: String?
        var allValueStrings: [String]?
        var abstract: String?
        var discussion: String?

        func spelled(_ n: Name) -> String { n.kind == "short" ? "-\(n.name)" : (n.kind == "longWithSingleDash" ? "-\(n.name)" : "--\(n.name)") }
        var isHelpOrVersion: Bool { names?.contains { $0.name == "help" || $0.name == "version" } ?? false }
        var valueLabel: String { "<\(valueName ?? preferredName?.name ?? "value")>" }
        /// `--db <db>`, `-h, --help`, `<file>`.
        var label: String {
            if kind == "positional" { return valueLabel + (isRepeating ? " …" : "") }
            let spelled = (names ?? []).map(spelled).joined(separator: ", ")
            return kind == "option" ? "\(spelled) \(valueLabel)" : spelled
        }
        /// The short form used in a usage line.
        var usage: String {
            if kind == "positional" { return isOptional ? "[\(valueLabel)]" : valueLabel }
            let n = preferredName.map(spelled) ?? label
            let one = kind == "option" ? "\(n) \(valueLabel)" : n
            return (isOptional ? "[\(one)]" : one) + (isRepeating ? " …" : "")
        }
        var values: String? {
            guard let all = allValueStrings, !all.isEmpty, kind == "option" else { return nil }
            return all.joined(separator: ", ")
        }
    }

    static func decode(_ json: Data) throws -> Tool { try JSONDecoder().decode(Tool.self, from: json) }

    /// Every command with its path (`vigia`, `vigia audit`, `vigia audit verify`…), depth first.
    static func walk(_ command: Command, path: [String] = []) -> [(path: [String], command: Command)] {
        let here = path + [command.commandName]
        guard command.commandName != "help" else { return [] }
        return [(here, command)] + (command.subcommands ?? []).flatMap { walk($0, path: here) }
    }

    static func shown(_ c: Command) -> [Argument] { (c.arguments ?? []).filter { $0.shouldDisplay && !$0.isHelpOrVersion } }
    static func usage(_ path: [String], _ c: Command) -> String {
        let args = shown(c).map(\.usage)
        let sub = (c.subcommands ?? []).filter { $0.commandName != "help" }.isEmpty ? [] : ["<subcommand>"]
        return (path + sub + args).joined(separator: " ")
    }

    // MARK: Markdown

    static func markdown(_ tool: Tool) -> String {
        let all = walk(tool.command)
        var out = """
        # Command-line reference

        <!-- Generated from the ArgumentParser definitions (vigia --experimental-dump-help) by \
        Tests/vigiaTests/ReferenceDocs.swift. Do not edit: run `\(regenerate)`. -->

        Look up a command's options here; `vigia COMMAND --help` prints the same. Every command also takes \
        `-h`/`--help`; `vigia --version` prints the version and the SQLite and ncurses libraries in use. \
        Per-user defaults for `--db`, `--operator`, `--theme`, `--lang` and `--ascii` come from the config file, \
        and shell completions from `vigia --generate-completion-script`: see [operations](operations.md). \
        The same reference as a man page: [man/vigia.1](man/vigia.1) (`man -l docs/man/vigia.1`).


        """
        out += "| command | what it does |\n| --- | --- |\n"
        for (path, c) in all.dropFirst() where c.shouldDisplay != false {
            let name = path.joined(separator: " ")
            out += "| [`\(name)`](#\(anchor(name))) | \(cell(c.abstract ?? "")) |\n"
        }
        for (path, c) in all {
            let name = path.joined(separator: " ")
            out += "\n## \(name)\n\n"
            if let a = c.abstract, !a.isEmpty { out += a + "\n\n" }
            if let d = c.discussion, !d.isEmpty { out += d + "\n\n" }
            if let def = c.defaultSubcommand { out += "Without a subcommand, runs `\(path.joined(separator: " ")) \(def)`.\n\n" }
            out += "```\n\(usage(path, c))\n```\n"
            let args = shown(c)
            if !args.isEmpty {
                out += "\n| argument | what | default |\n| --- | --- | --- |\n"
                for a in args {
                    var what = a.abstract ?? ""
                    if let d = a.discussion, !d.isEmpty { what += " " + d }
                    if let v = a.values { what += (what.isEmpty ? "" : " ") + "Values: \(v)." }
                    out += "| `\(cell(a.label))` | \(cell(what)) | \(a.defaultValue.map { "`\(cell($0))`" } ?? "") |\n"
                }
            }
        }
        return out
    }

    /// GitHub's heading anchor: lower case, spaces to hyphens, punctuation dropped.
    static func anchor(_ heading: String) -> String {
        String(heading.lowercased().compactMap { ch -> Character? in
            if ch == " " { return "-" }
            return ch.isLetter || ch.isNumber || ch == "-" || ch == "_" ? ch : nil
        })
    }

    static func cell(_ s: String) -> String {
        s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }

    // MARK: mdoc

    static func manPage(_ tool: Tool) -> String {
        let root = tool.command
        var out = """
        .\\" Generated from vigia --experimental-dump-help by Tests/vigiaTests/ReferenceDocs.swift.
        .\\" Do not edit: run \(regenerate)
        .Dd \(manualDate)
        .Dt VIGIA 1
        .Os
        .Sh NAME
        .Nm vigia
        .Nd \(roff(root.abstract ?? ""))
        .Sh SYNOPSIS
        .Nm
        .Op Ar subcommand
        .Op Ar options
        .Nm
        .Fl -version
        .Sh DESCRIPTION
        \(text(root.discussion ?? ""))
        .Pp
        Without a subcommand,
        .Nm
        runs
        .Ic console .
        .Sh COMMANDS

        """
        for (path, c) in walk(root).dropFirst() where c.shouldDisplay != false {
            out += ".Ss \"\(roff(path.joined(separator: " ")))\"\n"
            if let a = c.abstract, !a.isEmpty { out += text(a) + "\n" }
            if let d = c.discussion, !d.isEmpty { out += ".Pp\n" + text(d) + "\n" }
            out += ".Pp\n.Dl \(roff(usage(path, c)))\n"
            let args = shown(c)
            if !args.isEmpty {
                out += ".Bl -tag -width 6n\n"
                for a in args {
                    out += ".It \(macro(a))\n"
                    var what = a.abstract ?? ""
                    if let d = a.discussion, !d.isEmpty { what += " " + d }
                    if let v = a.values { what += (what.isEmpty ? "" : " ") + "Values: \(v)." }
                    if let d = a.defaultValue { what += (what.isEmpty ? "" : " ") + "Default: \(d)." }
                    if !what.isEmpty { out += text(what) + "\n" }
                }
                out += ".El\n"
            }
        }
        out += """
        .Sh ENVIRONMENT
        .Bl -tag -width 6n
        .It Ev VIGIA_PASSPHRASE
        The passphrase of the operator named by
        .Fl -operator ,
        for scripts; otherwise it is asked for on the terminal.
        .It Ev VIGIA_NEW_PASSPHRASE
        The passphrase of an operator being added.
        .It Ev VIGIA_CONFIG
        The config file to read instead of the default one; empty for none.
        .It Ev VIGIA_DB , VIGIA_OPERATOR , VIGIA_THEME , VIGIA_LANG , VIGIA_ASCII
        Override the config file's db, operator, theme, lang and ascii; flags override these.
        .It Ev XDG_DATA_HOME
        The default database is
        .Pa $XDG_DATA_HOME/vigia/vigia.sqlite
        (else
        .Pa ~/.local/share/vigia/vigia.sqlite ) .
        .It Ev XDG_CONFIG_HOME
        Where the config file, user themes and the audit signing key live (else
        .Pa ~/.config ) .
        .It Ev VIGIA_AUDIT_KEY , VIGIA_AUDIT_CHECKPOINTS
        The audit signing key and the checkpoint log.
        .It Ev NO_COLOR
        The console uses attributes only, no colours.
        .It Ev LANG , LC_ALL , LC_MESSAGES
        The interface language when neither
        .Fl -lang
        nor the config file says; ASCII glyphs when the locale is not UTF-8.
        .El
        .Sh FILES
        .Bl -tag -width 6n
        .It Pa $XDG_CONFIG_HOME/vigia/config
        Per-user defaults:
        .Ql key = value
        lines for db, operator, theme, lang and ascii.
        .It Pa $XDG_CONFIG_HOME/vigia/themes/NAME.theme
        User themes, beside the shipped
        .Pa themes/*.theme .
        .It Pa $XDG_CONFIG_HOME/vigia/audit-signing.key
        The Ed25519 key that signs audit checkpoints.
        .El
        .Sh EXIT STATUS
        0 on success; 1 when a command fails (the message on standard error says why and where);
        2 when
        .Ic social classify
        met lines it could not read; 3 when
        .Ic audit verify
        finds the chain broken; 64 for a usage error; 74 when the disk is full, read-only or damaged;
        78 when the config file is refused.
        .Sh SEE ALSO
        .Xr sqlite3 1 ,
        .Xr ncurses 3X

        """
        return out
    }

    static func macro(_ a: Argument) -> String {
        if a.kind == "positional" { return "Ar \(roff(a.valueName ?? "value"))" + (a.isRepeating ? " Ar ..." : "") }
        let names = (a.names ?? []).map { n in "Fl \(n.kind == "short" ? n.name : (n.kind == "long" ? "-" + n.name : n.name))" }
            .joined(separator: " , ")
        return a.kind == "option" ? "\(names) Ar \(roff(a.valueName ?? "value"))" : names
    }

    /// Text for a macro argument or a text line: backslashes escaped, non-ASCII as `\[uXXXX]`.
    static func roff(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars {
            switch u {
            case "\\": out += "\\e"
            case "\n": out += " "
            default: out += u.isASCII ? String(u) : String(format: "\\[u%04X]", u.value)
            }
        }
        return out
    }

    /// A paragraph as text lines; a line may not begin with `.` or `'`.
    static func text(_ s: String) -> String {
        s.split(separator: "\n", omittingEmptySubsequences: true).map { line -> String in
            let r = roff(String(line))
            return r.hasPrefix(".") || r.hasPrefix("'") ? "\\&" + r : r
        }.joined(separator: "\n")
    }
}
