import Foundation
import Hotspots

/// What a supervisor reviews after (or during) a shift: every number of the
/// summary, in one value. Markdown, HTML and JSON are renderings of it.
public struct ShiftSummary: Codable, Sendable, Equatable {
    public var shift: ReportWindow
    public var generatedAt: String
    public var alerts: AlertSection
    /// Nil when no incidents are stored to forecast from.
    public var forecast: ForecastSection?
    public var faces: FaceSection
    public var social: SocialSection
    public var cameras: [CameraOutage]
    public var audit: AuditSection
    /// Patrol boxes issued for the shift and what was recorded in them; nil when none were issued.
    public var patrols: DosageSection?
    /// Oversight of face search in the shift, with names (an internal report).
    public var oversight: OversightSection? = nil
}

/// A report's period, as local times.
public struct ReportWindow: Codable, Sendable, Equatable {
    public var start: String
    public var end: String
    public var hours: Double
    public var timeZone: String
}

/// Median and 90th percentile of one response interval, and the share that met its target.
public struct IntervalStats: Codable, Sendable, Equatable {
    /// Alerts the target applies to (created in the shift; for dispatch, see `PriorityResponse.dispatched`).
    public var alerts: Int
    /// How many reached the step before the shift ended.
    public var reached: Int
    public var medianSeconds: Double?
    public var p90Seconds: Double?
    public var targetSeconds: Double
    /// Alerts that reached the step within the target, over all `alerts` (an alert never handled missed it).
    public var metTarget: Int
    public var shareMet: Double?
}

public struct PriorityResponse: Codable, Sendable, Equatable {
    public var priority: Int
    public var acknowledged: IntervalStats
    /// Only alerts that were dispatched or whose rule requires dispatch; an
    /// alert closed as false alarm or duplicate without a unit sent needed
    /// none, so it meets the target by definition and is counted apart.
    public var dispatched: IntervalStats
    public var closed: IntervalStats
    /// Closed as false alarm or duplicate without being dispatched.
    public var closedWithoutDispatch: Int
    /// Neither dispatched, nor required to be, nor closed as false alarm or duplicate.
    public var dispatchNotNeeded: Int
}

public struct OperatorWorkload: Codable, Sendable, Equatable {
    public var name: String
    public var acknowledged: Int
    public var dispatched: Int
    public var closed: Int
    /// Holds, snoozes, forwards, resumes.
    public var other: Int
}

public struct HourCount: Codable, Sendable, Equatable {
    /// Local start of the hour, `HH:00`.
    public var hour: String
    /// Alerts created in the hour by priority 1…5 (index 0 is priority 1).
    public var byPriority: [Int]
}

public struct HistogramBin: Codable, Sendable, Equatable {
    /// Upper bound in seconds (exclusive); nil for the last, open bin.
    public var upToSeconds: Double?
    public var count: Int
}

public struct AlertSection: Codable, Sendable, Equatable {
    /// Alerts created in the shift.
    public var created: Int
    public var byRule: [String: Int]
    public var byPriority: [String: Int]
    /// State at the end of the shift, for every alert open at some moment of it.
    public var stateAtEnd: [String: Int]
    /// Dispositions given when closing, in the shift.
    public var dispositions: [String: Int]
    public var response: [PriorityResponse]
    /// Alerts still new (nobody acknowledged them) at the end of the shift.
    public var unhandledAtEnd: Int
    public var snoozed: Int
    public var forwarded: Int
    /// People only: the system actor's transitions (feeds closing alerts) are counted in `systemTransitions`.
    public var operators: [OperatorWorkload]
    public var systemTransitions: Int
    public var perHour: [HourCount]
    /// Created → acknowledged, for the chart.
    public var acknowledgeHistogram: [HistogramBin]
    /// The goal the targets are read against, e.g. 0.9 for "90 % within the target".
    public var goal: Double
    /// Alerts whose escalation (unacknowledged past `escalate_after`) came due in the shift.
    public var escalated: Int = 0
    /// Alerts closed at the end of the shift by a supervisor's override of the close condition (`alert.close.override`, not undone).
    public var closeOverrides: Int = 0
    public var procedures: ProcedureProgress = ProcedureProgress()
}

