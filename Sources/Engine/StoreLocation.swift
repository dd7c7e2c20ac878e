import Foundation
import Store

/// What the command line needs of the store without reaching into it: the
/// default database path, a storage failure said plainly, the SQLite version.
extension Engine {
    /// `$XDG_DATA_HOME/vigia/vigia.sqlite` (or `~/.local/share/…`).
    public static func defaultDatabasePath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        DefaultLocation.databasePath(environment: environment)
    }

    /// A disk-full, read-only or locked database said in one sentence with the path; nil for other errors.
    public static func describeStorageProblem(_ error: any Error, path: String) -> String? {
        StorageProblem.describe(error, path: path)
    }

    /// The SQLite library the store runs on.
    public static var sqliteVersion: String { VigiaDatabase.sqliteVersion }
}
