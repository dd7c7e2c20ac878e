import VigiaCore

/// A key as the console reads it.
public enum Key: Hashable, Sendable {
    case char(Character)
    case up, down, left, right, enter, escape, tab, backTab, backspace, pageUp, pageDown, resize
    case function(Int)

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
        }
    }
}

/// The panes; `nil` context in a binding means everywhere.
public enum Pane: String, Sendable, CaseIterable {
    case map, alerts, hits, flags
}

/// What a key asks for. Actions never draw: the reducer changes the UI state
/// or returns an engine command, and only the main loop draws.
public enum Action: String, Sendable, CaseIterable {
    case quit, help, nextPane, previousPane, showMap, showAlerts, showHits, showFlags
    case up, down, left, right, pageUp, pageDown, details, back
    case acknowledge, dispatch, close, hold, snooze, forward, confirm, reject, undo, tickStep, note, bulkClose
    case zoomIn, zoomOut, zoomReset, centre, horizon, model, filter, command, pause
    case shiftView, auditView
}

/// One row of the key registry: the only place keys are defined. Key
/// handling, the `?` overlay, the hint bar and the README table come from it.
public struct KeyBinding: Sendable {
    public var keys: [Key]
    public var action: Action
    public var context: Pane?
    public var spanish: String
    public var english: String
    /// What the engine checks before it acts (nil: nothing, the key only
    /// changes the view). Whether a role may use the key is `Role.allows`,
    /// the engine's own rule, so the console keeps no role sets of its own.
    public var permission: Permission?
    /// Shown in the hint bar.
    public var visible: Bool
    /// Changes something for real (the console asks, or the engine checks twice).
    public var dangerous: Bool

    public func description(_ language: Language) -> String { language == .spanish ? spanish : english }
    /// Whether `role` may use the key.
    public func allowed(for role: Role) -> Bool { permission.map(role.allows) ?? true }
    /// The people's roles that may use it, for the key table (nil: everyone).
    public var roles: [Role]? { permission.map { p in Role.assignable.filter { $0.allows(p) } } }
    public var keyLabel: String { keys.map(\.label).joined(separator: " ") }
}

public enum KeyRegistry {

