import Foundation

/// A public post from a social feed. Only flagged posts are ever stored (safeguard 6).
public struct Post: Hashable, Sendable, Codable {
    public var id: String
    public var time: Date
    public var platform: String
    public var authorHandle: String
    public var text: String
    public var language: String?
    public var location: GeoPoint?
    /// The text this post answers (a headline, the post it replies to), when the feed carries it.
    /// It helps the classifier read elliptical replies ("Bala.") and is never stored.
    public var inReplyTo: String?

    public init(id: String, time: Date, platform: String, authorHandle: String, text: String,
                language: String? = nil, location: GeoPoint? = nil, inReplyTo: String? = nil) {
        self.id = id
        self.time = time
        self.platform = platform
        self.authorHandle = authorHandle
        self.text = text
        self.language = language
        self.location = location
        self.inReplyTo = inReplyTo
    }
}

/// The only things a post can be flagged for: threats of violence.
public enum ThreatCategory: String, Hashable, Sendable, Codable, CaseIterable {
    case threatToPerson = "threat_person"
    case threatToPlace = "threat_place"
    case weaponWithIntent = "weapon_intent"
    case incitement
}

public enum FlagState: String, Hashable, Sendable, Codable {
    case pending, credible, notCredible = "not_credible"
}

/// A post flagged as a possible threat, with the phrases that caused it.
public struct Flag: Hashable, Sendable, Codable {
    public var id: Int64
    public var postID: String
    public var category: ThreatCategory
    public var score: Double
    public var phrases: [String]
    public var state: FlagState

    public init(id: Int64, postID: String, category: ThreatCategory, score: Double, phrases: [String],
                state: FlagState = .pending) {
        self.id = id
        self.postID = postID
        self.category = category
        self.score = score
        self.phrases = phrases
        self.state = state
    }
}
