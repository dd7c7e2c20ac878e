import Foundation
import GRDB
import VigiaCore

/// Operators and their passphrase hashes.
public struct OperatorStore: OperatorRepository {
    let database: VigiaDatabase

    public func operatorCount() throws -> Int {
        try database.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM operator") ?? 0 }
    }

    public func credential(named name: String) throws -> OperatorCredential? {
        try database.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM operator WHERE name = ?", arguments: [name]).map {
                OperatorCredential(op: Self.op($0), passphraseHash: $0["passphrase_hash"])
            }
        }
    }

    public func operators() throws -> [Operator] {
        try database.read { db in try Row.fetchAll(db, sql: "SELECT * FROM operator ORDER BY name").map(Self.op) }
    }

    public func add(_ credential: OperatorCredential, audit: AuditEntry) throws {
        try database.write(audit: audit) { db in
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM operator WHERE name = ?", arguments: [credential.op.name]) == true {
                throw StoreError.duplicateOperator(name: credential.op.name)
            }
            try db.execute(sql: "INSERT INTO operator (name, role, passphrase_hash, created_at, active) VALUES (?, ?, ?, ?, ?)",
                           arguments: [credential.op.name, credential.op.role.rawValue, credential.passphraseHash,
                                       credential.op.createdAt.timeIntervalSince1970, credential.op.active])
        }
    }

    static func op(_ row: Row) -> Operator {
        Operator(name: row["name"], role: Role(rawValue: row["role"]) ?? .dispatcher,
                 createdAt: Date(timeIntervalSince1970: row["created_at"]), active: row["active"])
    }
}
