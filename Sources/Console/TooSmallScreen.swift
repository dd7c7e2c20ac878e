/// The smallest size the console draws its panes in.
public let minimumTerminalSize = TerminalSize(columns: 80, rows: 24)

/// Shown instead of a garbled layout when the terminal is below 80×24.
public func renderTooSmall(size: TerminalSize, language: Language) -> ScreenBuffer {
    var buffer = ScreenBuffer(size: size)
    let need = "\(minimumTerminalSize.columns)×\(minimumTerminalSize.rows)"
    let have = "\(size.columns)×\(size.rows)"
    let lines = [Strings.text("small.title", language), Strings.text("small.need", language, n: need), Strings.text("small.have", language, n: have)]
    let top = max(0, (size.rows - lines.count) / 2)
    for (i, line) in lines.enumerated() {
        buffer.put(line, row: top + i, column: max(0, (size.columns - line.count) / 2), role: i == 0 ? .warning : .normal)
    }
    return buffer
}

/// The interface languages.
public enum Language: String, Sendable, CaseIterable {
    case spanish = "es"
    case english = "en"

    /// From `--lang`, else `LANG`/`LC_ALL` (Spanish unless it says English).
    public static func resolve(flag: String?, environment: [String: String]) -> Language {
        if let flag, let l = Language(rawValue: flag.prefix(2).lowercased()) { return l }
        let lang = environment["LC_ALL"] ?? environment["LC_MESSAGES"] ?? environment["LANG"] ?? ""
        return lang.lowercased().hasPrefix("en") ? .english : .spanish
    }
}
