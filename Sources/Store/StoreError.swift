/// Why the store refused or failed, in words an operator can act on.
public enum StoreError: Error, CustomStringConvertible, Equatable {
    case cannotCreate(path: String, reason: String)
    case cannotOpen(path: String, reason: String)
    case newerSchema(path: String)
    case duplicateOperator(name: String)
    case badPassphraseHash(name: String)
    case writeFailed(what: String, reason: String)

    public var description: String {
        switch self {
        case .cannotCreate(let path, let reason): return "cannot create the database at \(path): \(reason)"
        case .cannotOpen(let path, let reason): return "cannot open the database at \(path): \(reason)"
        case .newerSchema(let path):
            return "the database at \(path) was written by a newer Vigía (its schema has migrations this version does not know); upgrade Vigía or use another --db"
        case .duplicateOperator(let name): return "an operator named \(name) already exists"
        case .badPassphraseHash(let name): return "the stored passphrase hash of \(name) is unreadable; an admin must reset it"
        case .writeFailed(let what, let reason): return "could not save \(what): \(reason); nothing was changed"
        }
    }
}
