import Foundation
import GRDB
import VigiaCore

public struct FaceSearchStore: FaceSearchRepository {
    let database: VigiaDatabase

    public func createAuthorisation(_ a: SearchAuthorisation, audit: AuditEntry) throws -> Int64 {
        try database.write(audit: audit) { db in
            try db.execute(sql: """
                INSERT INTO authorisation (entries, cameras, valid_from, valid_to, reason, approved_by, urgent, confirmed_by, revoked_at,
                                           needs_second, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?, ?)
                """, arguments: [Self.list(a.entries), Self.list(a.cameras), a.from.timeIntervalSince1970, a.to.timeIntervalSince1970,
                                 a.reason, a.approvedBy, a.urgent, a.needsSecondApproval, a.createdAt.timeIntervalSince1970])
            return db.lastInsertedRowID
        }
    }

    public func authorisations() throws -> [SearchAuthorisation] {
        try database.read { db in
            try Row.fetchAll(db, sql: """
                SELECT a.*, coalesce(a.created_at, (SELECT CAST(value AS REAL) FROM setting WHERE key = 'authorisation.created.' || a.id), 0) AS created
                FROM authorisation a ORDER BY a.id
                """).map { r in
                SearchAuthorisation(id: r["id"], entries: Self.parse(r["entries"]), cameras: Self.parse(r["cameras"]),
                                    from: Date(timeIntervalSince1970: r["valid_from"]), to: Date(timeIntervalSince1970: r["valid_to"]),
                                    reason: r["reason"], approvedBy: r["approved_by"], urgent: r["urgent"], confirmedBy: r["confirmed_by"],
                                    revokedAt: (r["revoked_at"] as Double?).map(Date.init(timeIntervalSince1970:)),
                                    createdAt: Date(timeIntervalSince1970: r["created"]), needsSecondApproval: r["needs_second"])
            }
        }
    }

    public func confirmAuthorisation(id: Int64, by name: String, audit: AuditEntry) throws -> Bool {
        try database.write(audit: nil) { db in
            try db.execute(sql: "UPDATE authorisation SET confirmed_by = ? WHERE id = ? AND confirmed_by IS NULL AND revoked_at IS NULL AND approved_by != ?",
                           arguments: [name, id, name])
            guard db.changesCount == 1 else { return false }
            try database.appendAudit(audit, in: db)
            return true
        }
    }

    public func revokeAuthorisation(id: Int64, at: Date, audit: (_ deleted: Int, _ kept: [Int64]) -> AuditEntry) throws -> (deleted: Int, kept: [Int64]) {
        let result = try database.write(audit: nil) { db -> (deleted: Int, kept: [Int64]) in
            try db.execute(sql: "UPDATE authorisation SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", arguments: [at.timeIntervalSince1970, id])
            guard db.changesCount == 1 else { return (0, []) }
            let kept = try Int64.fetchAll(db, sql: "SELECT id FROM hit WHERE authorisation_id = ? AND state = 'dispatched' ORDER BY id", arguments: [id])
            try db.execute(sql: "DELETE FROM hit WHERE authorisation_id = ? AND state != 'dispatched'", arguments: [id])
            let deleted = db.changesCount
            try database.appendAudit(audit(deleted, kept), in: db)
            return (deleted, kept)
        }
        if result.deleted > 0 { try database.purgeJournal() }
        return result
    }

    public func insertHits(_ hits: [(hit: Hit, authorisation: Int64)]) throws {
        guard !hits.isEmpty else { return }
        try database.write(audit: nil) { db in try Self.insert(hits, by: .feed, database: database, in: db) }
    }

    public func recordUses(_ uses: [AuthorisationUse]) throws {
        guard !uses.isEmpty else { return }
        try database.write(audit: nil) { db in try Self.record(uses, in: db) }
    }

