import Foundation
import Store
import VigiaCore

extension Engine {
    /// Failed attempts allowed in `lockWindow` before sign-in locks for a name.
    public static let allowedFailures = 5
    public static let lockWindow: TimeInterval = 15 * 60

    /// Checks an operator's passphrase; every attempt, good or bad, is audited.
    /// After 5 failures for a name within 15 minutes (counted in the audit
    /// log, so across processes and restarts) the name is locked: 30 s after
    /// the 5th failure, doubling with each further one up to 15 minutes. A
    /// locked attempt is refused without checking the passphrase, and audited.
    /// Unknown names lock the same way, so the lock says nothing about who exists.
    public func signIn(name: String, passphrase: String) throws -> Principal {
        guard try operators.operatorCount() > 0 else { throw EngineError.noOperators }
        let now = clock.now()
        if let wait = try signInLockRemaining(name: name, now: now) {
            try audit.append(AuditEntry(principal: Principal(name: name, role: .system), action: "login.locked", subject: name,
                                        details: ["retry_after_seconds": .int(Int64(wait))]))
            throw EngineError.signInLocked(name: name, retryAfterSeconds: wait)
        }
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

    /// Seconds until `name` may try again, or nil when it is not locked.
    func signInLockRemaining(name: String, now: Date) throws -> Int? {
        var failures: [Date] = []
        for r in try audit.records(from: now.addingTimeInterval(-Self.lockWindow), to: nil) where r.subject == name {
            if r.action == "login" { failures = [] }
            if r.action == "login.failed" { failures.append(r.time) }
        }
        guard failures.count >= Self.allowedFailures, let last = failures.last else { return nil }
        let lock = min(Self.lockWindow, 30 * pow(2, Double(failures.count - Self.allowedFailures)))
        let remaining = last.addingTimeInterval(lock).timeIntervalSince(now)
        return remaining > 0 ? Int(remaining.rounded(.up)) : nil
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
