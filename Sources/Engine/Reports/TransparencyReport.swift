import Foundation
import Hotspots

/// What a ministry could publish about a period (safeguard 12): aggregates
/// only. No name, handle, order reference, camera, free-text reason or
/// embedding is ever put in it; a test checks the rendered report for them.
public struct TransparencyReport: Codable, Sendable, Equatable {
    public var period: ReportWindow
    public var generatedAt: String
    public var faces: Faces
    public var watchlist: Watchlist
    public var calibration: CalibrationResult?
    public var social: Social
    public var alerts: Alerts
    public var forecast: Forecast?
    /// Patrol boxes issued in the period and what was recorded in them, without who issued them.
    public var patrols: DosageSection?
    public var audit: Audit
    /// Oversight of face search, without names.
    public var oversight: OversightSection? = nil

    public struct Faces: Codable, Sendable, Equatable {
        public var probesReceived: Int
        public var probesSearched: Int
        public var belowThreshold: Int
        public var droppedUnauthorised: Int
        public var notSearchedUncalibrated: Int
        public var candidates: Int
        public var confirmed: Int
        public var rejected: Int
        public var pending: Int
        public var dispatched: Int
        public var authorisations: Authorisations
    }

    /// Search authorisations that started in the period, by kind of scope.
    public struct Authorisations: Codable, Sendable, Equatable {
        public var total: Int
        public var urgent: Int
        public var urgentConfirmed: Int
        public var lapsed: Int
        public var revoked: Int
        public var wholeList: Int
        public var namedEntries: Int
        public var allCameras: Int
        public var namedCameras: Int
        public var medianHours: Double?
    }

    public struct DayCount: Codable, Sendable, Equatable {
        public var date: String
        public var entries: Int
    }

    public struct Watchlist: Codable, Sendable, Equatable {
        /// Entries searchable on each day of the period (at most 400 days listed).
        public var inForce: [DayCount]
        public var ordersIssued: Int
        public var expired: Int
        public var revoked: Int
        /// Offence categories of the entries in force at the end.
        public var offenceCategories: [String: Int]
    }

    public struct GroupRates: Codable, Sendable, Equatable {
        public var group: String
        public var nonMatedSearches: Int
        public var matedSearches: Int
        public var fpir: Double
        public var fnir: Double
    }

    public struct CalibrationResult: Codable, Sendable, Equatable {
        public var threshold: Double
        public var targetFPIR: Double
        public var measuredFPIR: Double?
        public var measuredFNIR: Double?
        public var calibratedAt: String?
        public var watchlistEntries: Int?
        public var groups: [GroupRates]
        /// Largest minus smallest rate across groups.
        public var fpirSpread: Double?
        public var fnirSpread: Double?
    }

    public struct Social: Codable, Sendable, Equatable {
        public var postsClassified: Int
        public var flagsByCategory: [String: Int]
        public var credible: Int
        public var notCredible: Int
        public var surgeAlerts: Int
        /// Posts the protected-speech guard kept out, and refused requests to follow, filter or geofence.
        public var protectedSpeechRefusals: Int
        public var configurationRefusals: Int
    }

    public struct Alerts: Codable, Sendable, Equatable {
        public var created: Int
        public var byPriority: [String: Int]
        public var dispositions: [String: Int]
    }

    public struct DistrictRow: Codable, Sendable, Equatable {
        public var district: String
        public var riskShare: Double
        public var topCellShare: Double
        public var incidentShare: Double
    }

    public struct Forecast: Codable, Sendable, Equatable {
        public var model: String
        /// Daily forecasts scored against the next day's incidents.
        public var days: Int
        public var incidents: Int
        public var coverage: [CoverageResult]
        public var gini: Double
        public var districts: [DistrictRow]
        /// Per district, its share of the latest forecast's top 5 % cells against its share of the incidents trained on.
        public var spread: [DistrictSpread.Row]
        public var spreadFactor: Double
        public var districtLabel: String?
    }

    public struct Audit: Codable, Sendable, Equatable {
        public var chainIntact: Bool
        public var records: Int
        public var exports: Int
        public var failedSignIns: Int
        /// The latest signed checkpoint: publishing it anchors the chain, since
        /// any later rewrite of the records up to it no longer matches.
        public var signedHead: SignedHead?
    }

    public struct SignedHead: Codable, Sendable, Equatable {
        public var sequence: Int64
        public var hash: String
        public var publicKey: String
        public var keyFingerprint: String
        public var signature: String
        /// The checkpoint log line itself: saved to a file, `vigia audit verify --checkpoints FILE --public-key KEY` checks the chain against it.
        public var line: String
    }
}
