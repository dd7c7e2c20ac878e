import Foundation
import GRDB
import Testing
@testable import Engine
@_spi(SignIn) import VigiaCore

/// Safeguard 2: a lawful watchlist only, and lapsed entries purged at once.
@Suite("Watchlist scope", .serialized)
struct WatchlistTests {
    let supervisor = Principal(name: "sergio", role: .supervisor)

    func entry(_ id: String, order: String = "Causa N.º 1234/2018", court: String = "Juzgado N.º 3", expiresInDays: Double = 100) -> WatchlistEntry {
        let now = Date(timeIntervalSince1970: 1_542_301_200)
        return WatchlistEntry(id: id, displayName: "Persona Ficticia", courtOrderReference: order, issuingCourt: court,
                              offenceCategory: "robo", issuedOn: now.addingTimeInterval(-86_400 * 30),
                              expiresOn: now.addingTimeInterval(86_400 * expiresInDays))
    }

    func template(_ seed: UInt64) -> [Float] {
        var r = SeededRandom(seed: seed)
        return (0..<512).map { _ in Float(r.gaussian()) }
    }

    @Test("an entry without a court order reference or court is refused; so is one already expired")
    func refusals() throws {
        let f = try EngineFixture()
        for bad in [entry("W1", order: " "), entry("W2", court: ""), entry("W3", expiresInDays: -1)] {
            #expect(throws: EngineError.self, "\(bad.id)") { try f.engine.addWatchlistEntry(bad, templates: [template(1)], by: supervisor) }
        }
        #expect(throws: EngineError.self) { try f.engine.addWatchlistEntry(entry("W4"), templates: [[1, 2, 3]], by: supervisor) }
        #expect(try f.engine.watchlist.entries().isEmpty)
    }

    @Test("dispatchers cannot change the watchlist or read it; auditors read it and change nothing")
    func roles() throws {
        let f = try EngineFixture()
        let dispatcher = Principal(name: "dina", role: .dispatcher), auditor = Principal(name: "ana", role: .auditor)
        #expect(throws: EngineError.self) { try f.engine.addWatchlistEntry(entry("W1"), templates: [template(1)], by: dispatcher) }
        #expect(throws: EngineError.self) { try f.engine.addWatchlistEntry(entry("W1"), templates: [template(1)], by: auditor) }
        try f.engine.addWatchlistEntry(entry("W1"), templates: [template(1)], by: supervisor)
        #expect(throws: EngineError.self) { try f.engine.closeWatchlistEntry(id: "W1", status: .revoked, reason: "x", by: dispatcher) }
        #expect(throws: EngineError.self) { try f.engine.watchlistEntries(by: dispatcher) }
        #expect(try f.engine.watchlistEntries(by: auditor).count == 1)
    }

    @Test("expiring an entry stops it matching and deletes its templates from the database file")
    func purge() throws {
        let f = try EngineFixture()
        let t = template(42)
        try f.engine.addWatchlistEntry(entry("W1"), templates: [t], by: supervisor)
        let now = Date(timeIntervalSince1970: 1_542_301_200)
        #expect(try f.engine.watchlist.searchableTemplates(at: now).count == 1)
        try f.engine.closeWatchlistEntry(id: "W1", status: .expired, reason: "captured", by: supervisor)
        #expect(try f.engine.watchlist.searchableTemplates(at: now).isEmpty)
        #expect(try f.engine.watchlist.entry(id: "W1")?.templateCount == 0)
        // Checkpoint the WAL into the file; with secure_delete the bytes are gone from both.
        try DatabaseQueue(path: f.databasePath).writeWithoutTransaction { try $0.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        var bytes = try Data(contentsOf: URL(fileURLWithPath: f.databasePath))
        if let wal = try? Data(contentsOf: URL(fileURLWithPath: f.databasePath + "-wal")) { bytes.append(wal) }
        let needle = t.prefix(8).withUnsafeBufferPointer { Data(buffer: $0) }
        #expect(bytes.range(of: needle) == nil, "the purged template is still in the file")
        let actions = try f.engine.audit.records(from: nil, to: nil).map(\.action)
        #expect(actions == ["watchlist.add", "watchlist.expire"])
    }

    @Test("importing the sample watchlist: 1,808 searchable, lapsed ones on file without templates, defective ones (no order, no court, expiry before issue) refused")
    func importSample() throws {
        let f = try EngineFixture()
        let report = try f.engine.importWatchlist(at: EngineFixture.sampleData.appendingPathComponent("watchlist.json"), by: supervisor)
        #expect(report.searchable == 1_808 && report.lapsed == 179 && report.refused.count == 13, "\(report.searchable) \(report.lapsed) \(report.refused.count)")
        // Five orders that expire before they were issued are refused, not kept as lapsed (safeguard 2).
        #expect(report.refused.values.filter { $0.contains("expires before it was issued") }.count == 5)
        #expect(report.refused["W-00397"]?.contains("no court order reference") == true)
        let now = Date(timeIntervalSince1970: 1_542_301_200)
        #expect(Set(try f.engine.watchlist.searchableTemplates(at: now).map(\.entryID)).count == 1_808)
        #expect(try f.engine.watchlist.entries().filter { $0.entry.status != .active }.allSatisfy { $0.templateCount == 0 })
    }

    @Test("reconciliation expires and purges entries whose order lapsed while marked active")
    func reconcile() throws {
        let f = try EngineFixture()
        try f.engine.addWatchlistEntry(entry("W1", expiresInDays: 1), templates: [template(1)], by: supervisor)
        try f.engine.addWatchlistEntry(entry("W2", expiresInDays: 300), templates: [template(2)], by: supervisor)
        let later = try Engine(databasePath: f.databasePath, clock: FixedTimeSource(Date(timeIntervalSince1970: 1_542_301_200 + 2 * 86_400)))
        #expect(try later.reconcileWatchlist(by: supervisor) == ["W1"])
        #expect(try later.watchlist.entry(id: "W1")?.templateCount == 0 && later.watchlist.entry(id: "W2")?.templateCount == 1)
    }
}
