import GRDB
import GRDBSQLite

/// A prepared statement driven directly through SQLite's C API, for the
/// ingest hot path: no per-row argument arrays, no retain/release per value.
/// Use only inside a GRDB write transaction on `db`.
struct BulkInsert: ~Copyable {
    private let statement: OpaquePointer
    private let db: Database

    init(_ db: Database, sql: String) throws {
        var handle: OpaquePointer?
        let code = sqlite3_prepare_v2(db.sqliteConnection, sql, -1, &handle, nil)
        guard code == SQLITE_OK, let handle else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)), sql: sql)
        }
        statement = handle
        self.db = db
    }

    deinit { sqlite3_finalize(statement) }

    // SQLITE_TRANSIENT: SQLite copies the text before the call returns.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    func bind(_ index: Int32, _ value: Int64) { sqlite3_bind_int64(statement, index, value) }
    func bind(_ index: Int32, _ value: Double) { sqlite3_bind_double(statement, index, value) }

    func bind(_ index: Int32, _ value: Double?) {
        if let value { sqlite3_bind_double(statement, index, value) } else { sqlite3_bind_null(statement, index) }
    }

    func bind(_ index: Int32, _ value: String?) {
        guard let value else { sqlite3_bind_null(statement, index); return }
        var copy = value
        copy.withUTF8 { bytes in
            _ = bytes.withMemoryRebound(to: CChar.self) {
                sqlite3_bind_text(statement, index, $0.baseAddress, Int32($0.count), Self.transient)
            }
        }
    }

    /// Runs the statement once with the current bindings; returns rows changed.
    func step() throws -> Int {
        let code = sqlite3_step(statement)
        sqlite3_reset(statement)
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
        }
        return Int(sqlite3_changes(db.sqliteConnection))
    }
}
