import VigiaCore

/// Why the engine refused a command, with what to do about it.
public enum EngineError: Error, CustomStringConvertible, Equatable {
    case forbidden(principal: String, role: Role, permission: Permission)
    case signInFailed(name: String)
    case signInLocked(name: String, retryAfterSeconds: Int)
    case inactiveOperator(name: String)
    case noOperators
    case firstOperatorMustBeAdmin
    case roleNotAssignable(Role)
    case invalidOperatorName(String, String)
    case weakPassphrase(minimum: Int)
    case personalDataColumns(file: String, columns: [String])
    case badInput(file: String, line: Int?, field: String?, reason: String)
    /// A file refused whole: every problem found, each with its file and line; nothing was stored.
    case refusedWhole(what: String, problems: [String])

    public var description: String {
        switch self {
        case .forbidden(let name, let role, let permission):
            return "\(name) (\(role.rawValue)) may not do this: it needs the \"\(permission.rawValue)\" permission, which the \(role.rawValue) role does not have"
        case .signInFailed(let name):
            return "sign-in failed for \(name): unknown operator or wrong passphrase"
        case .signInLocked(let name, let seconds):
            return "sign-in for \(name) is locked after repeated failures; try again in \(seconds) s (every attempt is audited)"
        case .inactiveOperator(let name):
            return "operator \(name) is deactivated"
        case .noOperators:
            return "this database has no operators yet; create the first admin with: vigia operator add NAME --role admin"
        case .firstOperatorMustBeAdmin:
            return "the first operator of a database must be an admin (--role admin)"
        case .roleNotAssignable(let role):
            return "role \(role.rawValue) cannot be given to a person; use dispatcher, supervisor, auditor or admin"
        case .invalidOperatorName(let name, let problem):
            return "operator name \"\(name)\" is not allowed: \(problem). A name is 2–32 ASCII characters: a letter, then letters, digits, '.', '_' or '-'"
        case .weakPassphrase(let minimum):
            return "the passphrase is too short: use at least \(minimum) characters"
        case .personalDataColumns(let file, let columns):
            return "\(file): refused: the columns \(columns.joined(separator: ", ")) identify or describe people; forecasts are about places (safeguard 7). Remove those columns and ingest again"
        case .badInput(let file, let line, let field, let reason):
            var location = file
            if let line { location += ":\(line)" }
            if let field { location += " (\(field))" }
            return "\(location): \(reason)"
        case .refusedWhole(let what, let problems):
            let shown = problems.prefix(50).map { "  " + $0 }
            let more = problems.count > 50 ? ["  … and \(problems.count - 50) more"] : []
            return (["\(what) refused, nothing stored: \(problems.count) problem\(problems.count == 1 ? "" : "s")"] + shown + more).joined(separator: "\n")
        }
    }
}
