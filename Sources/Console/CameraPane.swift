import Engine
import Foundation
import VigiaCore

/// The camera pane (issue 23): every registered camera with its health, its
/// newest event and its open alerts, cameras in trouble first (the engine's order). `v` on an
/// alert jumps here to its camera; `g` centres the map on the selected one.
enum CameraPane {
    /// A camera's stable key for the selection, which keeps item ids (FNV-1a of its id).
    static func key(_ id: String) -> Int64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in id.utf8 { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return Int64(bitPattern: h)
    }

    static func role(_ c: Situation.CameraMarker) -> StyleRole {
        switch c.health {
        case "online": return .cameraOnline
        case "offline": return .cameraOffline
        default: return .warning
        }
    }

    static func glyph(_ c: Situation.CameraMarker, _ glyphs: GlyphSet) -> String {
        switch c.health {
        case "online": return glyphs.cameraMarker
        case "offline": return glyphs.offlineMarker
        default: return glyphs.tamperMarker
        }
    }

    /// Its health in words: never by colour alone.
    static func word(_ c: Situation.CameraMarker, _ l: Language) -> String {
        let key = "camera." + c.health
        let text = Strings.text(key, l)
        return text == key ? TerminalSafe.line(c.health, limit: 12) : text
    }

    /// "when (how long ago)" of its newest event, or a dash.
    static func last(_ c: Situation.CameraMarker, _ s: Situation) -> String {
        guard let t = c.lastEvent else { return "—" }
        return Draw.age(s.header.now.timeIntervalSince(t))
    }

    static func draw(_ b: inout ScreenBuffer, _ r: Rect, _ s: Situation, _ state: UIState, focused: Bool) {
        let l = state.language, items = PaneItems.cameras(s, state), glyphs = state.glyphs
        Draw.box(&b, r, title: ListPanes.paneTitle(.cameras, shown: items.count, total: s.cameras.count, state), focused: focused, glyphs: glyphs)
        let row = { (i: Int) -> [(String, StyleRole)] in
            let c = items[i]
            let word = word(c, l).padding(toLength: 10, withPad: " ", startingAt: 0)
            let open = c.openAlerts > 0 ? "\(c.openAlerts) \(Strings.text("camera.open", l))" : ""
            let place = c.district.map { glyphs.separator + TerminalSafe.line($0, limit: 40) } ?? ""
            return [("\(glyph(c, glyphs)) \(word) \(TerminalSafe.line(c.id, limit: 40)) \(Strings.text("camera.last", l)) \(last(c, s)) \(open)", role(c)),
                     ("    \(TerminalSafe.line(c.name, limit: 80))\(place)", .hint)]
        }
        ListPanes.list(&b, r, count: items.count, row: row, selected: min(state.selected(.cameras), max(0, items.count - 1)), rowsPerItem: ListPanes.rowsPerItem(.cameras),
                       empty: Strings.text("empty.cameras", l), glyphs: glyphs)
    }

    /// The details window's lines: where it is, its health, its newest event, the alerts open on it.
    static func details(_ c: Situation.CameraMarker, _ s: Situation, _ state: UIState) -> [String] {
        let l = state.language, zone = s.header.timeZone, sep = state.glyphs.separator
        let open = s.alerts.filter { $0.camera == c.id }
        return [TerminalSafe.line(c.name, limit: 80) + (c.district.map { sep + TerminalSafe.line($0, limit: 40) } ?? ""),
                "\(glyph(c, state.glyphs)) \(word(c, l))",
                "\(Strings.text("camera.last", l)): " + (c.lastEvent.map { "\(Draw.clock($0, zone)) (\(last(c, s)))" } ?? "—"),
                "", "\(Strings.text("pane.alerts", l)): \(open.count)"]
            + open.prefix(20).map { "  P\($0.priority) #\($0.id) \(Strings.text("alert." + $0.state.rawValue, l)) \(TerminalSafe.line($0.title, limit: 60))" }
    }
}
