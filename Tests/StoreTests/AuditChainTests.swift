import Foundation
import GRDB
import Testing
@testable import Store
import VigiaCore

/// Safeguard 9: `audit verify` names the first edited, removed or reordered record.
@Suite("Audit chain")
struct AuditChainTests {
    /// A chain of `count` records, and raw SQL access to the same file.
    func chain(_ count: Int) throws -> (TemporaryDatabase, DatabaseQueue) {
        let temp = try TemporaryDatabase()
        for i in 1...count {
            try temp.database.audit.append(AuditEntry(principal: Principal(name: "ana", role: .supervisor),
                                                      action: "watchlist.add", subject: "W\(i)", details: ["n": .int(Int64(i))]))
        }
        return (temp, try DatabaseQueue(path: temp.path))
    }

    @Test("an untouched chain verifies")
    func intact() throws {
        let (temp, _) = try chain(6)
        guard case .intact(let records, _) = try temp.database.audit.verify() else { Issue.record("not intact"); return }
        #expect(records == 6)
    }

    @Test("editing a record's content is found at that record")
    func edited() throws {
        let (temp, raw) = try chain(6)
        try raw.write { try $0.execute(sql: "UPDATE audit_log SET subject = 'W999' WHERE seq = 3") }
        #expect(try temp.database.audit.verify() == .broken(sequence: 3, problem: .edited))
    }

    @Test("editing a record and recomputing its hash is still found at that record")
    func editedAndResealed() throws {
        let (temp, raw) = try chain(6)
        var record = try #require(try temp.database.audit.records().first { $0.sequence == 4 })
        record.details = #"{"n":40}"#
        let resealed = record.computedHash
        try raw.write { try $0.execute(sql: "UPDATE audit_log SET details = ?, hash = ? WHERE seq = 4", arguments: [record.details, resealed]) }
        #expect(try temp.database.audit.verify() == .broken(sequence: 4, problem: .edited))
    }

    @Test("deleting a record in the middle is found as removed")
    func removedMiddle() throws {
        let (temp, raw) = try chain(6)
        try raw.write { try $0.execute(sql: "DELETE FROM audit_log WHERE seq = 2") }
        #expect(try temp.database.audit.verify() == .broken(sequence: 2, problem: .removed))
    }

    @Test("cutting records off the end is found as removed")
    func removedTail() throws {
        let (temp, raw) = try chain(6)
        try raw.write { try $0.execute(sql: "DELETE FROM audit_log WHERE seq >= 5") }
        #expect(try temp.database.audit.verify() == .broken(sequence: 5, problem: .removed))
    }

    @Test("swapping two records is found as reordered")
    func reordered() throws {
        let (temp, raw) = try chain(6)
        try raw.write { db in
            try db.execute(sql: "UPDATE audit_log SET seq = -1 WHERE seq = 3")
            try db.execute(sql: "UPDATE audit_log SET seq = 3 WHERE seq = 4")
            try db.execute(sql: "UPDATE audit_log SET seq = 4 WHERE seq = -1")
        }
        #expect(try temp.database.audit.verify() == .broken(sequence: 3, problem: .reordered))
    }

    @Test("moving a record past the end is found as reordered")
    func movedToEnd() throws {
        let (temp, raw) = try chain(6)
        try raw.write { try $0.execute(sql: "UPDATE audit_log SET seq = 100 WHERE seq = 2") }
        #expect(try temp.database.audit.verify() == .broken(sequence: 2, problem: .reordered))
    }

    @Test("the head cannot be dropped to hide a cut")
    func headRemoved() throws {
        let (temp, raw) = try chain(3)
        try raw.write { try $0.execute(sql: "DELETE FROM setting WHERE key = 'audit.head'") }
        #expect(try temp.database.audit.verify() == .broken(sequence: 1, problem: .removed))
    }

    @Test("appends continue the chain after reopening the file")
    func survivesReopen() throws {
        let (temp, _) = try chain(2)
        let reopened = try VigiaDatabase(path: temp.path)
        let third = try reopened.audit.append(AuditEntry(principal: .feed, action: "x", subject: "y"))
        #expect(third.sequence == 3)
        guard case .intact(3, _) = try reopened.audit.verify() else { Issue.record("not intact"); return }
    }
}
