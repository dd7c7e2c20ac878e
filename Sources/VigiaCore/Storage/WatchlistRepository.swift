import Foundation

/// A watchlist entry as stored, with how many templates it holds now.
public struct StoredWatchlistEntry: Hashable, Sendable, Codable {
    public var entry: WatchlistEntry
    public var templateCount: Int

    public init(entry: WatchlistEntry, templateCount: Int) {
        self.entry = entry
        self.templateCount = templateCount
    }
}

public protocol WatchlistRepository: Sendable {
    /// Adds or replaces entries with their templates (float32 little-endian), in one transaction.
    func upsert(_ entries: [(entry: WatchlistEntry, templates: [[Float]])], audit: AuditEntry) throws
    func entries() throws -> [StoredWatchlistEntry]
    func entry(id: String) throws -> StoredWatchlistEntry?
    /// The entries with these ids, read in one transaction; ids not stored are left out.
    func entries(ids: [String]) throws -> [String: StoredWatchlistEntry]
    /// Sets the status and deletes every template of the entry.
    func close(id: String, status: WatchlistStatus, audit: AuditEntry) throws -> Bool
    /// The templates of entries searchable at `date`.
    func searchableTemplates(at date: Date) throws -> [(entryID: String, template: [Float])]
}
