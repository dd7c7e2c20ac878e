import Foundation
import GRDB
import VigiaCore

/// Rejected input with its source, line and reason, for an operator to fix.
public struct QuarantineStore: QuarantineRepository {
    let database: VigiaDatabase

    static func insert(_ items: [QuarantineItem], at time: Double, in db: Database) throws {
        guard !items.isEmpty else { return }
        let statement = try db.cachedStatement(sql: """
            INSERT INTO quarantine (feed, source, line, field, reason, excerpt, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        for q in items {
            statement.setUncheckedArguments([q.feed, q.source, q.line, q.field, q.reason, q.excerpt, time])
            try statement.execute()
        }
    }

    public func quarantineCount() throws -> Int {
        try database.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM quarantine") ?? 0 }
    }

    public func quarantined(feed: String? = nil, limit: Int = 100) throws -> [QuarantineItem] {
        try database.read { db in
            try Row.fetchAll(db, sql: """
                SELECT * FROM quarantine WHERE (?1 IS NULL OR feed = ?1) ORDER BY id LIMIT ?2
                """, arguments: [feed, limit]).map {
                QuarantineItem(feed: $0["feed"], source: $0["source"], line: $0["line"], field: $0["field"],
                               reason: $0["reason"], excerpt: $0["excerpt"])
            }
        }
    }
}
