import Foundation

/// Permission to search faces: which entries, which cameras, when, who approved it (safeguard 3).
public struct SearchAuthorisation: Hashable, Sendable, Codable {
    public var id: Int64
    /// Nil means the whole list.
    public var entries: [String]?
    /// Nil means every camera.
    public var cameras: [String]?
    public var from: Date
    public var to: Date
    public var reason: String
    public var approvedBy: String
    public var urgent: Bool
    public var confirmedBy: String?
    public var revokedAt: Date?
    public var createdAt: Date
    /// A wide authorisation (a long window, or every entry on every camera)
    /// is in force only once a second supervisor confirmed it.
    public var needsSecondApproval: Bool

    public init(id: Int64, entries: [String]?, cameras: [String]?, from: Date, to: Date, reason: String, approvedBy: String,
                urgent: Bool, confirmedBy: String? = nil, revokedAt: Date? = nil, createdAt: Date, needsSecondApproval: Bool = false) {
        self.needsSecondApproval = needsSecondApproval
        self.id = id
        self.entries = entries
        self.cameras = cameras
        self.from = from
        self.to = to
        self.reason = reason
        self.approvedBy = approvedBy
        self.urgent = urgent
        self.confirmedBy = confirmedBy
        self.revokedAt = revokedAt
        self.createdAt = createdAt
    }

    /// An urgent authorisation lapses after 24 h unless a second person confirmed it.
    public static let urgentLapse: TimeInterval = 24 * 3600

    /// Lapsed: urgent, unconfirmed, and 24 h old. A fact of time, true at
    /// every use whether or not a sweep has marked it.
    public func isLapsed(at now: Date) -> Bool {
        urgent && confirmedBy == nil && now >= createdAt.addingTimeInterval(Self.urgentLapse)
    }

    /// In force at `now`: not revoked, not lapsed, and confirmed when it
    /// needs a second approval (urgent ones start at once).
    public func isInForce(at now: Date) -> Bool {
        revokedAt == nil && !isLapsed(at: now) && (urgent || !needsSecondApproval || confirmedBy != nil)
    }

    /// Whether a probe from `camera` at `time` may be searched under it.
    public func covers(camera: String, at time: Date) -> Bool {
        isInForce(at: time) && time >= from && time < to && (cameras?.contains(camera) ?? true)
    }
}

/// A person's decision on a candidate.
public struct HitDecision: Hashable, Sendable, Codable {
    public var hitID: Int64
    public var operatorName: String
    public var confirm: Bool
    public var reason: String
    public var at: Date

    public init(hitID: Int64, operatorName: String, confirm: Bool, reason: String, at: Date) {
        self.hitID = hitID
        self.operatorName = operatorName
        self.confirm = confirm
        self.reason = reason
        self.at = at
    }
}

/// One use of face search under an authorisation, with one watchlist version
/// (EU AI Act art. 12(3)): when it started and ended, what was searched, and
/// how many probes and candidates it made. Counts only: no probe is stored.
public struct AuthorisationUse: Hashable, Sendable, Codable {
    public var authorisationID: Int64
    /// SHA-256 (hex) of the entries in force that were searched: ids, order references, expiries.
    public var watchlistVersion: String
    public var entries: Int
    public var firstProbe: Date
    public var lastProbe: Date
    public var probes: Int
    public var hits: Int

    public init(authorisationID: Int64, watchlistVersion: String, entries: Int, firstProbe: Date, lastProbe: Date, probes: Int, hits: Int) {
        self.authorisationID = authorisationID
        self.watchlistVersion = watchlistVersion
        self.entries = entries
        self.firstProbe = firstProbe
        self.lastProbe = lastProbe
        self.probes = probes
        self.hits = hits
    }
}

public protocol FaceSearchRepository: Sendable {
    func createAuthorisation(_ a: SearchAuthorisation, audit: AuditEntry) throws -> Int64
    func authorisations() throws -> [SearchAuthorisation]
    func confirmAuthorisation(id: Int64, by name: String, audit: AuditEntry) throws -> Bool
    /// Revokes an authorisation and deletes every hit made under it, except
    /// dispatched ones (a unit was sent: the record stays, for review); returns
    /// how many were deleted and the ids kept.
    func revokeAuthorisation(id: Int64, at: Date, audit: (_ deleted: Int, _ kept: [Int64]) -> AuditEntry) throws -> (deleted: Int, kept: [Int64])
    func insertHits(_ hits: [(hit: Hit, authorisation: Int64)]) throws
    /// Adds these uses to the stored record (first and last probe widened, counts added).
    func recordUses(_ uses: [AuthorisationUse]) throws
    func uses(authorisation: Int64) throws -> [AuthorisationUse]
    func allUses() throws -> [AuthorisationUse]
    func hit(id: Int64) throws -> Hit?
    func hits(states: [HitState]?) throws -> [Hit]
    func decisions(hitID: Int64) throws -> [HitDecision]
    /// The decisions on each of these hits, oldest first, read in one transaction.
    func decisions(hitIDs: [Int64]) throws -> [Int64: [HitDecision]]
    /// Records a decision and moves the hit to `newState` if it is still in `expected`.
    func decide(_ d: HitDecision, expected: HitState, newState: HitState, audit: AuditEntry) throws -> Bool
}