/// How far the rules' numbered procedures were followed on the shift's alerts.
public struct ProcedureProgress: Codable, Sendable, Equatable {
    /// Alerts open in the shift whose rule has steps.
    public var alerts: Int = 0
    public var steps: Int = 0
    /// Steps ticked in the shift.
    public var ticked: Int = 0
    /// Alerts with every step ticked by the end.
    public var complete: Int = 0
    /// Alerts closed in the shift with steps left unticked: id, rule, ticked and total.
    public var closedIncomplete: [IncompleteProcedure] = []
}

public struct IncompleteProcedure: Codable, Sendable, Equatable {
    public var alert: Int64
    public var rule: String
    public var ticked: Int
    public var steps: Int
}


public struct TopCell: Codable, Sendable, Equatable {
    public var rank: Int
    public var district: String?
    public var latitude: Double
    public var longitude: Double
    public var expected: Double
    /// Incidents of the shift that fell in the cell.
    public var incidents: Int
}

public struct DistrictShare: Codable, Sendable, Equatable {
    public var district: String
    public var incidents: Int
    public var incidentShare: Double
    public var forecastShare: Double
}

/// The shift's forecast (made at its start, for its length) against what happened.
public struct ForecastSection: Codable, Sendable, Equatable {
    public var model: String
    public var horizonHours: Double
    public var incidents: Int
    public var expected: Double
    public var coverage: [CoverageResult]
    public var topCells: [TopCell]
    public var districts: [DistrictShare]
    public var gini: Double
    /// For the map: the ranked top 5 % of cells and the shift's incidents, in metres from the map's origin.
    public var map: ForecastMap
    /// Per comuna: share of the top 5 % cells against share of the incidents trained on.
    public var spread: [DistrictSpread.Row]
    public var spreadFactor: Double
    /// What the districts of the spread are called (e.g. "comuna"), when the boundary layer says.
    public var districtLabel: String?
}

public struct ForecastMap: Codable, Sendable, Equatable {
    public struct Square: Codable, Sendable, Equatable { public var x: Double, y: Double, rank: Int }
    public struct Dot: Codable, Sendable, Equatable { public var x: Double, y: Double, inTopCells: Bool }
    public var width: Double
    public var height: Double
    public var cellSize: Double
    /// District outlines as closed paths (metres, y up).
    public var outlines: [[[Double]]]
    public var topCells: [Square]
    public var incidents: [Dot]
}

public struct FaceSection: Codable, Sendable, Equatable {
    /// Counts only (safeguard 1): probes received, searched, below threshold, dropped for lack of authorisation.
    public var probesReceived: Int
    public var probesSearched: Int
    public var belowThreshold: Int
    public var droppedUnauthorised: Int
    public var candidates: Int
    public var confirmed: Int
    public var rejected: Int
    public var pending: Int
    public var dispatched: Int
    public var medianSecondsToDecision: Double?
    public var threshold: Double?
    public var thresholdSetAt: String?
}

public struct SocialSection: Codable, Sendable, Equatable {
    public var postsClassified: Int
    public var flags: Int
    public var flagsByCategory: [String: Int]
    public var credible: Int
    public var notCredible: Int
    public var pendingAtEnd: Int
    public var surgeAlerts: Int
    public var protectedSpeechRefusals: Int
}

public struct CameraOutage: Codable, Sendable, Equatable {
    public var camera: String
    /// offline or tamper.
    public var kind: String
    public var from: String
    public var to: String?
    /// Within the shift.
    public var minutes: Double
}

public struct NotableAction: Codable, Sendable, Equatable {
    public var time: String
    public var operatorName: String
    public var action: String
    public var subject: String
}

public struct AuditSection: Codable, Sendable, Equatable {
    public var chainIntact: Bool
    /// When broken: the first bad record.
    public var firstBadRecord: Int64?
    public var recordsInShift: Int
    public var byAction: [String: Int]
    public var notable: [NotableAction]
}
