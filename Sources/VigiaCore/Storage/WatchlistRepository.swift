import Foundation

/// A watchlist entry as stored, with how many templates it holds now.
public struct StoredWatchlistEntry: Hashable, Sendable, Codable {
    public var entry: WatchlistEntry
    public var templateCount: Int
    /// Who last expired, revoked or reinstated the entry here, and when.
    public var statusChangedBy: String?
    public var statusChangedAt: Date?

    public init(entry: WatchlistEntry, templateCount: Int, statusChangedBy: String? = nil, statusChangedAt: Date? = nil) {
        self.entry = entry
        self.templateCount = templateCount
        self.statusChangedBy = statusChangedBy
        self.statusChangedAt = statusChangedAt
    }
}

public protocol WatchlistRepository: Sendable {
    /// Adds or replaces entries with their templates (float32 little-endian), in one transaction.
    func upsert(_ entries: [(entry: WatchlistEntry, templates: [[Float]])], audit: AuditEntry) throws
    func entries() throws -> [StoredWatchlistEntry]
    func entry(id: String) throws -> StoredWatchlistEntry?
    /// The entries with these ids, read in one transaction; ids not stored are left out.
    func entries(ids: [String]) throws -> [String: StoredWatchlistEntry]
    /// Sets the status and deletes every template of the entry, then makes
    /// the deletion final on disk.
    func close(id: String, status: WatchlistStatus, by: String, at: Date, audit: AuditEntry) throws -> Bool
    /// Makes a closed entry active again under a new order, with new templates.
    func reinstate(_ entry: WatchlistEntry, templates: [[Float]], by: String, at: Date, audit: AuditEntry) throws -> Bool
    /// The templates of entries searchable at `date`.
    func searchableTemplates(at date: Date) throws -> [(entryID: String, template: [Float])]
}
