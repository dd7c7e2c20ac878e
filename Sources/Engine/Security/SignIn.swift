import Foundation
import Store
import VigiaCore

extension Engine {
    /// Checks an operator's passphrase; every attempt, good or bad, is audited.
    public func signIn(name: String, passphrase: String) throws -> Principal {
        guard try operators.operatorCount() > 0 else { throw EngineError.noOperators }
        let credential = try operators.credential(named: name)
        let matches = credential.flatMap { PassphraseHasher.verify(passphrase, against: $0.passphraseHash) } ?? false
        guard let credential, matches else {
            try audit.append(AuditEntry(principal: Principal(name: name, role: .system), action: "login.failed", subject: name))
            throw EngineError.signInFailed(name: name)
        }
        guard credential.op.active else {
            try audit.append(AuditEntry(principal: Principal(name: name, role: credential.op.role),
                                        action: "login.refused", subject: name, details: ["reason": "inactive"]))
            throw EngineError.inactiveOperator(name: name)
        }
        let principal = Principal(name: credential.op.name, role: credential.op.role)
        try audit.append(AuditEntry(principal: principal, action: "login", subject: name))
        return principal
    }

    /// Adds an operator. On a database with no operators the first one may be
    /// added without signing in, and must be an admin; after that only an
    /// admin may add operators.
    public func addOperator(name: String, role: Role, passphrase: String, by principal: Principal?) throws {
        guard Role.assignable.contains(role) else { throw EngineError.roleNotAssignable(role) }
        guard Self.isValidOperatorName(name) else { throw EngineError.invalidOperatorName(name) }
        guard passphrase.count >= PassphraseHasher.minimumLength else {
            throw EngineError.weakPassphrase(minimum: PassphraseHasher.minimumLength)
        }
        let acting: Principal
        var details: [String: CanonicalJSON] = ["role": .string(role.rawValue)]
        if try operators.operatorCount() == 0 {
            guard role == .admin else { throw EngineError.firstOperatorMustBeAdmin }
            acting = principal ?? Principal(name: name, role: .admin)
            details["bootstrap"] = true
        } else {
            guard let principal else { throw EngineError.signInFailed(name: "(nobody)") }
            try require(.manageOperators, of: principal)
            acting = principal
        }
        let hash = try PassphraseHasher.hash(passphrase)
        let op = Operator(name: name, role: role, createdAt: clock.now())
        try operators.add(OperatorCredential(op: op, passphraseHash: hash),
                          audit: AuditEntry(principal: acting, action: "operator.add", subject: name, details: .object(details)))
    }

    public func listOperators(by principal: Principal) throws -> [Operator] {
        try require(.readAll, of: principal)
        return try operators.operators()
    }

    static func isValidOperatorName(_ name: String) -> Bool {
        guard (1...64).contains(name.count), name != Principal.feed.name else { return false }
        return name.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || "._-".unicodeScalars.contains($0) }
    }
}
