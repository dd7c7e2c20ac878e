import Foundation
import GRDB
import Testing
@testable import Store
@_spi(SignIn) import VigiaCore

@Suite("Issued patrols (v7-patrol-dosage)")
struct PatrolStoreTests {
    static func patrol(from: Double, to: Double) -> IssuedPatrol {
        IssuedPatrol(issuedAt: Date(timeIntervalSince1970: from - 60), issuedBy: "sergio", from: Date(timeIntervalSince1970: from),
                     to: Date(timeIntervalSince1970: to), model: "recency", grid: "0.0|0.0|150.0|10|10",
                     boxes: [IssuedPatrolBox(unit: 1, centre: GeoPoint(latitude: -34.6, longitude: -58.38), sideMetres: 300, expected: 1.25,
                                             district: "Balvanera", cells: [11, 12, 21, 22]),
                             IssuedPatrolBox(unit: 2, centre: GeoPoint(latitude: -34.61, longitude: -58.4), sideMetres: 300, expected: 0.5,
                                             district: nil, cells: [55, 56, 65, 66])])
    }

    @Test("an issue and its boxes round-trip with their audit record; only overlapping windows come back")
    func roundTrip() throws {
        let temp = try TemporaryDatabase()
        let p = Self.patrol(from: 1_000, to: 2_000)
        let id = try temp.database.patrols.issue(p, audit: AuditEntry(principal: Principal(name: "sergio", role: .supervisor), action: .patrolIssue, subject: "w"))
        var expected = p
        expected.id = id
        #expect(try temp.database.patrols.issued(overlapping: Date(timeIntervalSince1970: 1_999), to: Date(timeIntervalSince1970: 3_000)) == [expected])
        #expect(try temp.database.patrols.issued(overlapping: Date(timeIntervalSince1970: 2_000), to: Date(timeIntervalSince1970: 3_000)).isEmpty)
        #expect(try temp.database.audit.records(from: nil, to: nil).map(\.action) == ["patrol.issue"])
    }

    @Test("a v5 database with data migrates to v6 and keeps it; a new file gets the tables too")
    func migrateFromV5() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vigia-v5-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("v5.sqlite").path
        try Migrations.migrator.migrate(DatabaseQueue(path: path), upTo: "v5-foreign-key-indexes")
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "INSERT INTO setting (key, value) VALUES ('kept', 'yes')")
            #expect(try !db.tableExists("patrol_issue"))
        }
        let database = try VigiaDatabase(path: path)
        #expect(try database.read { try String.fetchOne($0, sql: "SELECT value FROM setting WHERE key = 'kept'") } == "yes")
        #expect(try database.read { try $0.tableExists("patrol_issue") && $0.tableExists("patrol_box") })
        #expect(VigiaDatabase.schemaVersions.contains("v7-patrol-dosage"))
        _ = try database.patrols.issue(Self.patrol(from: 0, to: 10), audit: AuditEntry(principal: .feed, action: .patrolIssue, subject: "w"))
        let fresh = try TemporaryDatabase()
        #expect(try fresh.database.read { try $0.tableExists("patrol_box") })
    }
}
