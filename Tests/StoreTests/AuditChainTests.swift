import Foundation
import GRDB
import Testing
@testable import Store
@_spi(SignIn) @_spi(RawAudit) import VigiaCore

/// Safeguard 9: `audit verify` names the first edited, removed or reordered record.
@Suite("Audit chain")
struct AuditChainTests {
    /// A chain of `count` records, and raw SQL access to the same file.
    func chain(_ count: Int) throws -> (TemporaryDatabase, DatabaseQueue) {
        let temp = try TemporaryDatabase()
        for i in 1...count {
            try temp.database.audit.append(AuditEntry(principal: Principal(name: "ana", role: .supervisor),
                                                      action: .watchlistAdd, subject: "W\(i)", details: ["n": .int(Int64(i))]))
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
        let third = try reopened.audit.append(AuditEntry(principal: .feed, rawAction: "x", subject: "y"))
        #expect(third.sequence == 3)
        guard case .intact(3, _) = try reopened.audit.verify() else { Issue.record("not intact"); return }
    }
}

/// The checks an append makes before it extends the chain.
@Suite("Audit chain appends")
struct AuditAppendTests {
    let ana = Principal(name: "ana", role: .supervisor)

    @Test("after records are cut off the end, every append is refused and the cut stays visible")
    func refusedAfterCut() throws {
        let temp = try TemporaryDatabase()
        for i in 1...6 { try temp.database.audit.append(AuditEntry(principal: ana, rawAction: "x", subject: "\(i)")) }
        try DatabaseQueue(path: temp.path).write { try $0.execute(sql: "DELETE FROM audit_log WHERE seq >= 5") }
        #expect(throws: StoreError.self) { try temp.database.audit.append(AuditEntry(principal: .feed, action: .login, subject: "ana")) }
        #expect(try temp.database.audit.recordCount() == 4)
        #expect(try temp.database.audit.verify() == .broken(sequence: 5, problem: .removed))
    }

    @Test("an edited last record is not extended")
    func refusedAfterEdit() throws {
        let temp = try TemporaryDatabase()
        for i in 1...3 { try temp.database.audit.append(AuditEntry(principal: ana, rawAction: "x", subject: "\(i)")) }
        try DatabaseQueue(path: temp.path).write { try $0.execute(sql: "UPDATE audit_log SET subject = 'other' WHERE seq = 3") }
        #expect(throws: StoreError.self) { try temp.database.audit.append(AuditEntry(principal: .feed, rawAction: "y", subject: "z")) }
    }

    @Test("time: within 5 s back a record takes its predecessor's time; further back it is refused and counted")
    func clock() throws {
        let clock = ManualTimeSource(Date(timeIntervalSince1970: 1_800_000_000))
        let temp = try TemporaryDatabase(clock: clock)
        let first = try temp.database.audit.append(AuditEntry(principal: ana, rawAction: "x", subject: "1"))
        clock.set(Date(timeIntervalSince1970: 1_800_000_000 - 3))
        let second = try temp.database.audit.append(AuditEntry(principal: ana, rawAction: "x", subject: "2"))
        #expect(second.timeMicros == first.timeMicros)
        clock.set(Date(timeIntervalSince1970: 1_542_300_000))
        #expect(throws: StoreError.self) { try temp.database.audit.append(AuditEntry(principal: ana, rawAction: "x", subject: "3")) }
        let refusals = try DatabaseQueue(path: temp.path).read {
            try Int.fetchOne($0, sql: "SELECT sum(value) FROM counter WHERE name = 'audit.refused.clock_went_back'")
        }
        #expect(refusals == 1)
        guard case .intact(2, _) = try temp.database.audit.verify() else { Issue.record("not intact"); return }
    }

    @Test("a repair names every break, re-seals the head, and later checks still list the breaks with it")
    func repair() throws {
        let temp = try TemporaryDatabase()
        for i in 1...8 { try temp.database.audit.append(AuditEntry(principal: ana, rawAction: "x", subject: "\(i)")) }
        try DatabaseQueue(path: temp.path).write { db in
            try db.execute(sql: "DELETE FROM audit_log WHERE seq = 3")
            try db.execute(sql: "DELETE FROM audit_log WHERE seq >= 7")
        }
        let root = Principal(name: "root", role: .admin)
        let repair = try temp.database.audit.repair(reason: "two deletions by hand found in the weekly check", by: root)
        #expect(repair.breaks == [AuditBreak(sequence: 3, problem: .removed), AuditBreak(sequence: 7, problem: .removed)])
        #expect(repair.headBefore?.hasPrefix("8:") == true)
        let check = try temp.database.audit.check()
        guard case .intact = check.verification else { Issue.record("not intact: \(check.verification)"); return }
        #expect(check.repairs.map(\.record) == [repair.record])
        try temp.database.audit.append(AuditEntry(principal: .feed, action: .login, subject: "ana"))
        #expect(throws: StoreError.auditNothingToRepair) { try temp.database.audit.repair(reason: "nothing is wrong now at all", by: root) }
        // A new break after the repair is not covered by it.
        try DatabaseQueue(path: temp.path).write { try $0.execute(sql: "UPDATE audit_log SET subject = 'z' WHERE seq = 2") }
        #expect(try temp.database.audit.verify() == .broken(sequence: 2, problem: .edited))
    }

    @Test("with an anchor, a checkpoint is signed every N records into the log, and each verifies against the chain")
    func anchored() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vigia-anchor-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let settings = AuditAnchorSettings(keyPath: folder.appendingPathComponent("key").path,
                                           logPath: folder.appendingPathComponent("db.checkpoints").path, everyRecords: 4, syslog: false)
        let database = try VigiaDatabase(path: folder.appendingPathComponent("db.sqlite").path,
                                         clock: FixedTimeSource(Date(timeIntervalSince1970: 1_542_301_200)), anchor: settings)
        for i in 1...9 { try database.audit.append(AuditEntry(principal: ana, rawAction: "x", subject: "\(i)")) }
        let lines = try AuditAnchor.readLog(at: settings.logPath).filter { !$0.isEmpty }
        #expect(lines.compactMap(AuditCheckpoint.parse).map(\.sequence) == [1, 5, 9])
        let key = try #require(database.anchor?.publicKey)
        let check = CheckpointCheck.check(lines: lines, chainHashes: try database.audit.hashesBySequence(), repairs: [], trustedKey: key)
        #expect(check.holds && check.checkpoints == 3 && check.latest?.sequence == 9)
        #expect(try FileManager.default.attributesOfItem(atPath: settings.keyPath)[.posixPermissions] as? Int == 0o600)
    }
}
