import GRDB
import GRDBSQLite

extension VigiaDatabase {
    /// The SQLite library this process runs on (`sqlite3_libversion`), for `vigia --version`.
    public static var sqliteVersion: String { String(cString: sqlite3_libversion()) }
}
