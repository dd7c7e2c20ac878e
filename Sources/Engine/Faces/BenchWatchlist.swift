import Foundation
import VigiaCore

extension Engine {
    /// Stores synthetic entries and templates for the face-scale benchmark.
    /// Only on a throwaway database with no operators (the bench makes its
    /// own): a room's database refuses it, so it is no way around the
    /// court-order checks of `importWatchlist`. Audited as the system actor.
    public func seedBenchWatchlist(_ entries: [(entry: WatchlistEntry, templates: [[Float]])], label: String) throws {
        guard try awaitsFirstAdmin() else {
            throw EngineError.badInput(file: location, line: nil, field: nil,
                                       reason: "benchmark entries go only into a fresh bench database, never one with operators")
        }
        try watchlist.upsert(entries, audit: AuditEntry(principal: .feed, action: .benchWatchlist, subject: label))
    }
}
