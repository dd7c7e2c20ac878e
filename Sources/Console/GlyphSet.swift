import CNCurses
import Foundation
import VigiaCore

/// ASCII or Unicode drawing characters, chosen from the locale's codeset.
public enum GlyphSet: String, Sendable {
    case ascii, unicode

    /// Unicode when the C locale (after `setlocale(LC_ALL, "")`) is UTF-8 and
    /// `--ascii` was not given.
    public static func detect(forceASCII: Bool) -> GlyphSet {
        if forceASCII { return .ascii }
        setlocale(LC_ALL, "")
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return .ascii }
        let name = String(cString: codeset).uppercased()
        return name == "UTF-8" || name == "UTF8" ? .unicode : .ascii
    }

    /// The risk ramp from low to high.
    public var riskRamp: [String] {
        switch self {
        // No box or border glyph (| _ + -) is a risk glyph.
        case .ascii: return [" ", ".", ".", ":", ":", "*", "*", "#", "#", "@"]
        case .unicode: return [" ", "·", "░", "░", "▒", "▒", "▓", "▓", "█", "█"]
        }
    }
}

extension GlyphSet {
    /// Box corners and edges: top-left, top-right, bottom-left, bottom-right, horizontal, vertical.
    var box: (String, String, String, String, String, String) {
        self == .ascii ? ("+", "+", "+", "+", "-", "|") : ("┌", "┐", "└", "┘", "─", "│")
    }
    var boundaryVertical: String { self == .ascii ? "|" : "│" }
    var boundaryHorizontal: String { self == .ascii ? "_" : "─" }
    var boundaryCorner: String { self == .ascii ? "+" : "┼" }
    var alertMarker: String { self == .ascii ? "!" : "▲" }
    var hitMarker: String { self == .ascii ? "H" : "◆" }
    var flagMarker: String { self == .ascii ? "F" : "⚑" }
    var cameraMarker: String { self == .ascii ? "c" : "◦" }
    var offlineMarker: String { self == .ascii ? "x" : "✖" }
    var tamperMarker: String { self == .ascii ? "T" : "⚠" }
    var patrolMarker: String { self == .ascii ? "P" : "▣" }
    var trailMarker: String { self == .ascii ? "o" : "•" }
    /// Ten or more items in one map cell (2–9 are shown as the digit); not a border or ramp glyph in either set.
    var manyMarker: String { self == .ascii ? "&" : "+" }
    /// A list item that arrived since the operator last looked at its pane.
    var newMark: String { self == .ascii ? "*" : "✦" }
    var ellipsis: String { self == .ascii ? "~" : "…" }
    var separator: String { self == .ascii ? " | " : " · " }
    /// A procedure step not done yet, and done.
    var stepOpen: String { self == .ascii ? "[ ]" : "□" }
    var stepDone: String { self == .ascii ? "[x]" : "✓" }
    /// An alert's state, always beside its word (never colour alone).
    func alertState(_ state: AlertState) -> String {
        switch state {
        case .new: return self == .ascii ? "!" : "●"
        case .acknowledged: return self == .ascii ? "o" : "◐"
        case .dispatched: return self == .ascii ? ">" : "➜"
        case .onHold: return self == .ascii ? "=" : "‖"
        default: return self == .ascii ? "~" : "○"
        }
    }
    /// A candidate in the hits pane: pending review, or confirmed by two.
    var hitPendingMark: String { self == .ascii ? "?" : "◆" }
    var hitConfirmedMark: String { self == .ascii ? "+" : "✔" }
    /// The focused pane's title marker.
    var focusMarker: String { self == .ascii ? "> " : "▸ " }
    var dash: String { self == .ascii ? "-" : "–" }
}
