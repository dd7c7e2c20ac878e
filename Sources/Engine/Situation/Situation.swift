import CameraAlerts
import Foundation
import Hotspots
import VigiaCore

/// An immutable snapshot of everything the console shows. The console renders
/// it and never asks the database or runs an analysis itself.
public struct Situation: Sendable {
    public struct Header: Sendable, Equatable {
        public var now: Date
        /// Replay speed (×), nil when live.
        public var replaySpeed: Double?
        public var shift: String
        public var operatorName: String
        public var role: Role
        /// Whether the audit chain verified (checked at most once a minute).
        public var auditIntact: Bool
        public var timeZone: TimeZone
        /// The replay reached its end: its clock stands still there.
        public var replayEnded: Bool
        public init(now: Date, replaySpeed: Double?, shift: String, operatorName: String, role: Role,
                    auditIntact: Bool, timeZone: TimeZone, replayEnded: Bool = false) {
            self.now = now; self.replaySpeed = replaySpeed; self.shift = shift; self.operatorName = operatorName; self.role = role
            self.auditIntact = auditIntact; self.timeZone = timeZone; self.replayEnded = replayEnded
        }
    }

    /// The forecast shaded on the map.
    public struct RiskLayer: Sendable {
        public var model: String
        public var horizonHours: Double
        public var grid: Grid
        /// Expected incidents per grid cell in the horizon.
        public var expected: [Double]
        /// Incidents per grid cell in the 30 days before `now`.
        public var recent: [Int32]
        /// Peak hours of the top cells, by grid cell.
        public var peakHours: [Int: [Int]]
        /// How good this model has been lately: hit rate and PAI at 5 % of the area, last 7 days.
        public var hitRate: Double?
        public var pai: Double?
        /// The hit rate's 95 % interval (Wilson, pooled over the 7 days) and PEI.
        public var hitRateInterval: Interval95?
        public var pei: Double?
        /// Gini of risk across cells (safeguard 8: how concentrated the forecast is).
        public var gini: Double
        /// Each grid cell's absolute risk class over the whole city (see `RiskClass`).
        public var classes: [UInt8]
        public init(model: String, horizonHours: Double, grid: Grid, expected: [Double], recent: [Int32],
                    peakHours: [Int: [Int]], hitRate: Double?, pai: Double?, gini: Double,
                    hitRateInterval: Interval95? = nil, pei: Double? = nil) {
            self.model = model; self.horizonHours = horizonHours; self.grid = grid; self.expected = expected
            self.recent = recent; self.peakHours = peakHours; self.hitRate = hitRate; self.pai = pai; self.gini = gini
            self.hitRateInterval = hitRateInterval; self.pei = pei
            self.classes = RiskClass.classes(of: expected)
        }
    }

    /// A registered camera: on the map where it stands, and a row of the camera pane.
    public struct CameraMarker: Sendable, Equatable {
        public var id: String, name: String, position: PlanarPoint?, online: Bool, health: String
        /// Its barrio, its newest event the feed saw (never a face probe), and its open alerts.
        public var district: String?, lastEvent: Date?, openAlerts: Int
        public init(id: String, name: String, position: PlanarPoint?, online: Bool, health: String,
                    district: String? = nil, lastEvent: Date? = nil, openAlerts: Int = 0) {
            self.id = id; self.name = name; self.position = position; self.online = online; self.health = health
            self.district = district; self.lastEvent = lastEvent; self.openAlerts = openAlerts
        }
    }

    public struct AlertItem: Sendable, Equatable {
        public var id: Int64, priority: Int, state: AlertState, rule: String, camera: String?, title: String
        public var createdAt: Date, escalated: Bool, position: PlanarPoint?, procedure: String, evidence: [String: String]
        public var history: [String]
        /// The procedure's numbered steps, each with who ticked it and when ("dina 21:04"), nil while not done.
        public var steps: [Step]
        /// When what raised it ended at the edge (Frigate's review `end`).
        public var endedAt: Date?
        /// Its notes, oldest first, each "21:04 dina: text".
        public var notes: [String]
        public init(id: Int64, priority: Int, state: AlertState, rule: String, camera: String?, title: String, createdAt: Date,
                    escalated: Bool, position: PlanarPoint?, procedure: String, evidence: [String: String], history: [String] = [],
                    steps: [Step]? = nil, endedAt: Date? = nil, notes: [String] = []) {
            self.endedAt = endedAt
            self.notes = notes
            self.id = id; self.priority = priority; self.state = state; self.rule = rule; self.camera = camera; self.title = title
            self.createdAt = createdAt; self.escalated = escalated; self.position = position; self.procedure = procedure
            self.evidence = evidence; self.history = history
            self.steps = steps ?? ProcedureSteps.split(procedure).map { Step(text: $0, done: nil) }
        }

        public struct Step: Sendable, Equatable {
            public var text: String
            public var done: String?
            public init(text: String, done: String?) { self.text = text; self.done = done }
        }

        /// The first step not ticked yet (1-based), nil when none is left.
        public var nextStep: Int? { steps.firstIndex { $0.done == nil }.map { $0 + 1 } }
    }

