import Foundation
import GRDB
import VigiaCore

/// Flagged posts and their reviews. Posts that were not flagged never reach
/// this store, and a flag cleared on review is deleted with its post text
/// (`secure_delete` overwrites it on disk); only a counter remains.
public struct SocialStore: SocialRepository {
    let database: VigiaDatabase

    static func insert(_ flags: [FlaggedPost], in db: Database) throws {
        for f in flags {
            try db.execute(sql: """
                INSERT INTO flag (post_id, post_time, platform, author, text, lat, lon, category, score, phrases, state, district, language)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [f.post.id, f.post.time.timeIntervalSince1970, f.post.platform, f.post.authorHandle, f.post.text,
                                 f.post.location?.latitude, f.post.location?.longitude, f.flag.category.rawValue, f.flag.score,
                                 CanonicalJSON.array(f.flag.phrases.map { .string($0) }).text, f.flag.state.rawValue, f.district,
                                 f.post.language])
        }
    }

    public func flags(states: [FlagState]?) throws -> [FlaggedPost] {
        try database.read { db in
            // The state filter runs in SQL, on the flag_state index.
            guard let states else { return try Row.fetchAll(db, sql: "SELECT * FROM flag ORDER BY post_time, id").map(Self.flagged) }
            guard !states.isEmpty else { return [] }
            let marks = Array(repeating: "?", count: states.count).joined(separator: ",")
            return try Row.fetchAll(db, sql: "SELECT * FROM flag WHERE state IN (\(marks)) ORDER BY post_time, id",
                                    arguments: StatementArguments(states.map(\.rawValue))).map(Self.flagged)
        }
    }

    public func flags(pendingAsOf t: Date) throws -> [FlaggedPost] {
        try database.read { db in
            try Row.fetchAll(db, sql: """
                SELECT * FROM flag f WHERE f.post_time <= ?1
                  AND (f.state = 'pending' OR NOT EXISTS (SELECT 1 FROM flag_decision d WHERE d.flag_id = f.id AND d.at <= ?1))
                ORDER BY f.post_time, f.id
                """, arguments: [t.timeIntervalSince1970]).map { r in
                var f = Self.flagged(r)
                f.flag.state = .pending
                return f
            }
        }
    }

    public func flag(id: Int64) throws -> FlaggedPost? {
        try database.read { db in try Row.fetchOne(db, sql: "SELECT * FROM flag WHERE id = ?", arguments: [id]).map(Self.flagged) }
    }

    @discardableResult
    public func decide(flag id: Int64, _ decision: FlagDecision, operatorName: String, reason: String, at: Date,
                       alert: StoredAlert?, counterPeriod: String, audit: AuditEntry) throws -> Int64? {
        let alertID = try database.write(audit: nil) { db -> Int64? in
            var alertID: Int64?
            switch decision {
            case .credible:
                try db.execute(sql: "UPDATE flag SET state = 'credible' WHERE id = ? AND state = 'pending'", arguments: [id])
                guard db.changesCount == 1 else { throw StoreError.writeFailed(what: "the decision on flag \(id)", reason: "it is no longer pending") }
                try db.execute(sql: "INSERT INTO flag_decision (flag_id, operator, decision, reason, at) VALUES (?, ?, ?, ?, ?)",
                               arguments: [id, operatorName, decision.rawValue, reason, at.timeIntervalSince1970])
                if let alert {
                    try db.execute(sql: """
                        INSERT INTO alert (rule_id, camera_id, priority, state, created_at, title, dedup_key, details, escalate_after, procedure)
                        VALUES (?, ?, ?, 'new', ?, ?, ?, ?, ?, ?)
                        """, arguments: [alert.alert.ruleID, alert.alert.cameraID, alert.alert.priority, alert.alert.createdAt.timeIntervalSince1970,
                                         alert.alert.title, alert.dedupeKey,
                                         CanonicalJSON.object(["evidence": .object(alert.evidence.mapValues(CanonicalJSON.string))]).text,
                                         alert.escalateAfterSeconds, alert.procedure])
                    alertID = db.lastInsertedRowID
                }
            case .notCredible:
                try db.execute(sql: "DELETE FROM flag WHERE id = ? AND state = 'pending'", arguments: [id])
                guard db.changesCount == 1 else { throw StoreError.writeFailed(what: "the decision on flag \(id)", reason: "it is no longer pending") }
                try db.execute(sql: """
                    INSERT INTO counter (name, period, value) VALUES ('flags.cleared', ?, 1)
                    ON CONFLICT(name, period) DO UPDATE SET value = value + 1
                    """, arguments: [counterPeriod])
            }
            try database.appendAudit(audit, in: db)
            return alertID
        }
        // A flag cleared on review is not kept (safeguard 6): gone from the file and its WAL now.
        if decision == .notCredible { try database.purgeJournal() }
        return alertID
    }

    static func flagged(_ r: Row) -> FlaggedPost {
        let lat: Double? = r["lat"], lon: Double? = r["lon"]
        let phrases = (try? JSONSerialization.jsonObject(with: Data((r["phrases"] as String).utf8))) as? [String] ?? []
        let post = Post(id: r["post_id"], time: Date(timeIntervalSince1970: r["post_time"]), platform: r["platform"], authorHandle: r["author"],
                        text: r["text"], language: r["language"], location: lat.flatMap { la in lon.map { GeoPoint(latitude: la, longitude: $0) } })
        let flag = Flag(id: r["id"], postID: r["post_id"], category: ThreatCategory(rawValue: r["category"]) ?? .threatToPerson,
                        score: r["score"], phrases: phrases, state: FlagState(rawValue: r["state"]) ?? .pending)
        return FlaggedPost(post: post, flag: flag, district: r["district"])
    }
}
