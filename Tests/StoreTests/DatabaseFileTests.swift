import Foundation
import GRDB
import Testing
@testable import Store
@_spi(RawAudit) import VigiaCore

@Suite("Database file and schema")
struct DatabaseFileTests {
    @Test("a new database and its WAL are readable by their owner only")
    func permissions() throws {
        let temp = try TemporaryDatabase()
        try temp.database.audit.append(AuditEntry(principal: .feed, rawAction: "test", subject: "x"))
        for suffix in ["", "-wal"] {
            let attributes = try FileManager.default.attributesOfItem(atPath: temp.path + suffix)
            let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
            #expect(mode & 0o777 == 0o600, "\(suffix): \(String(mode, radix: 8))")
        }
    }

    @Test("it opens in WAL mode")
    func walMode() throws {
        let temp = try TemporaryDatabase()
        let mode = try temp.database.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
    }

    @Test("migrating from an empty file and from every earlier version gives the same schema")
    func migrations() throws {
        let fresh = try TemporaryDatabase()
        let expected = try Self.schema(fresh.path)
        let versions = VigiaDatabase.schemaVersions
        #expect(!versions.isEmpty)
        for version in versions {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vigia-mig-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let path = folder.appendingPathComponent("old.sqlite").path
            try Migrations.migrator.migrate(DatabaseQueue(path: path), upTo: version)
            _ = try VigiaDatabase(path: path)
            #expect(try Self.schema(path) == expected, "from \(version)")
        }
    }

    @Test("a database from a newer Vigía is refused, not damaged")
    func newerSchemaRefused() throws {
        let temp = try TemporaryDatabase()
        try DatabaseQueue(path: temp.path).write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-future')")
        }
        #expect(throws: StoreError.newerSchema(path: temp.path)) { try VigiaDatabase(path: temp.path) }
    }

    static func schema(_ path: String) throws -> [String] {
        try DatabaseQueue(path: path).read { db in
            try String.fetchAll(db, sql: "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY name")
        }
    }
}
