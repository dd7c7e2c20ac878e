import Foundation
import GRDB
import VigiaCore

public struct WatchlistStore: WatchlistRepository {
    let database: VigiaDatabase

    public func upsert(_ entries: [(entry: WatchlistEntry, templates: [[Float]])], audit: AuditEntry) throws {
        try database.write(audit: audit) { db in
            for (e, templates) in entries {
                try db.execute(sql: "DELETE FROM watchlist_template WHERE entry_id = ?", arguments: [e.id])
                // An upsert, not a replace: who closed an entry here stays recorded.
                try db.execute(sql: """
                    INSERT INTO watchlist_entry (id, display_name, order_reference, issuing_court, offence_category, issued_on, expires_on, status)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT(id) DO UPDATE SET display_name = excluded.display_name, order_reference = excluded.order_reference,
                      issuing_court = excluded.issuing_court, offence_category = excluded.offence_category, issued_on = excluded.issued_on,
                      expires_on = excluded.expires_on, status = excluded.status
                    """, arguments: [e.id, e.displayName, e.courtOrderReference, e.issuingCourt, e.offenceCategory,
                                     e.issuedOn.timeIntervalSince1970, e.expiresOn.timeIntervalSince1970, e.status.rawValue])
                for t in templates {
                    try db.execute(sql: "INSERT INTO watchlist_template (entry_id, dimension, vector) VALUES (?, ?, ?)",
                                   arguments: [e.id, t.count, Self.blob(t)])
                }
            }
        }
    }

    public func entries() throws -> [StoredWatchlistEntry] {
        try database.read { db in
            try Row.fetchAll(db, sql: """
                SELECT e.*, (SELECT count(*) FROM watchlist_template t WHERE t.entry_id = e.id) AS templates
                FROM watchlist_entry e ORDER BY e.id
                """).map(Self.stored)
        }
    }

    public func entry(id: String) throws -> StoredWatchlistEntry? {
        try entries(ids: [id])[id]
    }

    public func entries(ids: [String]) throws -> [String: StoredWatchlistEntry] {
        try database.read { db in
            let statement = try db.cachedStatement(sql: """
                SELECT e.*, (SELECT count(*) FROM watchlist_template t WHERE t.entry_id = e.id) AS templates
                FROM watchlist_entry e WHERE e.id = ?
                """)
            var found: [String: StoredWatchlistEntry] = [:]
            for id in Set(ids) {
                if let row = try Row.fetchOne(statement, arguments: [id]) { found[id] = Self.stored(row) }
            }
            return found
        }
    }

    public func close(id: String, status: WatchlistStatus, by: String, at: Date, audit: AuditEntry) throws -> Bool {
        let closed = try database.write(audit: nil) { db in
            try db.execute(sql: "UPDATE watchlist_entry SET status = ?, status_changed_by = ?, status_changed_at = ? WHERE id = ?",
                           arguments: [status.rawValue, by, at.timeIntervalSince1970, id])
            guard db.changesCount == 1 else { return false }
            try db.execute(sql: "DELETE FROM watchlist_template WHERE entry_id = ?", arguments: [id])
            try database.appendAudit(audit, in: db)
            return true
        }
        if closed { try database.purgeJournal() }
        return closed
    }

    public func reinstate(_ e: WatchlistEntry, templates: [[Float]], by: String, at: Date, audit: AuditEntry) throws -> Bool {
        try database.write(audit: nil) { db in
            try db.execute(sql: """
                UPDATE watchlist_entry SET status = 'active', order_reference = ?, issuing_court = ?, issued_on = ?, expires_on = ?,
                  status_changed_by = ?, status_changed_at = ? WHERE id = ? AND status != 'active'
                """, arguments: [e.courtOrderReference, e.issuingCourt, e.issuedOn.timeIntervalSince1970, e.expiresOn.timeIntervalSince1970,
                                 by, at.timeIntervalSince1970, e.id])
            guard db.changesCount == 1 else { return false }
            try db.execute(sql: "DELETE FROM watchlist_template WHERE entry_id = ?", arguments: [e.id])
            for t in templates {
                try db.execute(sql: "INSERT INTO watchlist_template (entry_id, dimension, vector) VALUES (?, ?, ?)", arguments: [e.id, t.count, Self.blob(t)])
            }
            try database.appendAudit(audit, in: db)
            return true
        }
    }

    public func searchableTemplates(at date: Date) throws -> [(entryID: String, template: [Float])] {
        let t = date.timeIntervalSince1970
        return try database.read { db in
            try Row.fetchAll(db, sql: """
                SELECT t.entry_id, t.vector FROM watchlist_template t JOIN watchlist_entry e ON e.id = t.entry_id
                WHERE e.status = 'active' AND e.issued_on <= ? AND e.expires_on > ? ORDER BY t.entry_id, t.id
                """, arguments: [t, t]).map { ($0[0], Self.floats($0[1])) }
        }
    }

    static func blob(_ v: [Float]) -> Data {
        var d = Data(capacity: v.count * 4)
        for x in v { withUnsafeBytes(of: x.bitPattern.littleEndian) { d.append(contentsOf: $0) } }
        return d
    }

    static func floats(_ d: Data) -> [Float] {
        (0..<(d.count / 4)).map { i in
            var bits: UInt32 = 0
            for b in 0..<4 { bits |= UInt32(d[d.startIndex + 4 * i + b]) << (8 * UInt32(b)) }
            return Float(bitPattern: bits)
        }
    }

    static func stored(_ r: Row) -> StoredWatchlistEntry {
        StoredWatchlistEntry(entry: WatchlistEntry(
            id: r["id"], displayName: r["display_name"], courtOrderReference: r["order_reference"], issuingCourt: r["issuing_court"],
            offenceCategory: r["offence_category"], issuedOn: Date(timeIntervalSince1970: r["issued_on"]),
            expiresOn: Date(timeIntervalSince1970: r["expires_on"]), status: WatchlistStatus(rawValue: r["status"]) ?? .revoked),
            templateCount: r["templates"], statusChangedBy: r["status_changed_by"],
            statusChangedAt: (r["status_changed_at"] as Double?).map(Date.init(timeIntervalSince1970:)))
    }
}
