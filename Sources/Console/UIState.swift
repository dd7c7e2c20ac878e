import Engine
import VigiaCore

/// What the console asks the engine to do; the app runs it and reports back.
public enum EngineCommand: Sendable, Equatable {
    case alert(Int64, AlertCommand)
    case decideHit(Int64, confirm: Bool, reason: String)
    case dispatchHit(Int64)
    case reviewFlag(Int64, credible: Bool, reason: String)
    case signIn(name: String, passphrase: String)
    case setTheme(String)
    case reloadForecast
    /// Rebuild the situation now (a review view opened or closed).
    case refresh
    case quit
}

/// A line of text the console is asking for.
public struct Prompt: Sendable, Equatable {
    public enum Purpose: Sendable, Equatable {
        case hitReason(id: Int64, confirm: Bool)
        case flagReason(id: Int64, credible: Bool)
        case snoozeMinutes(id: Int64)
        case forwardTo(id: Int64)
        case disposition(id: Int64)
        case quit
        case command
        case filter
        case passphrase(name: String)
    }
    public var purpose: Purpose
    public var text: String = ""
    public init(purpose: Purpose, text: String = "") { self.purpose = purpose; self.text = text }
}

public enum Overlay: Sendable, Equatable {
    case help
    case details
    case prompt(Prompt)
}

/// Everything about the console that is not the situation: focus, selections,
/// map view, overlays, language and glyphs.
public struct UIState: Sendable, Equatable {
    public var language: Language
    public var glyphs: GlyphSet
    public var focus: Pane = .map
    public var selection: [Pane: Int] = [:]
    /// The id of the item selected in each list pane: the selection follows
    /// the item, not its row, when the list is rebuilt (new alerts arrive,
    /// escalations reorder), so a key always acts on the item the highlight showed.
    public var selectedIDs: [Pane: Int64] = [:]
    /// Map view: 1 shows the whole city; centre and cursor in projected metres.
    public var zoom: Double = 1
    public var centre: PlanarPoint?
    public var cursor: PlanarPoint?
    public var horizonHours: Double = 8
    public var model = "recency"
    public var overlay: Overlay?
    public var message: String?
    public var filter = ""
    public var paused = false
    /// A review view (shift so far, audit trail) shown instead of the panes, and how far it is scrolled.
    public var review: SituationSource.ReviewKind?
    public var reviewScroll = 0
    /// The guided tour's step, when the tour runs.
    public var tourStep: Int?

    public init(language: Language, glyphs: GlyphSet) {
        self.language = language
        self.glyphs = glyphs
    }

    public func selected(_ pane: Pane) -> Int { selection[pane] ?? 0 }
    public static let horizons: [Double] = [8, 24, 168]
    public static let models = ["recency", "prior", "kde", "prospective", "etas"]
}
