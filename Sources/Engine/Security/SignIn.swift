import Foundation
@_spi(SignIn) import VigiaCore

extension Engine {
    /// When sign-in locks; see `SignInPolicy`.
    public static let signInPolicy = SignInPolicy()

    /// Where this process's sign-in attempts come from: its Unix user and host.
    public static var signInSource: String {
        var name = [CChar](repeating: 0, count: 256)
        let host = gethostname(&name, name.count) == 0 ? String(cString: name) : "unknown-host"
        return "uid \(getuid())@\(host)"
    }

    /// Checks an operator's passphrase; every attempt, good or bad, is audited.
    /// The attempt is reserved in the store before the passphrase is checked,
    /// so parallel guesses each count (see `SignInPolicy` for when a name
    /// locks). Unknown names cost the same passphrase check as known ones and
    /// lock the same way, so neither the time nor the lock says who exists.
    public func signIn(name: String, passphrase: String, source: String = Engine.signInSource) throws -> Principal {
        try authenticate(name: name, passphrase: passphrase, source: source, recordSuccess: true)
    }

    /// `signIn` without a `login` record on success: for `audit verify` on a
    /// broken chain, which must not write to it. Failures are still counted.
    func authenticate(name: String, passphrase: String, source: String, recordSuccess: Bool) throws -> Principal {
        guard try operators.operatorCount() > 0 else { throw EngineError.noOperators }
        let asSystem = Principal(name: TerminalSafe.line(name, limit: 64), role: .system)
        let reservation = try operators.reserveSignIn(name: name, source: source, at: clock.now(), policy: Self.signInPolicy) { wait in
            AuditEntry(principal: asSystem, action: .loginLocked, subject: asSystem.name,
                       details: ["retry_after_seconds": .int(Int64(wait)), "source": .string(source)])
        }
        let attempt: Int64
        switch reservation {
        case .locked(let wait): throw EngineError.signInLocked(name: asSystem.name, retryAfterSeconds: wait)
        case .reserved(let id): attempt = id
        }
        let credential = try operators.credential(named: name)
        let matches = PassphraseHasher.verify(passphrase, against: credential?.passphraseHash ?? PassphraseHasher.decoy) ?? false
        guard let credential, matches else {
            try operators.finishSignIn(id: attempt, outcome: .failed, audit: AuditEntry(
                principal: asSystem, action: .loginFailed, subject: asSystem.name, details: ["source": .string(source)]))
            throw EngineError.signInFailed(name: asSystem.name)
        }
        guard credential.op.active else {
            try operators.finishSignIn(id: attempt, outcome: .failed, audit: AuditEntry(
                principal: Principal(name: credential.op.name, role: credential.op.role), action: .loginRefused,
                subject: credential.op.name, details: ["reason": "inactive"]))
            throw EngineError.inactiveOperator(name: credential.op.name)
        }
        let principal = Principal(name: credential.op.name, role: credential.op.role)
        try operators.finishSignIn(id: attempt, outcome: .succeeded, audit: recordSuccess ? AuditEntry(
            principal: principal, action: .login, subject: credential.op.name, details: ["source": .string(source)]) : nil)
        return principal
    }

    /// True while the database has no operators: the first one may then be
    /// added without signing in (and must be an admin).
    public func awaitsFirstAdmin() throws -> Bool {
        try operators.operatorCount() == 0
    }

    /// Adds an operator. On a database with no operators the first one may be
    /// added without signing in, and must be an admin; after that only an
    /// admin may add operators. Names follow `OperatorName`.
    public func addOperator(name: String, role: Role, passphrase: String, by principal: Principal?) throws {
        guard Role.assignable.contains(role) else { throw EngineError.roleNotAssignable(role) }
        if let problem = OperatorName.problem(name) { throw EngineError.invalidOperatorName(TerminalSafe.line(name, limit: 64), problem) }
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
        let op = Operator(name: name, role: role, createdAt: clock.now(), createdBy: details["bootstrap"] == nil ? acting.name : nil)
        try operators.add(OperatorCredential(op: op, passphraseHash: hash),
                          audit: AuditEntry(principal: acting, action: .operatorAdd, subject: name, details: .object(details)))
    }

    /// Deactivates (`active: false`) or reactivates an operator (admin; audited).
    /// A deactivated operator cannot sign in and keeps their history. An
    /// admin cannot deactivate themselves, so a room always keeps one.
    public func setOperatorActive(name: String, active: Bool, reason: String, by principal: Principal) throws {
        try require(.manageOperators, of: principal)
        guard reason.trimmingCharacters(in: .whitespaces).count >= 3 else {
            throw EngineError.badInput(file: "operator \(name)", line: nil, field: "--reason", reason: "say why (at least 3 characters)")
        }
        guard let target = try operators.credential(named: name)?.op else {
            throw EngineError.badInput(file: "operator \(TerminalSafe.line(name, limit: 64))", line: nil, field: nil, reason: "no such operator")
        }
        if !active, target.name == principal.name {
            throw EngineError.badInput(file: "operator \(name)", line: nil, field: nil, reason: "you cannot deactivate yourself; another admin must")
        }
        let changed = try operators.setActive(name: target.name, active: active, by: principal.name, at: clock.now(), audit: AuditEntry(
            principal: principal, action: active ? .operatorReactivate : .operatorDeactivate, subject: target.name,
            details: ["reason": .string(reason)]))
        guard changed else {
            throw EngineError.badInput(file: "operator \(target.name)", line: nil, field: nil, reason: "is already \(active ? "active" : "inactive")")
        }
    }

    /// Clears a name's counted sign-in failures (admin; audited): the way out
    /// when a guesser has locked a colleague's name.
    public func unlockOperator(name: String, by principal: Principal) throws -> Int {
        try require(.manageOperators, of: principal)
        return try operators.clearSignInFailures(name: name, audit: AuditEntry(principal: principal, action: .operatorUnlock,
                                                                              subject: TerminalSafe.line(name, limit: 64)))
    }

    public func listOperators(by principal: Principal) throws -> [Operator] {
        try require(.readAll, of: principal)
        return try operators.operators()
    }
}
