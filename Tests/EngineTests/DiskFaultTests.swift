import Foundation
import GRDB
import Store
import Testing
@testable import Engine
import VigiaCore

/// A disk that fills up and a database that cannot be written: a clear
/// error, nothing half-saved, nothing already stored lost, no corruption.
@Suite("Disk faults", .serialized)
struct DiskFaultTests {
    func pages(_ path: String) throws -> Int {
        try DatabaseQueue(path: path).read { try Int.fetchOne($0, sql: "PRAGMA page_count") } ?? 0
    }

    @Test("disk full during an ingest: the error says so, the batch is rolled back, what was stored stays, and a retry finishes")
    func diskFull() throws {
        let f = try EngineFixture()
        _ = try f.admin()
        let csv = EngineFixture.sampleData.appendingPathComponent("ba-robos-2017-2018.csv")
        // Byte lines: in Swift "\r\n" is one Character, so split the bytes.
        let lines = try Data(contentsOf: csv).split(separator: 10, omittingEmptySubsequences: false)
        let small = try f.file("small.csv", Data(lines.prefix(2_001).joined(separator: [10])) + Data([10]))
        let first = try f.engine.ingestIncidents(at: small, options: f.options)
        #expect(first.accepted == 2_000)
        let before = try f.engine.incidents.summary().total
        let auditBefore = try f.engine.audit.recordCount()

        // The same database, on a "disk" with room for 40 more pages only.
        let full = try Engine(databasePath: f.databasePath, clock: FixedTimeSource(Date(timeIntervalSince1970: 1_542_301_200)),
                              maximumPageCount: try pages(f.databasePath) + 40)
        do {
            _ = try full.ingestIncidents(at: csv, options: f.options)
            Issue.record("a 100,000-row ingest fitted in 40 pages")
        } catch {
            let message = StorageProblem.describe(error, path: f.databasePath)
            #expect(message?.contains("is full") == true && message?.contains("rolled back") == true, "\(error)")
        }
        #expect(try f.engine.incidents.summary().total == before, "a half-saved batch, or lost rows")
        #expect(try f.engine.audit.recordCount() == auditBefore, "an audit record without its change")
        let integrity = try DatabaseQueue(path: f.databasePath).read { try String.fetchOne($0, sql: "PRAGMA integrity_check") }
        #expect(integrity == "ok")
        if case .broken = try f.engine.audit.verify() { Issue.record("the audit chain broke") }
        // Room again: the same command finishes.
        let retry = try f.engine.ingestIncidents(at: csv, options: f.options)
        let after = try f.engine.incidents.summary().total
        #expect(retry.accepted > 100_000 && after > before)
    }

    @Test("a database that cannot be written: a clear read-only error, and its content is untouched")
    func readOnly() throws {
        let f = try EngineFixture()
        _ = try f.admin()
        let before = try f.engine.audit.recordCount()
        // Open it read-only, as a read-only disk or a protected copy would be.
        var config = Configuration()
        config.readonly = true
        let queue = try DatabaseQueue(path: f.databasePath, configuration: config)
        do {
            try queue.write { try $0.execute(sql: "INSERT INTO setting (key, value) VALUES ('x', 'y')") }
            Issue.record("wrote to a read-only database")
        } catch {
            let message = StorageProblem.describe(error, path: f.databasePath)
            #expect(message?.contains("read-only") == true, "\(error)")
        }
        #expect(try f.engine.audit.recordCount() == before)
        let integrity = try DatabaseQueue(path: f.databasePath).read { try String.fetchOne($0, sql: "PRAGMA integrity_check") }
        #expect(integrity == "ok")
    }
}