    public static let bindings: [KeyBinding] = [
        KeyBinding(keys: [.char("q"), .function(10)], action: .quit, context: nil, spanish: "salir", english: "quit", permission: nil, visible: true, dangerous: false),
        KeyBinding(keys: [.char("?"), .function(1)], action: .help, context: nil, spanish: "ayuda", english: "help", permission: nil, visible: true, dangerous: false),
        KeyBinding(keys: [.tab], action: .nextPane, context: nil, spanish: "panel siguiente", english: "next pane", permission: nil, visible: true, dangerous: false),
        KeyBinding(keys: [.backTab], action: .previousPane, context: nil, spanish: "panel anterior", english: "previous pane", permission: nil, visible: false, dangerous: false),
        KeyBinding(keys: [.char("1")], action: .showMap, context: nil, spanish: "mapa", english: "map", permission: nil, visible: false, dangerous: false),
        KeyBinding(keys: [.char("2")], action: .showAlerts, context: nil, spanish: "alertas", english: "alerts", permission: nil, visible: false, dangerous: false),
        KeyBinding(keys: [.char("3")], action: .showHits, context: nil, spanish: "candidatos", english: "face hits", permission: nil, visible: false, dangerous: false),
        KeyBinding(keys: [.char("4")], action: .showFlags, context: nil, spanish: "señales", english: "social flags", permission: nil, visible: false, dangerous: false),
        KeyBinding(keys: [.char("h"), .left], action: .left, context: .map, spanish: "cursor a la izquierda", english: "cursor left", permission: nil, visible: false, dangerous: false),
        KeyBinding(keys: [.char("l"), .right], action: .right, context: .map, spanish: "cursor a la derecha", english: "cursor right", permission: nil, visible: false, dangerous: false),
        KeyBinding(keys: [.char("k"), .up], action: .up, context: nil, spanish: "arriba", english: "up", permission: nil, visible: false, dangerous: false),
        KeyBinding(keys: [.char("j"), .down], action: .down, context: nil, spanish: "abajo", english: "down", permission: nil, visible: false, dangerous: false),
        KeyBinding(keys: [.pageUp], action: .pageUp, context: nil, spanish: "página arriba", english: "page up", permission: nil, visible: false, dangerous: false),
        KeyBinding(keys: [.pageDown], action: .pageDown, context: nil, spanish: "página abajo", english: "page down", permission: nil, visible: false, dangerous: false),
        KeyBinding(keys: [.char("+"), .char("=")], action: .zoomIn, context: .map, spanish: "acercar", english: "zoom in", permission: nil, visible: true, dangerous: false),
        KeyBinding(keys: [.char("-")], action: .zoomOut, context: .map, spanish: "alejar", english: "zoom out", permission: nil, visible: true, dangerous: false),
        KeyBinding(keys: [.char("0")], action: .zoomReset, context: .map, spanish: "ver toda la ciudad", english: "whole city", permission: nil, visible: false, dangerous: false),
        KeyBinding(keys: [.char("t")], action: .horizon, context: nil, spanish: "horizonte 8 h / 24 h / 7 d", english: "horizon 8 h / 24 h / 7 d", permission: nil, visible: true, dangerous: false),
        KeyBinding(keys: [.char("m")], action: .model, context: nil, spanish: "modelo de pronóstico", english: "forecast model", permission: nil, visible: true, dangerous: false),
        KeyBinding(keys: [.char("g")], action: .centre, context: nil, spanish: "centrar el mapa en lo elegido", english: "centre the map on the selection", permission: nil, visible: true, dangerous: false),
        KeyBinding(keys: [.enter], action: .details, context: nil, spanish: "detalles", english: "details", permission: nil, visible: true, dangerous: false),
        KeyBinding(keys: [.escape], action: .back, context: nil, spanish: "cerrar / volver", english: "close / back", permission: nil, visible: false, dangerous: false),
        KeyBinding(keys: [.char("a"), .function(2)], action: .acknowledge, context: .alerts, spanish: "tomar (vista)", english: "acknowledge", permission: .handleAlerts, visible: true, dangerous: false),
        KeyBinding(keys: [.char("d"), .function(3)], action: .dispatch, context: .alerts, spanish: "despachar", english: "dispatch", permission: .handleAlerts, visible: true, dangerous: true),
        KeyBinding(keys: [.char("c"), .function(4)], action: .close, context: .alerts, spanish: "cerrar (pide cierre)", english: "close (asks disposition)", permission: .handleAlerts, visible: true, dangerous: true),
        KeyBinding(keys: [.char("h")], action: .hold, context: .alerts, spanish: "en espera / retomar", english: "hold / resume", permission: .handleAlerts, visible: true, dangerous: false),
        KeyBinding(keys: [.char("s")], action: .snooze, context: .alerts, spanish: "posponer", english: "snooze", permission: .handleAlerts, visible: true, dangerous: false),
        KeyBinding(keys: [.char("f")], action: .forward, context: .alerts, spanish: "derivar", english: "forward", permission: .handleAlerts, visible: true, dangerous: false),
        KeyBinding(keys: [.char("x")], action: .tickStep, context: .alerts, spanish: "marcar el paso siguiente", english: "tick the next procedure step", permission: .handleAlerts, visible: false, dangerous: false),
        KeyBinding(keys: [.char("C")], action: .bulkClose, context: .alerts, spanish: "cerrar las listadas (pregunta)", english: "close all listed (asks)", permission: .handleAlerts, visible: false, dangerous: true),
        KeyBinding(keys: [.char("N")], action: .note, context: .alerts, spanish: "agregar una nota", english: "add a note", permission: .handleAlerts, visible: false, dangerous: false),
        KeyBinding(keys: [.char("u")], action: .undo, context: nil, spanish: "deshacer la última toma, cierre, espera o derivación (10 s)", english: "undo your last acknowledge, close, snooze or forward (10 s)", permission: .handleAlerts, visible: false, dangerous: false),
        KeyBinding(keys: [.char("y"), .function(5)], action: .confirm, context: .hits, spanish: "confirmar candidato (con motivo)", english: "confirm candidate (with reason)", permission: .decideHits, visible: true, dangerous: true),
        KeyBinding(keys: [.char("n"), .function(6)], action: .reject, context: .hits, spanish: "rechazar candidato (con motivo)", english: "reject candidate (with reason)", permission: .decideHits, visible: true, dangerous: true),
        KeyBinding(keys: [.char("d"), .function(3)], action: .dispatch, context: .hits, spanish: "despachar (tras 2 confirmaciones)", english: "dispatch (after 2 confirmations)", permission: .decideHits, visible: true, dangerous: true),
        KeyBinding(keys: [.char("y"), .function(5)], action: .confirm, context: .flags, spanish: "creíble: crea alerta (con motivo)", english: "credible: raise alert (with reason)", permission: .reviewFlags, visible: true, dangerous: true),
        KeyBinding(keys: [.char("n"), .function(6)], action: .reject, context: .flags, spanish: "no creíble: se borra (con motivo)", english: "not credible: deleted (with reason)", permission: .reviewFlags, visible: true, dangerous: true),
        KeyBinding(keys: [.char("/")], action: .filter, context: nil, spanish: "filtrar la lista", english: "filter the list", permission: nil, visible: false, dangerous: false),
        KeyBinding(keys: [.char(":")], action: .command, context: nil, spanish: "comando (login, lang, theme, model, horizon, help, quit)", english: "command (login, lang, theme, model, horizon, help, quit)", permission: nil, visible: false, dangerous: false),
        KeyBinding(keys: [.char("S"), .function(7)], action: .shiftView, context: nil, spanish: "resumen del turno (vista)", english: "shift summary (view)", permission: .exportReports, visible: true, dangerous: false),
        KeyBinding(keys: [.char("A"), .function(8)], action: .auditView, context: nil, spanish: "registro de auditoría (solo lectura)", english: "audit trail (read-only)", permission: .verifyAudit, visible: true, dangerous: false),
        KeyBinding(keys: [.char(" ")], action: .pause, context: nil, spanish: "pausar / seguir la repetición", english: "pause / resume the replay", permission: nil, visible: false, dangerous: false),
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
