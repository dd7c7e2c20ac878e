import VigiaCore
import Foundation

/// A colour role: what a cell means, resolved to colours by a theme.
/// How a cell is drawn: every role a theme can style. A theme file names
/// them by raw value (`alert.new = bright-red bold`); an unknown name there
/// is reported with its line, and a role the file leaves out keeps the
/// built-in look (`Theme.builtIn` defines every one).
public enum StyleRole: String, CaseIterable, Hashable, Sendable {
    case normal, title, warning, error, hint, help, prompt, selected, border, patrol, trail
    case hintKey = "hint.key", paneTitle = "pane.title", paneFocus = "pane.focus"
    case mapBoundary = "map.boundary", mapCursor = "map.cursor", mapMarkerOld = "map.marker.old"
    case cameraOnline = "camera.online", cameraOffline = "camera.offline"
    case alertNew = "alert.new", alertAcked = "alert.acked", alertDispatched = "alert.dispatched", alertHold = "alert.hold"
    case hitPending = "hit.pending", hitConfirmed = "hit.confirmed", flagPending = "flag.pending"
    case risk0 = "risk.0", risk1 = "risk.1", risk2 = "risk.2", risk3 = "risk.3", risk4 = "risk.4"
    case risk5 = "risk.5", risk6 = "risk.6", risk7 = "risk.7", risk8 = "risk.8", risk9 = "risk.9"

    /// The risk shade for level 0 (lowest) to 9.
    public static func risk(_ level: Int) -> StyleRole {
        [.risk0, .risk1, .risk2, .risk3, .risk4, .risk5, .risk6, .risk7, .risk8, .risk9][min(9, max(0, level))]
    }
}

/// One screen cell. A double-width glyph occupies its cell and a
/// continuation cell after it (`width == 0`).
public struct Cell: Hashable, Sendable {
    public var glyph: String
    public var width: Int
    public var role: StyleRole

    public static let blank = Cell(glyph: " ", width: 1, role: .normal)
}

/// Terminal size in character cells.
public struct TerminalSize: Hashable, Sendable {
    public var columns: Int
    public var rows: Int
    public init(columns: Int, rows: Int) {
        self.columns = columns
        self.rows = rows
    }
}

/// What `render` draws into: a grid of cells the backend copies out.
/// Widths are measured here, never in the backend, so tests see what users see.
public struct ScreenBuffer: Hashable, Sendable {
    public let size: TerminalSize
    public private(set) var cells: [Cell]

    public init(size: TerminalSize) {
        self.size = size
        cells = Array(repeating: .blank, count: max(0, size.columns) * max(0, size.rows))
    }

    public subscript(row: Int, column: Int) -> Cell {
        cells[row * size.columns + column]
    }

    /// Writes `text` from (row, column), clipped at the right edge; control
    /// and zero-width characters are replaced so nothing reaches the terminal
    /// as a command. Returns the column after the text.
    @discardableResult
    public mutating func put(_ text: String, row: Int, column: Int, role: StyleRole = .normal) -> Int {
        guard row >= 0, row < size.rows else { return column }
        var col = column
        for ch in text {
            let (glyph, width) = Self.measure(ch)
            if width == 0 { continue }
            guard col + width <= size.columns else { break }
            if col >= 0 {
                cells[row * size.columns + col] = Cell(glyph: glyph, width: width, role: role)
                if width == 2 { cells[row * size.columns + col + 1] = Cell(glyph: "", width: 0, role: role) }
            }
            col += width
        }
        return col
    }

    /// The screen as plain text, one line per row, trailing blanks kept.
    public var text: String {
        (0..<size.rows).map { r in
            (0..<size.columns).map { c in self[r, c].glyph }.joined()
        }.joined(separator: "\n")
    }

    /// The glyph to show for `ch` and the cells it takes.
    static func measure(_ ch: Character) -> (String, Int) {
        let scalars = ch.unicodeScalars
        guard let first = scalars.first else { return ("", 0) }
        // C0/C1 controls (ESC among them) and bidi overrides are shown, not obeyed.
        if first.value < 0x20 || (0x7F...0x9F).contains(first.value) { return ("\u{FFFD}", 1) }
        if (0x202A...0x202E).contains(first.value) || (0x2066...0x2069).contains(first.value) { return ("", 0) }
        let w = CellWidth.of(first)
        if w == 0 { return ("", 0) }
        // Emoji presentation selectors widen a narrow base (e.g. ☀️).
        let wide = w == 2 || ch.unicodeScalars.contains { $0.value == 0xFE0F }
        // A cluster carrying a joiner, a zero-width or a bidi control (ZWJ emoji families, hidden marks) has
        // no width terminals agree on, and may smuggle controls: only its first character is shown.
        if scalars.dropFirst().contains(where: { TerminalSafe.isUnsafe($0) }) { return (String(first), w == 2 ? 2 : 1) }
        return (String(ch), wide ? 2 : 1)
    }
}
