import Foundation
import GRDB
import Testing
@testable import Engine
@_spi(SignIn) import VigiaCore

/// A view of the past (issue 23): candidates and flags as they stood at a
/// time, from their decisions up to then, on a hand-built store.
@Suite("Views as of a past time (engine)", .serialized)
struct AsOfViewEngineTests {
    let now = 1_542_301_200.0

    @Test("a candidate is in the state its decisions up to then left it in, and only once it was sighted")
    func hitsAsOf() throws {
        let f = try EngineFixture()
        _ = try f.admin()
        try DatabaseQueue(path: f.databasePath).write { db in
            for (id, time, state) in [(1, now - 3600, "rejected"), (2, now - 600, "pending")] {
                try db.execute(sql: "INSERT INTO hit (id, entry_id, similarity, rank, camera_id, time, state) VALUES (?, 'W1', 0.6, 1, 'C1', ?, ?)",
                               arguments: [id, time, state])
            }
            try db.execute(sql: "INSERT INTO hit_decision (hit_id, operator, decision, reason, at) VALUES (1, 'dina', 'confirm', 'se parece', ?)", arguments: [now - 3000])
            try db.execute(sql: "INSERT INTO hit_decision (hit_id, operator, decision, reason, at) VALUES (1, 'diego', 'reject', 'no es', ?)", arguments: [now - 2000])
        }
        let dina = Principal(name: "dina", role: .dispatcher)
        func open(at t: Double) throws -> [String] {
            try f.engine.hitViews(states: [.pending, .confirmedOnce, .confirmed], asOf: Date(timeIntervalSince1970: t), as: dina)
                .map { "\($0.hit.id) \($0.hit.state.rawValue) \($0.confirmations)" }
        }
        #expect(try open(at: now - 4000) == [], "nothing sighted yet")
        #expect(try open(at: now - 3500) == ["1 pending 0"])
        #expect(try open(at: now - 2500) == ["1 confirmedOnce 1"], "one confirmation by then, the rejection later")
        #expect(try open(at: now - 1000) == [], "rejected by then; the second not sighted yet")
        #expect(try open(at: now) == ["2 pending 0"])
        // Today's view is unchanged by all this.
        #expect(try f.engine.hitViews(states: [.pending], as: dina).map(\.hit.id) == [2])
        // The auditor, who decides nothing, sees no candidates then either.
        #expect(throws: EngineError.self) { try f.engine.hitViews(states: [.pending], asOf: Date(timeIntervalSince1970: now), as: Principal(name: "ana", role: .auditor)) }
    }

    @Test("a flag is pending from its post's time until its review; a credible one reviewed later is pending before")
    func flagsAsOf() throws {
        let f = try EngineFixture()
        _ = try f.admin()
        try DatabaseQueue(path: f.databasePath).write { db in
            for (id, time, state) in [(1, now - 3600, "credible"), (2, now - 100, "pending")] {
                try db.execute(sql: """
                    INSERT INTO flag (id, post_id, post_time, platform, author, text, category, score, phrases, state)
                    VALUES (?, ?, ?, 'x', 'someone', 'texto', 'threat_place', 0.9, '[]', ?)
                    """, arguments: [id, "p\(id)", time, state])
            }
            try db.execute(sql: "INSERT INTO flag_decision (flag_id, operator, decision, reason, at) VALUES (1, 'dina', 'credible', 'amenaza concreta', ?)", arguments: [now - 1800])
        }
        let dina = Principal(name: "dina", role: .dispatcher)
        func pending(at t: Double) throws -> [Int64] { try f.engine.flagViews(pendingAsOf: Date(timeIntervalSince1970: t), as: dina).map(\.flag.id) }
        #expect(try pending(at: now - 4000) == [])
        #expect(try pending(at: now - 3000) == [1], "posted, not yet reviewed")
        #expect(try pending(at: now - 1000) == [], "reviewed by then")
        #expect(try pending(at: now) == [2])
        #expect(try f.engine.flagViews(pendingAsOf: Date(timeIntervalSince1970: now - 3000), as: dina).allSatisfy { $0.flag.state == .pending })
    }
}