    /// Candidates, each with its `hit.new` audit record, inside the caller's transaction.
    static func insert(_ hits: [(hit: Hit, authorisation: Int64)], by principal: Principal, database: VigiaDatabase, in db: Database) throws {
        for (h, a) in hits {
            try db.execute(sql: """
                INSERT INTO hit (entry_id, similarity, rank, camera_id, time, state, authorisation_id) VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [h.entryID, h.similarity, h.rank, h.cameraID, h.time.timeIntervalSince1970, h.state.rawValue, a])
            let id = db.lastInsertedRowID
            // The record names the hit and its authorisation, not the entry, camera or time: the audit log is never
            // purged, and retention must be able to remove where and when a person was seen.
            _ = try database.appendAudit(AuditEntry(principal: principal, action: .hitNew, subject: String(id), details: [
                "authorisation": .int(a), "rank": .int(Int64(h.rank)), "similarity": .string(String(format: "%.4f", h.similarity)),
            ]), in: db)
        }
    }

    static func record(_ uses: [AuthorisationUse], in db: Database) throws {
        for u in uses {
            try db.execute(sql: """
                INSERT INTO authorisation_use (authorisation_id, watchlist_version, entries, first_probe, last_probe, probes, hits)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(authorisation_id, watchlist_version) DO UPDATE SET
                  first_probe = min(first_probe, excluded.first_probe), last_probe = max(last_probe, excluded.last_probe),
                  probes = probes + excluded.probes, hits = hits + excluded.hits
                """, arguments: [u.authorisationID, u.watchlistVersion, u.entries, u.firstProbe.timeIntervalSince1970,
                                 u.lastProbe.timeIntervalSince1970, u.probes, u.hits])
        }
    }

    public func uses(authorisation: Int64) throws -> [AuthorisationUse] {
        try uses(authorisation: Optional(authorisation))
    }

    public func allUses() throws -> [AuthorisationUse] {
        try uses(authorisation: nil)
    }

    /// One statement for both: a nil id is bound as NULL and matches every row.
    private func uses(authorisation: Int64?) throws -> [AuthorisationUse] {
        try database.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM authorisation_use WHERE (?1 IS NULL OR authorisation_id = ?1) ORDER BY first_probe",
                             arguments: [authorisation]).map { r in
                AuthorisationUse(authorisationID: r["authorisation_id"], watchlistVersion: r["watchlist_version"], entries: r["entries"],
                                 firstProbe: Date(timeIntervalSince1970: r["first_probe"]), lastProbe: Date(timeIntervalSince1970: r["last_probe"]),
                                 probes: r["probes"], hits: r["hits"])
            }
        }
    }

    public func hit(id: Int64) throws -> Hit? {
        try database.read { db in try Row.fetchOne(db, sql: "SELECT * FROM hit WHERE id = ?", arguments: [id]).map(Self.hit) }
    }

    public func hits(states: [HitState]?) throws -> [Hit] {
        try database.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM hit ORDER BY time, id").map(Self.hit).filter { states?.contains($0.state) ?? true }
        }
    }

    public func decisions(hitID: Int64) throws -> [HitDecision] {
        try decisions(hitIDs: [hitID])[hitID] ?? []
    }

    public func decisions(hitIDs: [Int64]) throws -> [Int64: [HitDecision]] {
        try database.read { db in
            let statement = try db.cachedStatement(sql: "SELECT * FROM hit_decision WHERE hit_id = ? ORDER BY id")
            var found: [Int64: [HitDecision]] = [:]
            for id in Set(hitIDs) {
                found[id] = try Row.fetchAll(statement, arguments: [id]).map { r in
                    HitDecision(hitID: r["hit_id"], operatorName: r["operator"], confirm: (r["decision"] as String) == "confirm",
                                reason: r["reason"], at: Date(timeIntervalSince1970: r["at"]))
                }
            }
            return found
        }
    }

    public func decide(_ d: HitDecision, expected: HitState, newState: HitState, audit: AuditEntry) throws -> Bool {
        try database.write(audit: nil) { db in
            try db.execute(sql: "UPDATE hit SET state = ? WHERE id = ? AND state = ?", arguments: [newState.rawValue, d.hitID, expected.rawValue])
            guard db.changesCount == 1 else { return false }
            if d.reason != "" {
                try db.execute(sql: "INSERT INTO hit_decision (hit_id, operator, decision, reason, at) VALUES (?, ?, ?, ?, ?)",
                               arguments: [d.hitID, d.operatorName, d.confirm ? "confirm" : "reject", d.reason, d.at.timeIntervalSince1970])
            }
            try database.appendAudit(audit, in: db)
            return true
        }
    }

    static func hit(_ r: Row) -> Hit {
        Hit(id: r["id"], entryID: r["entry_id"], similarity: r["similarity"], rank: r["rank"], cameraID: r["camera_id"],
            time: Date(timeIntervalSince1970: r["time"]), state: HitState(rawValue: r["state"]) ?? .pending, authorisationID: r["authorisation_id"])
    }

    static func list(_ v: [String]?) -> String { v.map { CanonicalJSON.array($0.map(CanonicalJSON.string)).text } ?? "all" }
    static func parse(_ s: String) -> [String]? {
        s == "all" ? nil : (try? JSONSerialization.jsonObject(with: Data(s.utf8))) as? [String]
    }
}
