import Foundation
import Engine
import VigiaCore

/// The command a key asks the loop to run (at most one per key, in a
/// `Reaction`): an engine `Command` (the same vocabulary the CLI builds),
/// a sign-in, or a theme, which only the terminal can load. The loop runs
/// it and gives the `CommandResult` back to the reducer.
public enum EngineCommand: Sendable, Equatable {
    case engine(Command)
    case signIn(name: String, passphrase: String)
    case setTheme(String)

    public static func alert(_ id: Int64, _ command: AlertCommand) -> EngineCommand { .engine(.alert(id, command)) }
    /// Undo the operator's own last action on this alert.
    public static func undoAlert(_ id: Int64) -> EngineCommand { .engine(.undo(alert: id)) }
    /// Close every alert listed with one disposition and one reason.
    public static func bulkClose(_ ids: [Int64], _ d: Disposition, reason: String) -> EngineCommand { .engine(.closeAll(ids, d, reason: reason)) }
    public static func decideHit(_ id: Int64, confirm: Bool, reason: String) -> EngineCommand { .engine(.decideHit(id, confirm: confirm, reason: reason)) }
    public static func dispatchHit(_ id: Int64) -> EngineCommand { .engine(.dispatchHit(id)) }
    public static func reviewFlag(_ id: Int64, credible: Bool, reason: String) -> EngineCommand {
        .engine(.reviewFlag(id, credible: credible, reason: reason))
    }
}

/// A line of text the console is asking for.
public struct Prompt: Sendable, Equatable {
    public enum Purpose: Sendable, Equatable {
        case hitReason(id: Int64, confirm: Bool)
        case flagReason(id: Int64, credible: Bool)
        case snoozeMinutes(id: Int64)
        case forwardTo(id: Int64)
        /// After the recipient: the message they get (stored in the history with their name).
        case forwardMessage(id: Int64, to: String)
        /// A note on an alert, kept with who and when.
        case note(id: Int64)
        /// `C` on a filtered alert list: the disposition for all of them, then the reason.
        case bulkDisposition(ids: [Int64], unfiltered: Bool)
        case bulkReason(ids: [Int64], disposition: Disposition)
        case disposition(id: Int64)
        /// A dangerous key asks first, naming the item: y (or s) does it, n or Esc does not, anything else is swallowed.
        case dispatchAlert(id: Int64, title: String)
        case dispatchHit(id: Int64)
        case quit
        case command
        case filter
        case passphrase(name: String)
    }
    public var purpose: Purpose
    public var text: String = ""
    /// What Tab found to fit when more than one word does (the `:` palette), shown after the text.
    public var choices: [String] = []
    public init(purpose: Purpose, text: String = "", choices: [String] = []) { self.purpose = purpose; self.text = text; self.choices = choices }
}

public enum Overlay: Sendable, Equatable {
    case help
    case details
    case prompt(Prompt)
    /// The notes the last shift left, shown at sign-in (newest first).
    case handover([HandoverNote])
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
    /// A new priority-1 alert, announced on the message row without taking
    /// the keyboard: it stays until Esc, `2` (the alerts), or 30 s pass.
    public var banner: Banner?
    /// Each list pane's own filter (`/`): it narrows that pane only, and its
    /// title shows it with the true count.
    public var filters: [Pane: String] = [:]
    /// The filter of the open review view.
    public var reviewFilter = ""
    /// The filter `/`, Esc and the message line work on: the review view's
    /// when one is open, else the focused pane's.
    public var filter: String {
        get { review != nil ? reviewFilter : filters[focus] ?? "" }
        set {
            if review != nil { reviewFilter = newValue } else if newValue.isEmpty { filters[focus] = nil } else { filters[focus] = newValue }
        }
    }
    public var paused = false
    /// A replay of a stored shift, whose clock `[` and `]` can move.
    public var canSeek = false
    /// When the operator last left each list pane: later items are marked new there.
    public var seenUntil: [Pane: Date] = [:]
    /// The themes `:theme` can load (Tab completes them): the shipped ones, and any the console found in its theme folders.
    public var themeNames = Theme.shipped
    /// The alert this operator last acted on, for `u` (it may have left the list).
    public var lastActedAlert: Int64?
    /// A view at a past time (`--at`): the title says so and actions are refused.
    public var readOnly = false
    /// A review view (shift so far, audit trail) shown instead of the panes, and how far it is scrolled.
    public var review: SituationSource.ReviewKind?
    public var reviewScroll = 0
    /// The first help line shown, when the help scrolls (a small screen).
    public var helpScroll = 0
    /// The guided tour's step, when the tour runs.
    public var tourStep: Int?
    /// The tour's steps (`--tour`, from the sample data); empty without one.
    public var tour: [Tour.Step] = []

    public init(language: Language, glyphs: GlyphSet) {
        self.language = language
        self.glyphs = glyphs
    }

    public func selected(_ pane: Pane) -> Int { selection[pane] ?? 0 }
    public static let horizons: [Double] = [8, 24, 168]
    public static let models = ["recency", "prior", "kde", "prospective", "etas"]
}

/// The announcement of a new priority-1 alert.
public struct Banner: Sendable, Equatable {
    public var alertID: Int64
    public var title: String
    /// When it was raised on this console (wall clock), for its 30 s.
    public var shownAt: Date
    public static let seconds: TimeInterval = 30

    public init(alertID: Int64, title: String, shownAt: Date) {
        self.alertID = alertID
        self.title = title
        self.shownAt = shownAt
    }
}
