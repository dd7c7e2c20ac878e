import Foundation
import Logging
import Store
import Synchronization
// The domain types (alerts, roles, cameras, the audit actions) are part of the
// engine's vocabulary: a front end imports Engine and has them.
@_exported import VigiaCore

/// The in-process engine: every command goes through here, is checked
/// against the caller's role and lands in storage with its audit record.
/// Its repositories are internal: the command line and the console reach the
/// data only through engine commands and queries that name who is asking, so
/// every role check lives here (issue 19).
public final class Engine: Sendable {
    let audit: any AuditLog
    let operators: any OperatorRepository
    let incidents: any IncidentRepository
    let quarantine: any QuarantineRepository
    let boundaries: any BoundaryRepository
    let modelCache: (any ModelCacheRepository)?
    let alerts: any AlertRepository
    let cameras: any CameraRepository
    let settings: any SettingsRepository
    let watchlist: any WatchlistRepository
    let faceSearch: any FaceSearchRepository
    let social: any SocialRepository
    let retention: any RetentionRepository
    /// Issued patrol boxes (dosage); nil for an engine built without them.
    let patrols: (any PatrolRepository)?
    public let clock: any TimeSource
    public let timeZone: TimeZone
    /// Where the database lives, for messages.
    public let location: String
    /// Changes after every commit to the store, from any process (nil: not watched).
    let commits: (any ChangeCounter)?
    /// Signs the audit chain's head outside the database, when configured.
    let auditAnchor: AuditAnchor?
    let logger: Logger
    private let districtCache = Mutex<DistrictIndex??>(nil)

    public init(audit: any AuditLog, operators: any OperatorRepository, incidents: any IncidentRepository,
                quarantine: any QuarantineRepository, boundaries: any BoundaryRepository,
                modelCache: (any ModelCacheRepository)?, alerts: any AlertRepository, cameras: any CameraRepository,
                settings: any SettingsRepository, watchlist: any WatchlistRepository, faceSearch: any FaceSearchRepository,
                social: any SocialRepository, retention: any RetentionRepository, clock: any TimeSource, timeZone: TimeZone, location: String,
                auditAnchor: AuditAnchor? = nil, patrols: (any PatrolRepository)? = nil, commits: (any ChangeCounter)? = nil) {
        self.auditAnchor = auditAnchor
        self.commits = commits
        self.watchlist = watchlist
        self.patrols = patrols
        self.faceSearch = faceSearch
        self.social = social
        self.retention = retention
        self.modelCache = modelCache
        self.alerts = alerts
        self.cameras = cameras
        self.settings = settings
        self.audit = audit
        self.operators = operators
        self.incidents = incidents
        self.quarantine = quarantine
        self.boundaries = boundaries
        self.clock = clock
        self.timeZone = timeZone
        self.location = location
        var logger = Logger(label: "vigia.engine")
        logger.logLevel = .notice
        self.logger = logger
    }

    /// Opens the SQLite store at `path`; with `create`, a missing file is
    /// created (0600), else it is an error. With `anchor`, the audit chain's
    /// head is signed into a checkpoint log outside the file.
    public convenience init(databasePath path: String, clock: any TimeSource = SystemTimeSource(),
                            timeZone: TimeZone? = nil, maximumPageCount: Int? = nil, create: Bool = true,
                            anchor: AuditAnchorSettings? = nil) throws {
        let database = try VigiaDatabase(path: path, clock: clock, maximumPageCount: maximumPageCount, create: create, anchor: anchor)
        let zone = try timeZone ?? TimeZone.named(TimeParser.defaultTimeZoneIdentifier)
        self.init(audit: database.audit, operators: database.operators, incidents: database.incidents,
                  quarantine: database.quarantine, boundaries: database.boundaries, modelCache: database.modelCache,
                  alerts: database.alerts, cameras: database.cameras, settings: database.settings,
                  watchlist: database.watchlist, faceSearch: database.faceSearch, social: database.social, retention: database.retention, clock: clock,
                  timeZone: zone, location: path, auditAnchor: database.anchor, patrols: database.patrols,
                  commits: database.commitWatch)
    }

    /// An error in words: storage failures (disk full, read-only) say what to do.
    public func explain(_ error: any Error) -> String {
        StorageProblem.describe(error, path: location) ?? "\(error)"
    }

    /// A number that changes after every commit to the store by anyone
    /// (another console, a command line action, a feed worker); nil when
    /// the store cannot say. Consoles poll it to stay in step.
    public func storeChangeCount() -> Int? {
        try? commits?.changeCount()
    }

    /// Refuses unless `principal`'s role grants `permission`.
    public func require(_ permission: Permission, of principal: Principal) throws {
        guard principal.role.allows(permission) else {
            throw EngineError.forbidden(principal: principal.name, role: principal.role, permission: permission)
        }
    }

    /// The district layer used to place points: the finest layer that names
    /// a parent district, else the finest layer. Nil when none is loaded.
    public func districtIndex() throws -> DistrictIndex? {
        if let cached = districtCache.withLock({ $0 }) { return cached }
        let best = try lookupLayer()
        var index: DistrictIndex?
        if let best, let layer = try boundaries.layer(named: best.layer) {
            let features = try GeoJSONReader.read(layer.geoJSON, source: layer.source)
            index = DistrictIndex(features: features, nameKey: layer.nameKey, parentKey: layer.parentKey,
                                  projection: LocalProjection(reference: .boundingBoxCentre(of: features.lazy.flatMap(\.polygons).flatMap(\.outer))))
        }
        districtCache.withLock { $0 = .some(index) }
        return index
    }

    /// Which stored layer places points, chosen by the stored feature counts
    /// so that only that layer's GeoJSON is ever parsed.
    public func lookupLayer() throws -> (layer: String, parentKey: String?, featureCount: Int)? {
        try boundaries.layerSummaries().max { a, b in
            (a.parentKey != nil) != (b.parentKey != nil) ? b.parentKey != nil : a.featureCount < b.featureCount
        }
    }

    func forgetDistricts() {
        districtCache.withLock { $0 = nil }
    }
}
