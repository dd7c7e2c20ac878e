import Foundation
import VigiaCore

extension Engine {
    /// Checks the whole chain; the check itself is recorded when it passes
    /// (a broken chain is reported, not extended).
    public func verifyAudit(as principal: Principal) throws -> AuditVerification {
        try require(.verifyAudit, of: principal)
        let result = try audit.verify()
        if case .intact(let records, _) = result {
            try audit.append(AuditEntry(principal: principal, action: "audit.verify", subject: "chain",
                                        details: ["records": .int(records)]))
        }
        return result
    }

    /// The latest `limit` records, newest first, and how many there are in
    /// all (auditor, admin): the console's read-only audit view.
    public func auditTrail(limit: Int, as principal: Principal) throws -> (records: [AuditRecord], total: Int) {
        try require(.verifyAudit, of: principal)
        return (try audit.latest(limit: limit), Int(try audit.recordCount()))
    }

    /// The records in [from, to), as JSON lines; the export is audited.
    public func exportAudit(from: Date?, to: Date?, as principal: Principal) throws -> [String] {
        try require(.verifyAudit, of: principal)
        let records = try audit.records(from: from, to: to)
        let formatter = TimestampFormatter(timeZone: timeZone)
        let lines = records.map { r in
            CanonicalJSON.object([
                "seq": .int(r.sequence), "time": .string(formatter.string(from: r.time)), "time_us": .int(r.timeMicros),
                "operator": .string(r.operatorName), "role": .string(r.role), "action": .string(r.action),
                "subject": .string(r.subject), "details": .string(r.details), "prev_hash": .string(r.previousHash),
                "hash": .string(r.hash),
            ]).text
        }
        try audit.append(AuditEntry(principal: principal, action: "audit.export", subject: "chain",
                                    details: ["records": .int(Int64(records.count))]))
        return lines
    }
}
