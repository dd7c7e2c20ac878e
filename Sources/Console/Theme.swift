import Foundation

/// A colour as a theme file writes it: a name, an index 0–255, or #rrggbb.
public enum ThemeColor: Hashable, Sendable {
    case terminalDefault
    case indexed(Int)
    case rgb(Int, Int, Int)

    static let names = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    static func parse(_ s: String) -> ThemeColor? {
        let v = s.lowercased()
        if v == "default" { return .terminalDefault }
        if let i = names.firstIndex(of: v) { return .indexed(i) }
        if v.hasPrefix("bright-"), let i = names.firstIndex(of: String(v.dropFirst(7))) { return .indexed(i + 8) }
        if let n = Int(v), (0...255).contains(n) { return .indexed(n) }
        if v.hasPrefix("#"), v.count == 7, let n = Int(v.dropFirst(), radix: 16) { return .rgb(n >> 16, (n >> 8) & 255, n & 255) }
        return nil
    }

    /// The nearest colour a terminal with `colors` colours has (-1: its default).
    public func resolved(colors: Int) -> Int {
        switch self {
        case .terminalDefault: return -1
        case .indexed(let i):
            if i < colors { return i }
            return colors >= 16 ? Self.nearestBasic(Self.rgbOf(i), count: 16) : Self.nearestBasic(Self.rgbOf(i), count: 8)
        case .rgb(let r, let g, let b):
            if colors >= 256 {
                // The 6×6×6 cube of xterm's 256 colours.
                func q(_ c: Int) -> Int { c < 48 ? 0 : c < 115 ? 1 : (c - 35) / 40 }
                return 16 + 36 * q(r) + 6 * q(g) + q(b)
            }
            return Self.nearestBasic((r, g, b), count: colors >= 16 ? 16 : 8)
        }
    }

    static let basic: [(Int, Int, Int)] = [(0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205),
                                           (229, 229, 229), (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255),
                                           (255, 0, 255), (0, 255, 255), (255, 255, 255)]

    static func rgbOf(_ i: Int) -> (Int, Int, Int) {
        if i < 16 { return basic[i] }
        if i < 232 {
            let n = i - 16, steps = [0, 95, 135, 175, 215, 255]
            return (steps[n / 36], steps[(n / 6) % 6], steps[n % 6])
        }
        let g = 8 + (i - 232) * 10
        return (g, g, g)
    }

    static func nearestBasic(_ c: (Int, Int, Int), count: Int) -> Int {
        var best = 0, bestD = Int.max
        for i in 0..<count {
            let b = basic[i], d = (b.0 - c.0) * (b.0 - c.0) + (b.1 - c.1) * (b.1 - c.1) + (b.2 - c.2) * (b.2 - c.2)
            if d < bestD { bestD = d; best = i }
        }
        return best
    }
}

/// How a role looks: colours plus attributes (attributes alone in monochrome).
public struct RoleStyle: Hashable, Sendable {
    public var foreground: ThemeColor = .terminalDefault
    public var background: ThemeColor = .terminalDefault
    public var bold = false, reverse = false, underline = false, dim = false
}

/// A theme: roles → styles, read from `themes/NAME.theme` (`role = FG [on BG] [bold] [reverse] [underline] [dim]`).
/// Lines starting with '#' are comments. Unknown roles and bad lines are reported with file:line; missing roles take the built-in default.
public struct Theme: Sendable {
    public var name: String
    public var styles: [StyleRole: RoleStyle]
    public var problems: [String]

    public struct LoadError: Error, CustomStringConvertible { public var description: String }

    public func style(_ role: StyleRole) -> RoleStyle {
        styles[role] ?? Theme.builtIn.styles[role] ?? RoleStyle()
    }

