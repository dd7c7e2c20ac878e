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
            return full(path, rolledBack)
        case .SQLITE_IOERR where isFull(folderOf: path):
            // A write that met ENOSPC while growing the WAL index reports an I/O error, not SQLITE_FULL.
            return full(path, rolledBack)
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

    static func full(_ path: String, _ rolledBack: String) -> String {
        "the disk holding \(path) is full (or the database reached its size limit); \(rolledBack). Free space and run the command again: feeds resume after their last saved line"
    }

    /// Whether the filesystem holding `path` has less than a megabyte left for this user.
    static func isFull(folderOf path: String) -> Bool {
        var info = statvfs()
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        guard statvfs(folder, &info) == 0 else { return false }
        return UInt64(info.f_bavail) * UInt64(info.f_frsize) < 1 << 20
    }
}
