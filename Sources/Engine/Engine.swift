import Foundation
import Logging
import Store
import Synchronization
import VigiaCore

/// The in-process engine: every command goes through here, is checked
/// against the caller's role and lands in storage with its audit record.
/// It talks to storage only through the repository protocols of `VigiaCore`.
public final class Engine: Sendable {
    public let audit: any AuditLog
    public let operators: any OperatorRepository
    public let incidents: any IncidentRepository
    public let quarantine: any QuarantineRepository
    public let boundaries: any BoundaryRepository
    public let clock: any TimeSource
    public let timeZone: TimeZone
    /// Where the database lives, for messages.
    public let location: String
    let logger: Logger
    private let districtCache = Mutex<DistrictIndex??>(nil)

    public init(audit: any AuditLog, operators: any OperatorRepository, incidents: any IncidentRepository,
                quarantine: any QuarantineRepository, boundaries: any BoundaryRepository,
                clock: any TimeSource, timeZone: TimeZone, location: String) {
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

    /// Opens the SQLite store at `path` (created 0600 when missing).
    public convenience init(databasePath path: String, clock: any TimeSource = SystemTimeSource(),
                            timeZone: TimeZone? = nil) throws {
        let database = try VigiaDatabase(path: path, clock: clock)
        let zone = try timeZone ?? TimeZone.named(TimeParser.defaultTimeZoneIdentifier)
        self.init(audit: database.audit, operators: database.operators, incidents: database.incidents,
                  quarantine: database.quarantine, boundaries: database.boundaries, clock: clock,
                  timeZone: zone, location: path)
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
        var best: (layer: BoundaryLayer, features: [GeoFeature])?
        for name in try boundaries.layerNames() {
            guard let layer = try boundaries.layer(named: name) else { continue }
            let features = try GeoJSONReader.read(layer.geoJSON, source: layer.source)
            let better: Bool
            if let current = best {
                let a = (layer.parentKey != nil, features.count), b = (current.layer.parentKey != nil, current.features.count)
                better = a.0 != b.0 ? a.0 : a.1 > b.1
            } else {
                better = true
            }
            if better { best = (layer, features) }
        }
        let index = best.map { best in
            DistrictIndex(features: best.features, nameKey: best.layer.nameKey, parentKey: best.layer.parentKey,
                          projection: LocalProjection(reference: Self.centre(of: best.features)))
        }
        districtCache.withLock { $0 = .some(index) }
        return index
    }

    func forgetDistricts() {
        districtCache.withLock { $0 = nil }
    }

    static func centre(of features: [GeoFeature]) -> GeoPoint {
        var minLat = 90.0, maxLat = -90.0, minLon = 180.0, maxLon = -180.0
        for f in features { for p in f.polygons { for q in p.outer {
            minLat = min(minLat, q.latitude); maxLat = max(maxLat, q.latitude)
            minLon = min(minLon, q.longitude); maxLon = max(maxLon, q.longitude)
        } } }
        guard minLat <= maxLat else { return GeoPoint(latitude: 0, longitude: 0) }
        return GeoPoint(latitude: (minLat + maxLat) / 2, longitude: (minLon + maxLon) / 2)
    }
}
