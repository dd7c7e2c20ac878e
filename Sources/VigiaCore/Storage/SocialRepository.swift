import Foundation

/// A flagged post as stored: the post (only flagged posts are ever kept) and its flag.
public struct FlaggedPost: Hashable, Sendable, Codable {
    public var post: Post
    public var flag: Flag
    /// The district the post's position falls in, if it has one.
    public var district: String?

    public init(post: Post, flag: Flag, district: String?) {
        self.post = post
        self.flag = flag
        self.district = district
    }
}

/// A reviewer's decision on a flag.
public enum FlagDecision: String, Sendable, Codable {
    case credible, notCredible = "not_credible"
}

public protocol SocialRepository: Sendable {
    func flags(states: [FlagState]?) throws -> [FlaggedPost]
    /// The flags pending at `t`: posted by then and not yet reviewed by then
    /// (a flag judged not credible is deleted with its post, so a view of the
    /// past cannot show it), oldest first, each with state pending.
    func flags(pendingAsOf t: Date) throws -> [FlaggedPost]
    func flag(id: Int64) throws -> FlaggedPost?
    /// Credible: the flag is kept, marked and `alert` is raised. Not credible:
    /// the flag and its post are deleted and only a counter remains.
    /// Either way the decision's audit entry is written in the same transaction.
    @discardableResult
    func decide(flag id: Int64, _ decision: FlagDecision, operatorName: String, reason: String, at: Date,
                alert: StoredAlert?, counterPeriod: String, audit: AuditEntry) throws -> Int64?
}