    public struct HitItem: Sendable, Equatable {
        public var id: Int64, candidate: String, similarity: Double, orderReference: String, court: String
        public var camera: String, time: Date, confirmations: Int, state: HitState, position: PlanarPoint?
        /// The evidence a reviewer weighs: the match threshold in force, the
        /// candidate's rank among the probe's candidates, and where the camera is.
        public var threshold: Double?, rank: Int, cameraName: String?
        public init(id: Int64, candidate: String, similarity: Double, orderReference: String, court: String, camera: String,
                    time: Date, confirmations: Int, state: HitState, position: PlanarPoint?,
                    threshold: Double? = nil, rank: Int = 1, cameraName: String? = nil) {
            self.id = id; self.candidate = candidate; self.similarity = similarity; self.orderReference = orderReference
            self.court = court; self.camera = camera; self.time = time; self.confirmations = confirmations; self.state = state
            self.position = position; self.threshold = threshold; self.rank = rank; self.cameraName = cameraName
        }
    }

    public struct FlagItem: Sendable, Equatable {
        public var id: Int64, category: ThreatCategory, score: Double, phrases: [String], text: String
        public var time: Date, district: String?, position: PlanarPoint?
        public init(id: Int64, category: ThreatCategory, score: Double, phrases: [String], text: String, time: Date,
                    district: String?, position: PlanarPoint?) {
            self.id = id; self.category = category; self.score = score; self.phrases = phrases; self.text = text
            self.time = time; self.district = district; self.position = position
        }
    }

    public struct PatrolBox: Sendable, Equatable {
        public var centre: PlanarPoint, size: Double
        public init(centre: PlanarPoint, size: Double) { self.centre = centre; self.size = size }
    }

    /// One audit record as the audit view lists it.
    public struct AuditLine: Sendable, Equatable {
        public var sequence: Int64, time: Date, operatorName: String, role: String, action: String, subject: String, details: String
        public init(sequence: Int64, time: Date, operatorName: String, role: String, action: String, subject: String, details: String) {
            self.sequence = sequence; self.time = time; self.operatorName = operatorName; self.role = role; self.action = action
            self.subject = subject; self.details = details
        }
    }

    /// What a review view shows: the shift so far, or the audit trail (newest first).
    public enum Review: Sendable, Equatable {
        case shift(ShiftSummary)
        case audit([AuditLine], total: Int)
        /// The engine refused (the role may not see it) or could not build it.
        case unavailable(String)
    }

    public var header: Header
    /// Set when the console asked for a review view.
    public var review: Review?
    /// District boundaries in the map's projection (nil when none are loaded).
    public var districts: DistrictIndex?
    public var risk: RiskLayer?
    public var cameras: [CameraMarker]
    public var alerts: [AlertItem]
    public var hits: [HitItem]
    public var flags: [FlagItem]
    public var patrol: [PatrolBox]
    /// Confirmed sightings of one entry, in time order.
    public var trails: [[PlanarPoint]]
    /// Unhandled counts for the title bar.
    public var unhandledAlerts: Int { alerts.filter { $0.state == .new }.count }
    public var pendingHits: Int { hits.filter { $0.state == .pending || $0.state == .confirmedOnce }.count }
    public var pendingFlags: Int { flags.count }

    public init(header: Header, districts: DistrictIndex?, risk: RiskLayer?, cameras: [CameraMarker], alerts: [AlertItem],
                hits: [HitItem], flags: [FlagItem], patrol: [PatrolBox], trails: [[PlanarPoint]]) {
        self.header = header; self.districts = districts; self.risk = risk; self.cameras = cameras; self.alerts = alerts
        self.hits = hits; self.flags = flags; self.patrol = patrol; self.trails = trails
    }
}

/// Absolute risk classes, as the shift summary's map draws them: a cell is
/// in the top 1 %, 5 %, 10 % or 20 % of the city's cells by expected
/// incidents, or below. The same cell has the same class in every view and
/// at every zoom, so a tenth of any view is not always red (issue 23).
public enum RiskClass {
    /// Upper bounds of the classes, as shares of the city's cells, highest class first.
    public static let shares: [Double] = [0.01, 0.05, 0.10, 0.20]

    /// The cells with expected incidents, riskiest first (a tie in cell order).
    public static func ranked(_ expected: [Double]) -> [Int] {
        expected.indices.filter { expected[$0] > 0 }.sorted { (expected[$0], $1) > (expected[$1], $0) }
    }

    /// 0 (no expected incidents), 1 (below the top 20 %), 2 (top 20 %), 3 (top 10 %), 4 (top 5 %), 5 (top 1 %).
    /// Cells of equal risk share the class of the best-ranked among them.
    public static func classes(of expected: [Double]) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: expected.count)
        let ranked = Self.ranked(expected)
        guard !ranked.isEmpty else { return out }
        let n = Double(ranked.count)
        var tieStart = 0
        for (rank, cell) in ranked.enumerated() {
            // Equal risk, equal class: a tie takes the class of its best rank.
            if rank > 0, expected[cell] != expected[ranked[rank - 1]] { tieStart = rank }
            let share = Double(tieStart + 1) / n
            var c: UInt8 = 1
            for (i, s) in shares.enumerated() where share <= s { c = UInt8(5 - i); break }
            out[cell] = c
        }
        return out
    }
}
