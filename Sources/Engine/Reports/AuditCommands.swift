import Foundation
import Store
import VigiaCore

/// What `audit verify` found: the chain, its repairs, and the checkpoints.
public struct AuditReport: Sendable {
    public var check: AuditChainCheck
    /// Nil when no checkpoint log was read.
    public var checkpoints: CheckpointCheck?
    /// The checkpoint log that was read, and why it could not be, if so.
    public var checkpointLog: String?
    public var checkpointProblem: String?
    /// Whether signatures were checked against an independent copy of the
    /// public key (given, or the key file's), not only the key the log names.
    public var keyIndependent: Bool

    /// What is wrong, in words; nil when everything holds.
    public var problem: String? {
        if case .broken(let sequence, let what) = check.verification { return "record \(sequence) \(what.rawValue)" }
        if let f = checkpoints?.firstFailure {
            switch f.problem {
            case .badSignature: return "checkpoint log line \(f.line) is not a validly signed checkpoint"
            case .missing: return "checkpoint log line \(f.line) names record \(f.sequence ?? 0), which the chain no longer has (cut short or wiped)"
            case .rewritten: return "checkpoint log line \(f.line) names record \(f.sequence ?? 0) with another hash (the chain was rewritten)"
            }
        }
        return checkpointProblem.map { "checkpoint log: \($0)" }
    }

    /// Intact chain, and every checkpoint (if read) a prefix of it.
    public var holds: Bool {
        if case .broken = check.verification { return false }
        return checkpoints?.holds ?? (checkpointProblem == nil)
    }
}

extension Engine {
    /// Checks the whole chain, then the checkpoint log against it, before
    /// anything is written; only when both hold is the auditor's sign-in and
    /// the verification recorded. On a broken chain nothing is appended (the
    /// passphrase is still checked, and a failure still counted), so the break
    /// stays as it was found.
    public func verifyAudit(name: String, passphrase: String, checkpoints: String? = nil, publicKey: String? = nil,
                            source: String = Engine.signInSource) throws -> AuditReport {
        var report = try auditReport(checkpoints: checkpoints, publicKey: publicKey)
        let principal = try authenticate(name: name, passphrase: passphrase, source: source, recordSuccess: report.holds)
        try require(.verifyAudit, of: principal)
        if report.holds {
            try audit.append(AuditEntry(principal: principal, action: .auditVerify, subject: "chain", details: [
                "records": .int(report.check.verification.records),
                "checkpoints": .int(Int64(report.checkpoints?.checkpoints ?? 0)),
            ]))
            // The verification record itself is now the head.
            report.check = try audit.check()
        }
        return report
    }

    /// The same checks, read only (no sign-in): what `status` and the console show.
    public func auditReport(checkpoints: String? = nil, publicKey: String? = nil) throws -> AuditReport {
        let check = try audit.check()
        let log = checkpoints ?? auditAnchor?.settings.logPath
        var report = AuditReport(check: check, checkpoints: nil, checkpointLog: log, checkpointProblem: nil, keyIndependent: false)
        guard let log else { return report }
        let trusted: String?
        if let publicKey {
            let text = Self.publicKeyText(publicKey)
            guard AuditCheckpoint.isPublicKey(text) else {
                throw EngineError.badInput(file: "--public-key", line: nil, field: nil, reason: "not an Ed25519 public key (base64 of 32 bytes, or a file holding it)")
            }
            trusted = text
        } else {
            trusted = auditAnchor?.publicKey
        }
        report.keyIndependent = trusted != nil
        do {
            let lines = try AuditAnchor.readLog(at: log)
            report.checkpoints = CheckpointCheck.check(lines: lines, chainHashes: try audit.hashesBySequence(), repairs: check.repairs,
                                                       trustedKey: trusted)
        } catch {
            // A missing log is only a problem when one was asked for, or when the chain is long enough to have had a checkpoint.
            if checkpoints != nil || check.verification.records > 0 && FileManager.default.fileExists(atPath: log) {
                report.checkpointProblem = "\(error)"
            }
        }
        return report
    }

    /// A key given as base64, or as a file holding it.
    static func publicKeyText(_ given: String) -> String {
        if FileManager.default.fileExists(atPath: given), let data = FileManager.default.contents(atPath: given) {
            return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return given
    }

    /// An admin's explained repair of the breaks `verifyAudit` found (audited:
    /// it is itself the record that names them).
    public func repairAudit(name: String, passphrase: String, reason: String, source: String = Engine.signInSource) throws -> AuditRepair {
        // The chain cannot take a login record until it is repaired: the repair record names who made it.
        let principal = try authenticate(name: name, passphrase: passphrase, source: source, recordSuccess: false)
        guard principal.role == .admin else {
            throw EngineError.forbidden(principal: principal.name, role: principal.role, permission: .manageOperators)
        }
        guard reason.trimmingCharacters(in: .whitespaces).count >= 20 else {
            throw EngineError.badInput(file: "audit repair", line: nil, field: "--reason",
                                       reason: "explain what happened and what was done, in at least 20 characters")
        }
        return try audit.repair(reason: reason, by: principal)
    }

    /// The checkpoint signer's public key (base64), to publish or keep apart.
    public var auditSigningKey: String? { auditAnchor?.publicKey }
    /// Where checkpoints are written, when they are.
    public var auditCheckpointLog: String? { auditAnchor?.settings.logPath }
    /// Why checkpoints are not being written, if they are not.
    public var auditAnchorProblem: String? { auditAnchor == nil ? "no checkpoint log is configured" : auditAnchor?.problem }

    /// Signs the chain's head now (auditor, admin), whatever the interval.
    public func checkpointAudit(as principal: Principal) throws -> AuditCheckpoint {
        try require(.verifyAudit, of: principal)
        guard let anchor = auditAnchor else {
            throw EngineError.badInput(file: "audit checkpoint", line: nil, field: nil, reason: "no checkpoint log is configured")
        }
        guard case .intact = try audit.verify() else {
            throw EngineError.badInput(file: "audit checkpoint", line: nil, field: nil,
                                       reason: "the chain is broken; a checkpoint would vouch for it. Run `vigia audit verify`")
        }
        let record = try audit.append(AuditEntry(principal: principal, action: .auditCheckpoint, subject: "chain"))
        return try anchor.checkpoint(record, now: Date())
    }

    /// The latest record in [from, to) and the records, newest first, and how
    /// many there are in all (auditor, admin): the console's read-only audit view.
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
        try audit.append(AuditEntry(principal: principal, action: .auditExport, subject: "chain",
                                    details: ["records": .int(Int64(records.count))]))
        return lines
    }
}

extension AuditVerification {
    /// Records in an intact chain; 0 when broken.
    public var records: Int64 {
        if case .intact(let n, _) = self { return n }
        return 0
    }
}
