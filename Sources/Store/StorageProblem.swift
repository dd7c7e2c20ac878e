import Foundation
import GRDB

/// SQLite failures said in words an operator can act on. A failed write
/// rolls its whole transaction back, so the message can say that nothing
/// was half-saved.
public enum StorageProblem {
    /// A sentence for storage errors; nil for any other error.
    public static func describe(_ error: any Error, path: String) -> String? {
        guard let e = error as? DatabaseError else { return nil }
        let rolledBack = "the last change was rolled back whole and nothing stored before it was lost"
        switch e.resultCode.primaryResultCode {
        case .SQLITE_FULL:
            return "the disk holding \(path) is full (or the database reached its size limit); \(rolledBack). Free space and run the command again: feeds resume after their last saved line"
        case .SQLITE_READONLY:
            return "\(path) is read-only (file permissions, a read-only disk, or a read-only copy); \(rolledBack). Use a writable --db"
        case .SQLITE_IOERR:
            return "the disk could not read or write \(path) (\(e.message ?? "I/O error")); \(rolledBack). Check the disk, then run again"
        case .SQLITE_CORRUPT, .SQLITE_NOTADB:
            return "\(path) is damaged or is not a Vigía database (\(e.message ?? "corrupt")); restore it from a backup"
        case .SQLITE_CANTOPEN:
            return "cannot open \(path): the folder is missing or not writable"
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return "\(path) stayed locked by another process for over 10 s; \(rolledBack). Try again"
        default:
            return nil
        }
    }
}
