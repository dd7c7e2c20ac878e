import Foundation

/// Storage as the engine sees it. Every mutating call takes the audit entry
/// that describes it and appends it in the same transaction, so no change
/// can land without its audit record, nor the record without the change.
/// `Store` implements these over SQLite; another store (e.g. PostgreSQL for
/// many consoles) can implement them without touching the engine.
public protocol AuditLog: Sendable {
    /// Appends a record that stands alone (a login, an export, a verification).
    @discardableResult func append(_ entry: AuditEntry) throws -> AuditRecord
    func verify() throws -> AuditVerification
    /// The verdict with the repairs that explain earlier breaks.
    func check() throws -> AuditChainCheck
    /// Records an admin's explained repair of every break found now; the
    /// breaks stay visible in later checks, named with this repair.
    func repair(reason: String, by principal: Principal) throws -> AuditRepair
    /// Every record's hash by sequence number, to compare with checkpoints.
    func hashesBySequence() throws -> [Int64: String]
    func records(from: Date?, to: Date?) throws -> [AuditRecord]
    /// The newest `limit` records, newest first.
    func latest(limit: Int) throws -> [AuditRecord]
    func recordCount() throws -> Int64
}

/// A stored operator and the salted hash of their passphrase.
public struct OperatorCredential: Hashable, Sendable {
    public var op: Operator
    /// Self-describing hash, e.g. `pbkdf2-sha256$600000$<salt>$<hash>`.
    public var passphraseHash: String

    public init(op: Operator, passphraseHash: String) {
        self.op = op
        self.passphraseHash = passphraseHash
    }
}

public protocol OperatorRepository: Sendable {
    func operatorCount() throws -> Int
    /// The operator whose name equals `name` ignoring case.
    func credential(named name: String) throws -> OperatorCredential?
    func operators() throws -> [Operator]
    /// Adds an operator; refused when a name equal to it ignoring case, or
    /// with the same look-alike skeleton (`OperatorName.skeleton`), exists.
    func add(_ credential: OperatorCredential, audit: AuditEntry) throws
    /// Deactivates or reactivates `name`; false when there is no such operator or nothing changes.
    func setActive(name: String, active: Bool, by: String, at: Date, audit: AuditEntry) throws -> Bool
    /// Reserves a sign-in attempt before its passphrase is checked, in one
    /// write transaction, or says how long `name` is locked for `source`.
    /// A lock is audited with `lockedAudit` in the same transaction.
    func reserveSignIn(name: String, source: String, at: Date, policy: SignInPolicy,
                       lockedAudit: (Int) -> AuditEntry) throws -> SignInReservation
    /// Records how a reserved attempt ended, with its audit record (none
    /// only where the chain cannot take one: checking or repairing it).
    func finishSignIn(id: Int64, outcome: SignInOutcome, audit: AuditEntry?) throws
    /// Clears the counted failures of `name` (an admin's unlock); returns how many.
    func clearSignInFailures(name: String, audit: AuditEntry) throws -> Int
}

/// An incident ready to store, with the fingerprint that makes ingest idempotent.
public struct IncidentRecord: Hashable, Sendable {
    public var incident: Incident
    /// Equal for the same row of the same data, whichever file or run brings it.
    public var fingerprint: Int64

    public init(incident: Incident, fingerprint: Int64) {
        self.incident = incident
        self.fingerprint = fingerprint
    }
}

/// Rejected input, kept with where it came from and why.
public struct QuarantineItem: Hashable, Sendable {
    public var feed: String
    public var source: String
    public var line: Int
    public var field: String?
    public var reason: String
    /// The offending input, cut short. Never biometric content.
    public var excerpt: String

    public init(feed: String, source: String, line: Int, field: String?, reason: String, excerpt: String) {
        self.feed = feed
        self.source = source
        self.line = line
        self.field = field
        self.reason = reason
        self.excerpt = excerpt
    }
}

/// Counts that describe the stored incidents.
public struct IncidentSummary: Hashable, Sendable, Codable {
    public var total: Int
    public var first: Date?
    public var last: Date?
    public var byType: [String: Int]
    public var bySource: [String: Int]
    public var byParentDistrict: [String: Int]

    public init(total: Int, first: Date?, last: Date?, byType: [String: Int], bySource: [String: Int],
                byParentDistrict: [String: Int]) {
        self.total = total
        self.first = first
        self.last = last
        self.byType = byType
        self.bySource = bySource
        self.byParentDistrict = byParentDistrict
    }
}

public protocol IncidentRepository: Sendable {
    /// Stores new incidents and quarantined rows in one transaction with the
    /// audit entry (whose details receive the inserted count); returns how
    /// many incidents were new.
    func insert(_ records: [IncidentRecord], quarantine: [QuarantineItem], audit: AuditEntry) throws -> Int
    func incidents(from: Date?, to: Date?) throws -> [Incident]
    func summary() throws -> IncidentSummary
}

public protocol QuarantineRepository: Sendable {
    func quarantineCount() throws -> Int
    func quarantined(feed: String?, limit: Int) throws -> [QuarantineItem]
}

/// A district boundary layer ("barrios", "comunas") kept as its GeoJSON.
public struct BoundaryLayer: Hashable, Sendable {
    public var layer: String
    public var nameKey: String
    public var parentKey: String?
    public var geoJSON: Data
    public var source: String
    public var featureCount: Int

    public init(layer: String, nameKey: String, parentKey: String?, geoJSON: Data, source: String, featureCount: Int) {
        self.layer = layer
        self.nameKey = nameKey
        self.parentKey = parentKey
        self.geoJSON = geoJSON
        self.source = source
        self.featureCount = featureCount
    }
}

public protocol BoundaryRepository: Sendable {
    func save(_ layer: BoundaryLayer, audit: AuditEntry) throws
    func layer(named: String) throws -> BoundaryLayer?
    func layerNames() throws -> [String]
    /// Every layer's name, keys and feature count, without its GeoJSON.
    func layerSummaries() throws -> [(layer: String, parentKey: String?, featureCount: Int)]
}
