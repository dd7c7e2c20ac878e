import CNCurses
import Foundation

/// The ncurses backend: copies a `ScreenBuffer` to the terminal and reads
/// keys. It draws nothing of its own and decides nothing.
public final class CursesScreen {
    public struct Unavailable: Error, CustomStringConvertible { public var description: String }

    private var pairs: [StyleRole: (attrs: attr_t, pair: Int16)] = [:]
    private var theme: Theme
    public private(set) var size: TerminalSize
    private var previous: ScreenBuffer?
    /// False when the locale cannot show non-ASCII text (LANG=C): letters lose
    /// their accents and anything else becomes `?`, instead of vanishing.
    private let multibyte: Bool
    let colors: Int

    /// Starts curses on the controlling terminal; refuses without one.
    public init(theme: Theme, mouse: Bool = true, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        let direct = isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
        let tty = open("/dev/tty", O_RDWR)
        if tty >= 0 { close(tty) }
        guard direct || tty >= 0 else {
            throw Unavailable(description: "the console needs a terminal (no tty); for scripts use `vigia status`, `vigia alerts` or `vigia demo --headless`")
        }
        setlocale(LC_ALL, "")
        multibyte = GlyphSet.detect(forceASCII: false) == .unicode
        // newterm, unlike initscr, returns nil instead of exiting when TERM is unknown.
        // With stdin carrying a feed, the keyboard is read from /dev/tty.
        guard let screen = direct ? vigia_newterm() : vigia_newterm_tty() else {
            throw Unavailable(description: "the terminal type \"\(environment["TERM"] ?? "")\" is unknown to ncurses; try TERM=xterm-256color")
        }
        set_term(screen)
        guard vigia_can_address_cursor() != 0 else {
            endwin()
            delscreen(screen)
            throw Unavailable(description: "the terminal type \"\(environment["TERM"] ?? "")\" cannot move the cursor, so the console cannot draw; use a full terminal (e.g. TERM=xterm-256color), or `vigia status` and `vigia alerts` for plain text")
        }
        cbreak()
        noecho()
        nonl()
        keypad(vigia_stdscr(), true)
        curs_set(0)
        set_escdelay(25)
        // Clicks and the wheel where the terminal reports them (Shift+drag still selects text in most terminals).
        if mouse { _ = vigia_mouse_on() }
        let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        if has_colors() && !noColor {
            start_color()
            use_default_colors()
            colors = Int(vigia_colors())
        } else {
            colors = 0
        }
        self.theme = theme
        size = TerminalSize(columns: Int(vigia_cols()), rows: Int(vigia_lines()))
        setTheme(theme)
    }

    /// Resolves every role's colours to what this terminal has (attributes only without colour).
    public func setTheme(_ theme: Theme) {
        self.theme = theme
        pairs = [:]
        previous = nil
    }

    private func style(_ role: StyleRole) -> (attr_t, Int16) {
        if let p = pairs[role] { return p }
        let s = theme.style(role)
        var attrs = vigia_a_normal()
        if s.bold { attrs |= vigia_a_bold() }
        if s.reverse { attrs |= vigia_a_reverse() }
        if s.underline { attrs |= vigia_a_underline() }
        if s.dim { attrs |= vigia_a_dim() }
        var pair: Int16 = 0
        if colors > 0, pairs.count + 1 < Int(vigia_color_pairs()) {
            let fg = s.foreground.resolved(colors: colors), bg = s.background.resolved(colors: colors)
            if fg != -1 || bg != -1 {
                pair = Int16(pairs.count + 1)
                init_pair(pair, Int16(fg), Int16(bg))
            }
        } else if colors == 0, s.background != .terminalDefault, !s.reverse {
            // Monochrome: a role that relies on a background colour is shown reversed instead.
            attrs |= vigia_a_reverse()
        }
        pairs[role] = (attrs, pair)
        return (attrs, pair)
    }

    /// Copies the buffer out, changed cells only; ncurses then sends the difference.
    public func draw(_ buffer: ScreenBuffer) {
        if buffer.size != previous?.size { erase() ; previous = nil }
        for row in 0..<buffer.size.rows {
            for column in 0..<buffer.size.columns {
                let cell = buffer[row, column]
                if cell.width == 0 { continue }
                if let p = previous, p[row, column] == cell { continue }
                let (attrs, pair) = style(cell.role)
                let glyphs = multibyte ? [cell.glyph] : Self.plain(cell.glyph, width: cell.width)
                for (k, glyph) in glyphs.enumerated() {
                    var wide = Array(glyph.unicodeScalars.map { wchar_t(bitPattern: $0.value) })
                    wide.append(0)
                    _ = vigia_put_cell(Int32(row), Int32(column + k), wide, attrs, pair)
                }
            }
        }
        previous = buffer
        refresh()
    }

    /// A cell's text for a terminal that only shows ASCII: accents folded
    /// (Vigía → Vigia), other characters `?`, a wide glyph as `?` and a space.
    static func plain(_ glyph: String, width: Int) -> [String] {
        let folded = glyph.folding(options: [.diacriticInsensitive, .widthInsensitive], locale: nil)
        let ascii = folded.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F } && !folded.isEmpty
        return width == 2 ? ["?", " "] : [ascii ? String(folded.prefix(1)) : "?"]
    }

    /// The next key, or nil when `timeout` ms pass without one.
    public func readKey(timeout: Int32) -> Key? {
        wtimeout(vigia_stdscr(), timeout)
        var ch: wint_t = 0
        let r = get_wch(&ch)
        if r == KEY_CODE_YES {
            if Int32(ch) == vigia_key_mouse() {
                var row: Int32 = 0, column: Int32 = 0
                switch vigia_mouse_event(&row, &column) {
                case 1: return .mouse(MouseEvent(.press, row: Int(row), column: Int(column)))
                case 4: return .mouse(MouseEvent(.wheelUp, row: Int(row), column: Int(column)))
                case 5: return .mouse(MouseEvent(.wheelDown, row: Int(row), column: Int(column)))
                default: return nil
                }
            }
            switch Int32(ch) {
            case KEY_UP: return .up
            case KEY_DOWN: return .down
            case KEY_LEFT: return .left
            case KEY_RIGHT: return .right
            case KEY_ENTER: return .enter
            case KEY_BACKSPACE: return .backspace
            case KEY_BTAB: return .backTab
            case KEY_PPAGE: return .pageUp
            case KEY_NPAGE: return .pageDown
            case KEY_RESIZE:
                size = TerminalSize(columns: Int(vigia_cols()), rows: Int(vigia_lines()))
                previous = nil
                return .resize
            default:
                for n in 1...12 where Int32(ch) == vigia_key_f(Int32(n)) { return .function(n) }
                return nil
            }
        }
        guard r == OK, let scalar = Unicode.Scalar(UInt32(ch)) else { return nil }
        switch scalar {
        case "\r", "\n": return .enter
        case "\t": return .tab
        case "\u{1B}": return .escape
        case "\u{7F}", "\u{08}": return .backspace
        default:
            if scalar.value < 0x20 { return nil }
            return .char(Character(scalar))
        }
    }

    /// Drops keys typed ahead (a pasted line after a prompt's Enter), so
    /// they never run as commands once the prompt has closed.
    public func discardTypeahead() {
        _ = flushinp()
    }

    /// Gives the terminal back as it was.
    public func end() {
        endwin()
    }
}

extension CursesScreen {
    /// The ncurses library this process runs on (`curses_version`), for `vigia --version`.
    public static var libraryVersion: String { String(cString: curses_version()) }
}
