import Crypto
import Foundation

/// What an audit record says happened, before it is chained.
public struct AuditEntry: Hashable, Sendable {
    public var principal: Principal
    /// A dotted verb, e.g. `operator.add`, `ingest.incidents`, `login.failed`.
    public var action: String
    /// What it acted on (an operator name, a file, an alert id).
    public var subject: String
    public var details: CanonicalJSON

    public init(principal: Principal, action: AuditAction, subject: String, details: CanonicalJSON = [:]) {
        self.init(principal: principal, rawAction: action.rawValue, subject: subject, details: details)
    }

    /// Any dotted verb, for tests of the chain itself; the engine writes `AuditAction`s only.
    @_spi(RawAudit)
    public init(principal: Principal, rawAction: String, subject: String, details: CanonicalJSON = [:]) {
        self.principal = principal
        self.action = rawAction
        self.subject = subject
        self.details = details
    }
}

/// One link of the tamper-evident audit chain (safeguard 9):
/// `hash = SHA-256(previousHash ‖ canonical JSON of the record's fields)`.
public struct AuditRecord: Hashable, Sendable {
    public static let genesisHash = String(repeating: "0", count: 64)

    public var sequence: Int64
    /// Microseconds since the epoch: integral, so it hashes the same everywhere.
    public var timeMicros: Int64
    public var operatorName: String
    public var role: String
    public var action: String
    /// The action as the engine's vocabulary knows it (nil: a record written by a test of the chain).
    public var kind: AuditAction? { AuditAction(rawValue: action) }
    /// Whether the record names `a`: one string comparison (readers filter thousands of records with it).
    @inline(__always) public func isAction(_ a: AuditAction) -> Bool { action == a.rawValue }
    public var subject: String
    /// Canonical JSON text.
    public var details: String
    public var previousHash: String
    public var hash: String

    public init(sequence: Int64, timeMicros: Int64, operatorName: String, role: String, action: String,
                subject: String, details: String, previousHash: String, hash: String) {
        self.sequence = sequence
        self.timeMicros = timeMicros
        self.operatorName = operatorName
        self.role = role
        self.action = action
        self.subject = subject
        self.details = details
        self.previousHash = previousHash
        self.hash = hash
    }

    /// Seals `entry` as record `sequence` after `previousHash`.
    public static func sealing(_ entry: AuditEntry, sequence: Int64, time: Date, previousHash: String) -> AuditRecord {
        sealing(entry, sequence: sequence, timeMicros: Int64((time.timeIntervalSince1970 * 1_000_000).rounded()), previousHash: previousHash)
    }

    /// Seals `entry` as record `sequence` at `timeMicros` after `previousHash`.
    public static func sealing(_ entry: AuditEntry, sequence: Int64, timeMicros: Int64, previousHash: String) -> AuditRecord {
        var record = AuditRecord(sequence: sequence, timeMicros: timeMicros,
                                 operatorName: entry.principal.name, role: entry.principal.role.rawValue,
                                 action: entry.action, subject: entry.subject, details: entry.details.text,
                                 previousHash: previousHash, hash: "")
        record.hash = record.computedHash
        return record
    }

    public var time: Date { Date(timeIntervalSince1970: Double(timeMicros) / 1_000_000) }

    /// The canonical text the hash covers (every field but the hash itself).
    public var canonicalBody: String {
        CanonicalJSON.object([
            "seq": .int(sequence), "time": .int(timeMicros), "operator": .string(operatorName),
            "role": .string(role), "action": .string(action), "subject": .string(subject),
            "details": .string(details),
        ]).text
    }

    public var computedHash: String {
        var hasher = SHA256()
        hasher.update(data: Data(previousHash.utf8))
        hasher.update(data: Data(canonicalBody.utf8))
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }
}

/// The outcome of checking the whole chain.
public enum AuditVerification: Hashable, Sendable {
    case intact(records: Int64, lastHash: String)
    /// The first bad sequence number and what is wrong there.
    case broken(sequence: Int64, problem: AuditProblem)
}

public enum AuditProblem: String, Hashable, Sendable, Codable {
    /// The record's content no longer matches its hash.
    case edited
    /// A sequence number is missing: a record was deleted.
    case removed
    /// Records are intact but out of order, or a hash links to the wrong predecessor.
    case reordered
    /// The record is dated before its predecessor by more than the tolerance:
    /// the clock was moved back, or the record was written in later.
    case timeWentBack = "time_went_back"
}

/// One break in the chain: where it is and what is wrong there.
public struct AuditBreak: Hashable, Sendable, Codable {
    public var sequence: Int64
    public var problem: AuditProblem

    public init(sequence: Int64, problem: AuditProblem) {
        self.sequence = sequence
        self.problem = problem
    }
}

/// A break that an admin explained in an `audit.repair` record: it stays in
/// the history, named with the record that acknowledged it.
public struct AuditRepair: Hashable, Sendable, Codable {
    /// The sequence number of the `audit.repair` record.
    public var record: Int64
    public var by: String
    public var reason: String
    public var breaks: [AuditBreak]
    /// The head the chain claimed when the repair was made (`seq:hash`), if any.
    public var headBefore: String?

    public init(record: Int64, by: String, reason: String, breaks: [AuditBreak], headBefore: String?) {
        self.record = record
        self.by = by
        self.reason = reason
        self.breaks = breaks
        self.headBefore = headBefore
    }

    /// The sequence number the head named before the repair, when it named one.
    public var headBeforeSequence: Int64? { headBefore?.split(separator: ":").first.flatMap { Int64($0) } }
}

/// The whole check: the verdict, and the repairs that explain earlier breaks.
public struct AuditChainCheck: Hashable, Sendable {
    public var verification: AuditVerification
    public var repairs: [AuditRepair]

    public init(verification: AuditVerification, repairs: [AuditRepair]) {
        self.verification = verification
        self.repairs = repairs
    }
}