    public static func parse(_ text: String, name: String, source: String) -> Theme {
        var theme = Theme.builtIn
        theme.name = name
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            // Comments are whole lines starting with '#' ("#rrggbb" is a colour).
            let trimmed = raw.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            guard let eq = trimmed.firstIndex(of: "=") else {
                theme.problems.append("\(source):\(n + 1): expected role = colour"); continue
            }
            let key = trimmed[..<eq].trimmingCharacters(in: .whitespaces)
            let words = trimmed[trimmed.index(after: eq)...].split(separator: " ").map(String.init)
            var style = RoleStyle(), expectBackground = false, ok = !words.isEmpty, seenForeground = false
            for w in words {
                switch w.lowercased() {
                case "bold": style.bold = true
                case "reverse": style.reverse = true
                case "underline": style.underline = true
                case "dim": style.dim = true
                case "on": expectBackground = true
                default:
                    guard let c = ThemeColor.parse(w) else { ok = false; continue }
                    if expectBackground { style.background = c; expectBackground = false }
                    else if !seenForeground { style.foreground = c; seenForeground = true }
                    else { ok = false }
                }
            }
            guard ok else { theme.problems.append("\(source):\(n + 1): cannot read \"\(trimmed[trimmed.index(after: eq)...].trimmingCharacters(in: .whitespaces))\""); continue }
            guard let role = StyleRole(rawValue: key) else {
                theme.problems.append("\(source):\(n + 1): no role \"\(key)\"; the roles are \(StyleRole.allCases.map(\.rawValue).joined(separator: ", "))")
                continue
            }
            theme.styles[role] = style
        }
        return theme
    }

    /// `themes/NAME.theme` from the given folders, first found.
    /// The themes in the repository's `themes/` folder.
    public static let shipped = ["dark", "light", "high-contrast", "monochrome"]

    public static func load(named name: String, folders: [URL]) throws -> Theme {
        guard name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
            throw LoadError(description: "theme names are letters, digits, - and _")
        }
        for f in folders {
            let url = f.appendingPathComponent("\(name).theme")
            if let data = FileManager.default.contents(atPath: url.path) {
                return parse(String(decoding: data, as: UTF8.self), name: name, source: "themes/\(name).theme")
            }
        }
        throw LoadError(description: "no theme \"\(name)\" in \(folders.map(\.path).joined(separator: ", "))")
    }

    /// Used when no theme file is found: readable on dark and light terminals.
    public static let builtIn: Theme = {
        func s(_ fg: ThemeColor, _ bg: ThemeColor = .terminalDefault, bold: Bool = false, reverse: Bool = false) -> RoleStyle {
            RoleStyle(foreground: fg, background: bg, bold: bold, reverse: reverse)
        }
        var m: [StyleRole: RoleStyle] = [
            .normal: RoleStyle(), .title: s(.indexed(0), .indexed(6), bold: true), .warning: s(.indexed(3), bold: true),
            .error: s(.indexed(1), bold: true), .hint: RoleStyle(), .hintKey: s(.indexed(0), .indexed(6)),
            .border: s(.indexed(8)), .paneTitle: s(.indexed(6), bold: true), .paneFocus: s(.indexed(0), .indexed(6), bold: true),
            .selected: RoleStyle(reverse: true), .mapBoundary: s(.indexed(8)), .mapCursor: RoleStyle(bold: true, reverse: true), .mapMarkerOld: s(.indexed(7)),
            .cameraOnline: s(.indexed(2)), .cameraOffline: s(.indexed(1), bold: true), .alertNew: s(.indexed(1), bold: true),
            .alertAcked: s(.indexed(3)), .alertDispatched: s(.indexed(2)), .alertHold: s(.indexed(5)),
            .hitPending: s(.indexed(5), bold: true), .hitConfirmed: s(.indexed(2), bold: true), .flagPending: s(.indexed(3), bold: true),
            .patrol: s(.indexed(4), bold: true), .trail: s(.indexed(5)), .help: RoleStyle(), .prompt: s(.indexed(0), .indexed(3)),
        ]
        for l in 0...9 { m[.risk(l)] = s(l < 3 ? .indexed(8) : l < 6 ? .indexed(3) : .indexed(1), bold: l >= 8) }
        return Theme(name: "built-in", styles: m, problems: [])
    }()
}
