import Foundation
import GRDB
import VigiaCore

/// The hash-chained audit log (safeguard 9). Appends happen inside the
/// transaction of the change they describe; the chain's head (last sequence
/// and hash) is kept beside it so that cutting records off the end shows too.
///
/// An append first checks what it extends: the stored head must name the
/// last row, that row must still match its hash, an empty log must belong to
/// an empty database, and time may not run backwards beyond
/// `clockTolerance`. Anything else is refused, so a broken chain is never
/// re-sealed by the next login or feed batch: the break stays visible until
/// an admin records an explained repair (`repair`).
public struct AuditChainStore: AuditLog {
    let database: VigiaDatabase

    /// How far a record may be dated before its predecessor (clocks of
    /// processes that raced for the write lock). Within it the record takes
    /// its predecessor's time, so stored times never decrease; beyond it the
    /// append is refused and counted (`audit.refused.clock_went_back`).
    public static let clockTolerance: TimeInterval = 5

    @discardableResult
    public func append(_ entry: AuditEntry) throws -> AuditRecord {
        try database.write(audit: nil) { db in try database.appendAudit(entry, in: db) }
    }

    /// Appends `entry` at `time` in `db`'s transaction after checking the chain it extends.
    @discardableResult
    static func append(_ entry: AuditEntry, at time: Date, in db: Database, repairing: Bool = false) throws -> AuditRecord {
        let last = try Row.fetchOne(db, sql: "SELECT * FROM audit_log ORDER BY seq DESC LIMIT 1").map(Self.record)
        if !repairing { try checkExtendable(last: last, in: db) }
        var micros = Int64((time.timeIntervalSince1970 * 1_000_000).rounded())
        if let last, micros < last.timeMicros {
            guard Double(last.timeMicros - micros) <= clockTolerance * 1_000_000 else {
                throw StoreError.auditClockWentBack(last: last.time, now: time)
            }
            micros = last.timeMicros
        }
        let record = AuditRecord.sealing(entry, sequence: (last?.sequence ?? 0) + 1, timeMicros: micros,
                                         previousHash: last?.hash ?? AuditRecord.genesisHash)
        try db.execute(sql: """
            INSERT INTO audit_log (seq, time_us, operator, role, action, subject, details, prev_hash, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [record.sequence, record.timeMicros, record.operatorName, record.role, record.action,
                             record.subject, record.details, record.previousHash, record.hash])
        try db.execute(sql: "INSERT OR REPLACE INTO setting (key, value) VALUES ('audit.head', ?)",
                       arguments: ["\(record.sequence):\(record.hash)"])
        return record
    }

    /// The O(1) checks an append makes: the head names the last row and the
    /// last row matches its hash (an empty log has no head).
    static func checkExtendable(last: AuditRecord?, in db: Database) throws {
        let head = try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = 'audit.head'")
        guard let last else {
            if head != nil {
                throw StoreError.auditChainBroken(reason: "the audit log is empty but its head says \(head!): its records were removed")
            }
            return
        }
        guard head == "\(last.sequence):\(last.hash)" else {
            throw StoreError.auditChainBroken(reason: head.map { "the head says \($0) but the last record is \(last.sequence): records were cut off or rewritten" }
                                              ?? "the head is missing: records were cut off")
        }
        guard last.computedHash == last.hash else {
            throw StoreError.auditChainBroken(reason: "record \(last.sequence) no longer matches its hash: it was edited")
        }
    }

    /// Read when a write transaction starts, before it changes anything: an
    /// empty log with no head in a database that holds data was wiped, and
    /// no record of that transaction may start a new chain over it.
    static func isWiped(_ db: Database) throws -> Bool {
        guard try !(Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM audit_log)") ?? false),
              try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = 'audit.head'") == nil else { return false }
        return try holdsData(db)
    }

    /// Whether any table a change is audited for has rows.
    static func holdsData(_ db: Database) throws -> Bool {
        let tables = ["operator", "incident", "camera", "alert", "watchlist_entry", "authorisation", "hit", "flag", "boundary"]
        let sql = "SELECT " + tables.map { "EXISTS (SELECT 1 FROM \($0))" }.joined(separator: " OR ")
        return try Bool.fetchOne(db, sql: sql) ?? false
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
        try check().verification
    }

    /// The verdict with the repairs that explain earlier breaks.
    public func check() throws -> AuditChainCheck {
        try database.read { db in try Self.check(in: db) }
    }

    /// Every record's hash by sequence, for comparing with checkpoints.
    public func hashesBySequence() throws -> [Int64: String] {
        try database.read { db in
            var out: [Int64: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT seq, hash FROM audit_log") { out[row["seq"]] = row["hash"] }
            return out
        }
    }

    static func check(in db: Database) throws -> AuditChainCheck {
        let rows = try Row.fetchAll(db, sql: "SELECT * FROM audit_log ORDER BY seq").map(Self.record)
        let head = try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = 'audit.head'")
        return check(rows, head: head, holdsData: rows.isEmpty ? try holdsData(db) : false)
    }

    /// Records an admin's explained repair of the breaks found now, in one
    /// transaction with the check, and re-seals the head. The breaks stay in
    /// the history: later checks name them with this record.
    public func repair(reason: String, by principal: Principal) throws -> AuditRepair {
        try database.write(audit: nil) { db in
            let found = try Self.check(in: db)
            let acknowledged = Set(found.repairs.flatMap(\.breaks))
            let open = Self.breaks(in: try Row.fetchAll(db, sql: "SELECT * FROM audit_log ORDER BY seq").map(Self.record),
                                   head: try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = 'audit.head'"),
                                   holdsData: try Self.holdsData(db)).filter { !acknowledged.contains($0) }
            guard !open.isEmpty else { throw StoreError.auditNothingToRepair }
            let head = try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = 'audit.head'")
            var details: [String: CanonicalJSON] = [
                "reason": .string(reason),
                "breaks": .array(open.map { .object(["seq": .int($0.sequence), "problem": .string($0.problem.rawValue)]) }),
            ]
            details["head_before"] = head.map(CanonicalJSON.string) ?? .null
            let record = try Self.append(AuditEntry(principal: principal, action: .auditRepair, subject: "chain", details: .object(details)),
                                         at: database.clock.now(), in: db, repairing: true)
            return AuditRepair(record: record.sequence, by: principal.name, reason: reason, breaks: open, headBefore: head)
        }
    }

    /// Walks the chain in sequence order. The verdict names the first break
    /// that no later `audit.repair` record acknowledges.
    static func check(_ rows: [AuditRecord], head: String?, holdsData: Bool = false) -> AuditChainCheck {
        let repairs = rows.compactMap(Self.repair)
        let found = breaks(in: rows, head: head, holdsData: holdsData)
        let open = found.first { b in !repairs.contains { $0.record > b.sequence && $0.breaks.contains(b) } }
        if let open { return AuditChainCheck(verification: .broken(sequence: open.sequence, problem: open.problem), repairs: repairs) }
        return AuditChainCheck(verification: .intact(records: Int64(rows.count), lastHash: rows.last?.hash ?? AuditRecord.genesisHash),
                               repairs: repairs)
    }

    /// The verdict alone (tests and callers that hold the rows).
    static func verify(_ rows: [AuditRecord], head: String?) -> AuditVerification {
        check(rows, head: head).verification
    }

    /// Every break, in order. After a break the walk goes on from that
    /// record, so one cut or edit is one break, not a cascade.
    static func breaks(in rows: [AuditRecord], head: String?, holdsData: Bool) -> [AuditBreak] {
        var found: [AuditBreak] = []
        let knownHashes = Set(rows.map(\.hash))
        var expected: Int64 = 1
        var previousHash = AuditRecord.genesisHash
        var previousTime: Int64?
        let tolerance = Int64(clockTolerance * 1_000_000)
        for row in rows {
            defer {
                previousHash = row.hash
                previousTime = max(previousTime ?? row.timeMicros, row.timeMicros)
                expected = row.sequence + 1
            }
            if row.sequence != expected {
                // Was the missing record moved elsewhere, or deleted?
                let moved = rows.contains { r in
                    var copy = r
                    copy.sequence = expected
                    return r.sequence != expected && copy.computedHash == r.hash
                }
                found.append(AuditBreak(sequence: expected, problem: moved ? .reordered : .removed))
                continue
            }
            if row.computedHash != row.hash {
                // Intact content under another sequence number means it was moved.
                let highest = rows.last?.sequence ?? 0
                let moved = (1...max(highest, 1)).contains { candidate in
                    guard candidate != row.sequence else { return false }
                    var copy = row
                    copy.sequence = candidate
                    return copy.computedHash == row.hash
                }
                found.append(AuditBreak(sequence: row.sequence, problem: moved ? .reordered : .edited))
                continue
            }
            if row.previousHash != previousHash {
                // A predecessor that is self-consistent but not what this record saw was rewritten and resealed.
                found.append(knownHashes.contains(row.previousHash) ? AuditBreak(sequence: row.sequence, problem: .reordered)
                                                                     : AuditBreak(sequence: row.sequence - 1, problem: .edited))
                continue
            }
            if let previousTime, row.timeMicros < previousTime - tolerance {
                found.append(AuditBreak(sequence: row.sequence, problem: .timeWentBack))
            }
        }
        let last = rows.last
        if let head, let headSequence = head.split(separator: ":").first.flatMap({ Int64($0) }) {
            let lastSequence = last?.sequence ?? 0
            if headSequence > lastSequence {
                found.append(AuditBreak(sequence: lastSequence + 1, problem: .removed))
            } else if headSequence == lastSequence, let last, head != "\(last.sequence):\(last.hash)" {
                found.append(AuditBreak(sequence: headSequence, problem: .edited))
            }
        } else if !rows.isEmpty || holdsData {
            found.append(AuditBreak(sequence: 1, problem: .removed))
        }
        return found
    }

    /// The repair an `audit.repair` record describes.
    static func repair(_ record: AuditRecord) -> AuditRepair? {
        guard record.isAction(.auditRepair),
              let details = try? JSONSerialization.jsonObject(with: Data(record.details.utf8)) as? [String: Any] else { return nil }
        let breaks = (details["breaks"] as? [[String: Any]] ?? []).compactMap { b -> AuditBreak? in
            guard let seq = (b["seq"] as? NSNumber)?.int64Value, let problem = (b["problem"] as? String).flatMap(AuditProblem.init) else { return nil }
            return AuditBreak(sequence: seq, problem: problem)
        }
        return AuditRepair(record: record.sequence, by: record.operatorName, reason: details["reason"] as? String ?? "",
                           breaks: breaks, headBefore: details["head_before"] as? String)
    }

    static func record(_ row: Row) -> AuditRecord {
        AuditRecord(sequence: row["seq"], timeMicros: row["time_us"], operatorName: row["operator"], role: row["role"],
                    action: row["action"], subject: row["subject"], details: row["details"],
                    previousHash: row["prev_hash"], hash: row["hash"])
    }
}
