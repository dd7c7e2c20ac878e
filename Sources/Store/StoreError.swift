import Foundation

/// Why the store refused or failed, in words an operator can act on.
public enum StoreError: Error, CustomStringConvertible, Equatable {
    case cannotCreate(path: String, reason: String)
    case cannotOpen(path: String, reason: String)
    case newerSchema(path: String)
    case duplicateOperator(name: String)
    case badPassphraseHash(name: String)
    case writeFailed(what: String, reason: String)
    /// The chain an append would extend is not what was last sealed.
    case auditChainBroken(reason: String)
    /// The clock is behind the last audit record by more than the tolerance.
    case auditClockWentBack(last: Date, now: Date)
    case auditNothingToRepair
    case notAVigiaDatabase(path: String, reason: String)
    case missingDatabase(path: String)

    public var description: String {
        switch self {
        case .cannotCreate(let path, let reason): return "cannot create the database at \(path): \(reason)"
        case .cannotOpen(let path, let reason): return "cannot open the database at \(path): \(reason)"
        case .newerSchema(let path):
            return "the database at \(path) was written by a newer Vigía (its schema has migrations this version does not know); upgrade Vigía or use another --db"
        case .duplicateOperator(let name): return "an operator named \(name) already exists"
        case .badPassphraseHash(let name): return "the stored passphrase hash of \(name) is unreadable; an admin must reset it"
        case .writeFailed(let what, let reason): return "could not save \(what): \(reason); nothing was changed"
        case .auditChainBroken(let reason):
            return "refused: the audit chain is broken (\(reason)); nothing is recorded until an auditor runs `vigia audit verify` and an admin records an explained repair with `vigia audit repair --reason …`"
        case .auditClockWentBack(let last, let now):
            let f = ISO8601DateFormatter()
            return "refused: this machine's clock (\(f.string(from: now))) is behind the last audit record (\(f.string(from: last))) by more than \(Int(AuditChainStore.clockTolerance)) s; audit time never runs backwards. Set the clock right and try again"
        case .auditNothingToRepair: return "the audit chain has no unexplained break: there is nothing to repair"
        case .notAVigiaDatabase(let path, let reason): return "\(path) is not a Vigía database (\(reason)); check --db"
        case .missingDatabase(let path):
            return "there is no database at \(path); check --db. A new one is made only on purpose: create it with the first admin (vigia operator add NAME --role admin), or by vigia ingest or vigia demo"
        }
    }
}
