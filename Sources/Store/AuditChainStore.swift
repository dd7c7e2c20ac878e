import Foundation
import GRDB
import VigiaCore

/// The hash-chained audit log (safeguard 9). Appends happen inside the
/// transaction of the change they describe; the chain's head (last sequence
/// and hash) is kept beside it so that cutting records off the end shows too.
public struct AuditChainStore: AuditLog {
    let database: VigiaDatabase

    @discardableResult
    public func append(_ entry: AuditEntry) throws -> AuditRecord {
        let now = database.clock.now()
        return try database.pool.write { db in try Self.append(entry, at: now, in: db) }
    }

    @discardableResult
    static func append(_ entry: AuditEntry, at time: Date, in db: Database) throws -> AuditRecord {
        let last = try Row.fetchOne(db, sql: "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1")
        let sequence: Int64 = (last?["seq"] as Int64?).map { $0 + 1 } ?? 1
        let previous: String = last?["hash"] ?? AuditRecord.genesisHash
        let record = AuditRecord.sealing(entry, sequence: sequence, time: time, previousHash: previous)
        try db.execute(sql: """
            INSERT INTO audit_log (seq, time_us, operator, role, action, subject, details, prev_hash, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [record.sequence, record.timeMicros, record.operatorName, record.role, record.action,
                             record.subject, record.details, record.previousHash, record.hash])
        try db.execute(sql: "INSERT OR REPLACE INTO setting (key, value) VALUES ('audit.head', ?)",
                       arguments: ["\(record.sequence):\(record.hash)"])
        return record
    }

    public func records(from: Date? = nil, to: Date? = nil) throws -> [AuditRecord] {
        let lower = from.map { Int64($0.timeIntervalSince1970 * 1_000_000) } ?? Int64.min
        let upper = to.map { Int64($0.timeIntervalSince1970 * 1_000_000) } ?? Int64.max
        return try database.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM audit_log WHERE time_us >= ? AND time_us < ? ORDER BY seq",
                             arguments: [lower, upper]).map(Self.record)
        }
    }

    public func latest(limit: Int) throws -> [AuditRecord] {
        try database.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM audit_log ORDER BY seq DESC LIMIT ?", arguments: [max(0, limit)]).map(Self.record)
        }
    }

    public func recordCount() throws -> Int64 {
        try database.read { db in try Int64.fetchOne(db, sql: "SELECT count(*) FROM audit_log") ?? 0 }
    }

    public func verify() throws -> AuditVerification {
        let (rows, head) = try database.read { db in
            (try Row.fetchAll(db, sql: "SELECT * FROM audit_log ORDER BY seq").map(Self.record),
             try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = 'audit.head'"))
        }
        return Self.verify(rows, head: head)
    }

    /// Walks the chain in sequence order and names the first bad record.
    static func verify(_ rows: [AuditRecord], head: String?) -> AuditVerification {
        let knownHashes = Set(rows.map(\.hash))
        var expected: Int64 = 1
        var previousHash = AuditRecord.genesisHash
        for row in rows {
            if row.sequence != expected {
                // Was the missing record moved elsewhere, or deleted?
                let moved = rows.contains { r in
                    var copy = r
                    copy.sequence = expected
                    return r.sequence != expected && copy.computedHash == r.hash
                }
                return .broken(sequence: expected, problem: moved ? .reordered : .removed)
            }
            if row.computedHash != row.hash {
                // Intact content under another sequence number means it was
                // moved. Only the failure path pays for this search.
                let highest = rows.last?.sequence ?? 0
                let moved = (1...max(highest, 1)).contains { candidate in
                    guard candidate != row.sequence else { return false }
                    var copy = row
                    copy.sequence = candidate
                    return copy.computedHash == row.hash
                }
                return .broken(sequence: row.sequence, problem: moved ? .reordered : .edited)
            }
            if row.previousHash != previousHash {
                if knownHashes.contains(row.previousHash) {
                    return .broken(sequence: row.sequence, problem: .reordered)
                }
                // The predecessor is self-consistent but not what this record
                // saw: it was rewritten and its hash recomputed.
                return .broken(sequence: row.sequence - 1, problem: .edited)
            }
            previousHash = row.hash
            expected += 1
        }
        if let head, let headSequence = head.split(separator: ":").first.flatMap({ Int64($0) }) {
            if headSequence >= expected { return .broken(sequence: expected, problem: .removed) }
            if headSequence == expected - 1, head != "\(headSequence):\(previousHash)" {
                return .broken(sequence: headSequence, problem: .edited)
            }
        } else if !rows.isEmpty {
            return .broken(sequence: 1, problem: .removed)
        }
        return .intact(records: expected - 1, lastHash: previousHash)
    }

    static func record(_ row: Row) -> AuditRecord {
        AuditRecord(sequence: row["seq"], timeMicros: row["time_us"], operatorName: row["operator"], role: row["role"],
                    action: row["action"], subject: row["subject"], details: row["details"],
                    previousHash: row["prev_hash"], hash: row["hash"])
    }
}
