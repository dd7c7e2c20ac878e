import Foundation

/// A face embedding from an edge camera. Vigía never sees an image. A probe
/// that matches nothing must leave no trace (safeguard 1), so it is never stored.
public struct Probe: Hashable, Sendable, Codable {
    public var embedding: [Float]
    /// The edge model's own quality estimate, 0…1.
    public var quality: Double

    public init(embedding: [Float], quality: Double) {
        self.embedding = embedding
        self.quality = quality
    }
}

/// Why a watchlist entry may or may not be searched.
public enum WatchlistStatus: String, Hashable, Sendable, Codable {
    case active, expired, revoked
}

/// A wanted person, searchable only under a court order (safeguard 2).
public struct WatchlistEntry: Hashable, Sendable, Codable {
    public var id: String
    public var displayName: String
    public var courtOrderReference: String
    public var issuingCourt: String
    public var offenceCategory: String
    public var issuedOn: Date
    public var expiresOn: Date
    public var status: WatchlistStatus

    public init(id: String, displayName: String, courtOrderReference: String, issuingCourt: String,
                offenceCategory: String, issuedOn: Date, expiresOn: Date, status: WatchlistStatus = .active) {
        self.id = id
        self.displayName = displayName
        self.courtOrderReference = courtOrderReference
        self.issuingCourt = issuingCourt
        self.offenceCategory = offenceCategory
        self.issuedOn = issuedOn
        self.expiresOn = expiresOn
        self.status = status
    }

    /// Searchable now: active and the order has not lapsed.
    public func isSearchable(at date: Date) -> Bool {
        status == .active && date >= issuedOn && date < expiresOn
    }
}

/// Where a face-match candidate stands. Two confirmations by different
/// operators are needed before dispatch (safeguard 4).
public enum HitState: String, Hashable, Sendable, Codable {
    case pending, confirmedOnce, confirmed, rejected, dispatched
}

/// A candidate match of a probe against a watchlist entry: never an identification.
public struct Hit: Hashable, Sendable, Codable {
    public var id: Int64
    public var entryID: String
    public var similarity: Double
    public var rank: Int
    public var cameraID: String
    public var time: Date
    public var state: HitState
    /// The authorisation the search ran under.
    public var authorisationID: Int64?

    public init(id: Int64, entryID: String, similarity: Double, rank: Int, cameraID: String,
                time: Date, state: HitState = .pending, authorisationID: Int64? = nil) {
        self.id = id
        self.entryID = entryID
        self.similarity = similarity
        self.rank = rank
        self.cameraID = cameraID
        self.time = time
        self.state = state
        self.authorisationID = authorisationID
    }
}
