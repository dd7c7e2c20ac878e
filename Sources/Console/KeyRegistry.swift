import VigiaCore

/// A key as the console reads it.
public enum Key: Hashable, Sendable {
    case char(Character)
    case up, down, left, right, enter, escape, tab, backTab, backspace, pageUp, pageDown, resize
    case function(Int)
    /// A click or a turn of the wheel, at a screen cell (where the terminal reports the mouse).
    case mouse(MouseEvent)

    /// How the help, the hint bar and the README write it.
    public var label: String {
        switch self {
        case .char(" "): return "Space"
        case .char(let c): return String(c)
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .tab: return "Tab"
        case .backTab: return "S-Tab"
        case .backspace: return "Bksp"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .resize: return "resize"
        case .function(let n): return "F\(n)"
        case .mouse: return "mouse"
        }
    }
}

/// What the mouse did, and where (0-based screen row and column).
public struct MouseEvent: Hashable, Sendable {
    public enum Kind: Hashable, Sendable { case press, wheelUp, wheelDown }
    public var kind: Kind, row: Int, column: Int
    public init(_ kind: Kind, row: Int, column: Int) { self.kind = kind; self.row = row; self.column = column }
}

/// The panes; `nil` context in a binding means everywhere.
public enum Pane: String, Sendable, CaseIterable {
    case map, alerts, hits, flags, cameras
}

/// What a key asks for. Actions never draw: the reducer changes the UI state
/// or returns an engine command, and only the main loop draws.
public enum Action: String, Sendable, CaseIterable {
    case quit, help, nextPane, previousPane, showMap, showAlerts, showHits, showFlags, showCameras, jumpCamera
    case up, down, left, right, pageUp, pageDown, details, back
    case acknowledge, dispatch, close, hold, snooze, forward, confirm, reject, undo, tickStep, note, bulkClose
    case zoomIn, zoomOut, zoomReset, centre, horizon, model, filter, command, pause, seekBack, seekForward
    case shiftView, auditView
}

/// One row of the key registry: the only place keys are defined. Key
/// handling, the `?` overlay, the hint bar and the README table come from it.
public struct KeyBinding: Sendable {
    public var keys: [Key]
    public var action: Action
    public var context: Pane?
    /// Its description's key in the string catalogue (`Strings`).
    public var text: String
    /// What the engine checks before it acts (nil: nothing, the key only
    /// changes the view). Whether a role may use the key is `Role.allows`,
    /// the engine's own rule, so the console keeps no role sets of its own.
    public var permission: Permission?
    /// Shown in the hint bar.
    public var visible: Bool
    /// Changes something for real (the console asks, or the engine checks twice).
    public var dangerous: Bool

    public func description(_ language: Language) -> String { Strings.text(text, language) }
    public var spanish: String { description(.spanish) }
    public var english: String { description(.english) }
    /// Whether `role` may use the key.
    public func allowed(for role: Role) -> Bool { permission.map(role.allows) ?? true }
    /// The people's roles that may use it, for the key table (nil: everyone).
    public var roles: [Role]? { permission.map { p in Role.assignable.filter { $0.allows(p) } } }
    public var keyLabel: String { keys.map(\.label).joined(separator: " ") }
}

public enum KeyRegistry {

