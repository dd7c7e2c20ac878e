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

    public init(id: Int64, entries: [String]?, cameras: [String]?, from: Date, to: Date, reason: String, approvedBy: String,
                urgent: Bool, confirmedBy: String? = nil, revokedAt: Date? = nil, createdAt: Date) {
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

    public func covers(camera: String, at time: Date) -> Bool {
        revokedAt == nil && time >= from && time < to && (cameras?.contains(camera) ?? true)
            && !(urgent && confirmedBy == nil && time >= createdAt.addingTimeInterval(Self.urgentLapse))
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

public protocol FaceSearchRepository: Sendable {
    func createAuthorisation(_ a: SearchAuthorisation, audit: AuditEntry) throws -> Int64
    func authorisations() throws -> [SearchAuthorisation]
    func confirmAuthorisation(id: Int64, by name: String, audit: AuditEntry) throws -> Bool
    /// Revokes an authorisation and deletes every hit made under it.
    func revokeAuthorisation(id: Int64, at: Date, audit: AuditEntry) throws -> Int
    func insertHits(_ hits: [(hit: Hit, authorisation: Int64)]) throws
    func hit(id: Int64) throws -> Hit?
    func hits(states: [HitState]?) throws -> [Hit]
    func decisions(hitID: Int64) throws -> [HitDecision]
    /// The decisions on each of these hits, oldest first, read in one transaction.
    func decisions(hitIDs: [Int64]) throws -> [Int64: [HitDecision]]
    /// Records a decision and moves the hit to `newState` if it is still in `expected`.
    func decide(_ d: HitDecision, expected: HitState, newState: HitState, audit: AuditEntry) throws -> Bool
}
