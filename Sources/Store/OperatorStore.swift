import Foundation
import GRDB
import VigiaCore

/// Operators, their passphrase hashes and their sign-in attempts.
public struct OperatorStore: OperatorRepository {
    let database: VigiaDatabase

    public func operatorCount() throws -> Int {
        try database.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM operator") ?? 0 }
    }

    public func credential(named name: String) throws -> OperatorCredential? {
        try database.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM operator WHERE name = ? COLLATE NOCASE", arguments: [name]).map {
                OperatorCredential(op: Self.op($0), passphraseHash: $0["passphrase_hash"])
            }
        }
    }

    public func operators() throws -> [Operator] {
        try database.read { db in try Row.fetchAll(db, sql: "SELECT * FROM operator ORDER BY name").map(Self.op) }
    }

    public func add(_ credential: OperatorCredential, audit: AuditEntry) throws {
        try database.write(audit: audit) { db in
            let skeleton = OperatorName.skeleton(credential.op.name)
            for existing in try String.fetchAll(db, sql: "SELECT name FROM operator")
            where existing.lowercased() == credential.op.name.lowercased() || OperatorName.skeleton(existing) == skeleton {
                throw StoreError.duplicateOperator(name: existing == credential.op.name ? existing : "\(existing) (which \(credential.op.name) reads like)")
            }
            try db.execute(sql: """
                INSERT INTO operator (name, role, passphrase_hash, created_at, active, created_by) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [credential.op.name, credential.op.role.rawValue, credential.passphraseHash,
                                 credential.op.createdAt.timeIntervalSince1970, credential.op.active, credential.op.createdBy])
        }
    }

    public func setActive(name: String, active: Bool, by: String, at: Date, audit: AuditEntry) throws -> Bool {
        try database.write(audit: nil) { db in
            try db.execute(sql: """
                UPDATE operator SET active = ?, status_changed_by = ?, status_changed_at = ? WHERE name = ? COLLATE NOCASE AND active != ?
                """, arguments: [active, by, at.timeIntervalSince1970, name, active])
            guard db.changesCount == 1 else { return false }
            try database.appendAudit(audit, in: db)
            return true
        }
    }

    public func reserveSignIn(name: String, source: String, at now: Date, policy: SignInPolicy,
                              lockedAudit: (Int) -> AuditEntry) throws -> SignInReservation {
        let key = name.lowercased()
        return try database.write(audit: nil) { db in
            let since = now.addingTimeInterval(-policy.window).timeIntervalSince1970
            // Attempts older than the window no longer count for anything.
            try db.execute(sql: "DELETE FROM sign_in_attempt WHERE started_at < ?", arguments: [since])
            func failures(_ sourceFilter: String?) throws -> (count: Int, last: Date?) {
                let lastSuccess = try Double.fetchOne(db, sql: """
                    SELECT max(started_at) FROM sign_in_attempt WHERE name = ? AND outcome = 'succeeded' AND (?2 IS NULL OR source = ?2)
                    """, arguments: [key, sourceFilter]) ?? since
                let row = try Row.fetchOne(db, sql: """
                    SELECT count(*) AS n, max(started_at) AS last FROM sign_in_attempt
                    WHERE name = ?1 AND outcome IN ('pending', 'failed') AND started_at >= ?3 AND (?2 IS NULL OR source = ?2)
                    """, arguments: [key, sourceFilter, max(since, lastSuccess)])
                return (row?["n"] ?? 0, (row?["last"] as Double?).map(Date.init(timeIntervalSince1970:)))
            }
            let mine = try failures(source), everyone = try failures(nil)
            let wait = [policy.remainingLock(failures: mine.count, limit: policy.allowedFailures, last: mine.last, now: now),
                        policy.remainingLock(failures: everyone.count, limit: policy.nameWideFailures, last: everyone.last, now: now)]
                .compactMap { $0 }.max()
            if let wait {
                try database.appendAudit(lockedAudit(wait), in: db)
                return .locked(retryAfterSeconds: wait)
            }
            try db.execute(sql: "INSERT INTO sign_in_attempt (name, source, started_at, outcome) VALUES (?, ?, ?, 'pending')",
                           arguments: [key, source, now.timeIntervalSince1970])
            return .reserved(id: db.lastInsertedRowID)
        }
    }

    public func finishSignIn(id: Int64, outcome: SignInOutcome, audit: AuditEntry?) throws {
        try database.write(audit: audit) { db in
            try db.execute(sql: "UPDATE sign_in_attempt SET outcome = ? WHERE id = ?", arguments: [outcome.rawValue, id])
        }
    }

    public func clearSignInFailures(name: String, audit: AuditEntry) throws -> Int {
        try database.write(audit: audit) { db in
            try db.execute(sql: "UPDATE sign_in_attempt SET outcome = 'cleared' WHERE name = ? AND outcome IN ('pending', 'failed')",
                           arguments: [name.lowercased()])
            return db.changesCount
        }
    }

    static func op(_ row: Row) -> Operator {
        Operator(name: row["name"], role: Role(rawValue: row["role"]) ?? .dispatcher,
                 createdAt: Date(timeIntervalSince1970: row["created_at"]), active: row["active"],
                 createdBy: row["created_by"], statusChangedBy: row["status_changed_by"],
                 statusChangedAt: (row["status_changed_at"] as Double?).map(Date.init(timeIntervalSince1970:)))
    }
}