    public static let bindings: [KeyBinding] = [
        KeyBinding(keys: [.char("q"), .function(10)], action: .quit, context: nil, text: "key.quit", permission: nil, visible: true, dangerous: false),
        KeyBinding(keys: [.char("?"), .function(1)], action: .help, context: nil, text: "key.help", permission: nil, visible: true, dangerous: false),
        KeyBinding(keys: [.tab], action: .nextPane, context: nil, text: "key.nextPane", permission: nil, visible: true, dangerous: false),
        KeyBinding(keys: [.backTab], action: .previousPane, context: nil, text: "key.previousPane", permission: nil, visible: false, dangerous: false),
        KeyBinding(keys: [.char("1")], action: .showMap, context: nil, text: "key.showMap", permission: nil, visible: false, dangerous: false),
        KeyBinding(keys: [.char("2")], action: .showAlerts, context: nil, text: "key.showAlerts", permission: nil, visible: false, dangerous: false),
        KeyBinding(keys: [.char("3")], action: .showHits, context: nil, text: "key.showHits", permission: nil, visible: false, dangerous: false),
        KeyBinding(keys: [.char("4")], action: .showFlags, context: nil, text: "key.showFlags", permission: nil, visible: false, dangerous: false),
        KeyBinding(keys: [.char("5")], action: .showCameras, context: nil, text: "key.showCameras", permission: nil, visible: false, dangerous: false),
        KeyBinding(keys: [.char("h"), .left], action: .left, context: .map, text: "key.map.left", permission: nil, visible: false, dangerous: false),
        KeyBinding(keys: [.char("l"), .right], action: .right, context: .map, text: "key.map.right", permission: nil, visible: false, dangerous: false),
        KeyBinding(keys: [.char("k"), .up], action: .up, context: nil, text: "key.up", permission: nil, visible: false, dangerous: false),
        KeyBinding(keys: [.char("j"), .down], action: .down, context: nil, text: "key.down", permission: nil, visible: false, dangerous: false),
        KeyBinding(keys: [.pageUp], action: .pageUp, context: nil, text: "key.pageUp", permission: nil, visible: false, dangerous: false),
        KeyBinding(keys: [.pageDown], action: .pageDown, context: nil, text: "key.pageDown", permission: nil, visible: false, dangerous: false),
        KeyBinding(keys: [.char("+"), .char("=")], action: .zoomIn, context: .map, text: "key.map.zoomIn", permission: nil, visible: true, dangerous: false),
        KeyBinding(keys: [.char("-")], action: .zoomOut, context: .map, text: "key.map.zoomOut", permission: nil, visible: true, dangerous: false),
        KeyBinding(keys: [.char("0")], action: .zoomReset, context: .map, text: "key.map.zoomReset", permission: nil, visible: false, dangerous: false),
        KeyBinding(keys: [.char("t")], action: .horizon, context: nil, text: "key.horizon", permission: nil, visible: true, dangerous: false),
        KeyBinding(keys: [.char("m")], action: .model, context: nil, text: "key.model", permission: nil, visible: true, dangerous: false),
        KeyBinding(keys: [.char("g")], action: .centre, context: nil, text: "key.centre", permission: nil, visible: true, dangerous: false),
        KeyBinding(keys: [.enter], action: .details, context: nil, text: "key.details", permission: nil, visible: true, dangerous: false),
        KeyBinding(keys: [.escape], action: .back, context: nil, text: "key.back", permission: nil, visible: false, dangerous: false),
        KeyBinding(keys: [.char("a"), .function(2)], action: .acknowledge, context: .alerts, text: "key.alerts.acknowledge", permission: .handleAlerts, visible: true, dangerous: false),
        KeyBinding(keys: [.char("d"), .function(3)], action: .dispatch, context: .alerts, text: "key.alerts.dispatch", permission: .handleAlerts, visible: true, dangerous: true),
        KeyBinding(keys: [.char("c"), .function(4)], action: .close, context: .alerts, text: "key.alerts.close", permission: .handleAlerts, visible: true, dangerous: true),
        KeyBinding(keys: [.char("h")], action: .hold, context: .alerts, text: "key.alerts.hold", permission: .handleAlerts, visible: true, dangerous: false),
        KeyBinding(keys: [.char("s")], action: .snooze, context: .alerts, text: "key.alerts.snooze", permission: .handleAlerts, visible: true, dangerous: false),
        KeyBinding(keys: [.char("f")], action: .forward, context: .alerts, text: "key.alerts.forward", permission: .handleAlerts, visible: true, dangerous: false),
        KeyBinding(keys: [.char("x")], action: .tickStep, context: .alerts, text: "key.alerts.tickStep", permission: .handleAlerts, visible: false, dangerous: false),
        KeyBinding(keys: [.char("C")], action: .bulkClose, context: .alerts, text: "key.alerts.bulkClose", permission: .handleAlerts, visible: false, dangerous: true),
        KeyBinding(keys: [.char("N")], action: .note, context: .alerts, text: "key.alerts.note", permission: .handleAlerts, visible: false, dangerous: false),
        KeyBinding(keys: [.char("v")], action: .jumpCamera, context: .alerts, text: "key.alerts.camera", permission: nil, visible: false, dangerous: false),
        KeyBinding(keys: [.char("u")], action: .undo, context: nil, text: "key.undo", permission: .handleAlerts, visible: false, dangerous: false),
        KeyBinding(keys: [.char("y"), .function(5)], action: .confirm, context: .hits, text: "key.hits.confirm", permission: .decideHits, visible: true, dangerous: true),
        KeyBinding(keys: [.char("n"), .function(6)], action: .reject, context: .hits, text: "key.hits.reject", permission: .decideHits, visible: true, dangerous: true),
        KeyBinding(keys: [.char("d"), .function(3)], action: .dispatch, context: .hits, text: "key.hits.dispatch", permission: .decideHits, visible: true, dangerous: true),
        KeyBinding(keys: [.char("y"), .function(5)], action: .confirm, context: .flags, text: "key.flags.confirm", permission: .reviewFlags, visible: true, dangerous: true),
        KeyBinding(keys: [.char("n"), .function(6)], action: .reject, context: .flags, text: "key.flags.reject", permission: .reviewFlags, visible: true, dangerous: true),
        KeyBinding(keys: [.char("/")], action: .filter, context: nil, text: "key.filter", permission: nil, visible: false, dangerous: false),
        KeyBinding(keys: [.char(":")], action: .command, context: nil, text: "key.command", permission: nil, visible: false, dangerous: false),
        KeyBinding(keys: [.char("S"), .function(7)], action: .shiftView, context: nil, text: "key.shiftView", permission: .exportReports, visible: true, dangerous: false),
        KeyBinding(keys: [.char("A"), .function(8)], action: .auditView, context: nil, text: "key.auditView", permission: .verifyAudit, visible: true, dangerous: false),
        KeyBinding(keys: [.char(" ")], action: .pause, context: nil, text: "key.pause", permission: nil, visible: false, dangerous: false),
        KeyBinding(keys: [.char("[")], action: .seekBack, context: nil, text: "key.seekBack", permission: nil, visible: false, dangerous: false),
        KeyBinding(keys: [.char("]")], action: .seekForward, context: nil, text: "key.seekForward", permission: nil, visible: false, dangerous: false),
    ]

    /// The binding for `key` in `pane`: the pane's own first, then global ones.
    public static func binding(for key: Key, in pane: Pane) -> KeyBinding? {
        bindings.first { $0.context == pane && $0.keys.contains(key) } ?? bindings.first { $0.context == nil && $0.keys.contains(key) }
    }

    /// The README's key table, generated (a test fails when the README differs).
    public static func markdownTable() -> String {
        var lines = ["| keys | where | action | acción | roles |", "| --- | --- | --- | --- | --- |"]
        for b in bindings {
            let roles = b.roles.map { $0.map(\.rawValue).sorted().joined(separator: ", ") } ?? "all"
            let keys = b.keys.map { "`\($0.label == "|" ? "\\|" : $0.label)`" }.joined(separator: " ")
            lines.append("| \(keys) | \(b.context?.rawValue ?? "anywhere") | \(b.english)\(b.dangerous ? " ⚠" : "") | \(b.spanish) | \(roles) |")
        }
        return lines.joined(separator: "\n")
    }
}
