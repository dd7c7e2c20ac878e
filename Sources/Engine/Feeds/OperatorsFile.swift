import Foundation
import VigiaCore

/// `operators.json` of the demo: `{"operators": [{"name", "role", "passphrase"}]}`.
/// Passphrases in a file are for demos only; real operators type theirs.
public enum OperatorsFile {
    public struct Entry: Sendable, Equatable {
        public var name: String
        public var role: Role
        public var passphrase: String
    }

    public static func decode(_ data: Data, source: String) throws -> [Entry] {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw EngineError.badInput(file: source, line: nil, field: nil, reason: "not a JSON object")
        }
        do {
            return try JSONFields(object: object).objects("operators").map { o in
                guard let role = Role(rawValue: try o.string("role")), Role.assignable.contains(role) else {
                    throw FieldError(code: "impossible_value", field: o.path + "role", message: "expected dispatcher, supervisor, auditor or admin")
                }
                return Entry(name: try o.string("name"), role: role, passphrase: try o.string("passphrase"))
            }
        } catch let error as FieldError {
            throw EngineError.badInput(file: source, line: nil, field: error.field, reason: error.message)
        }
    }
}
