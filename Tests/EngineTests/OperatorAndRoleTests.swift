import Foundation
import Testing
@testable import Engine
@_spi(SignIn) import VigiaCore

@Suite("Operators, sign-in and roles")
struct OperatorAndRoleTests {
    @Test("an empty database says how to create the first admin")
    func noOperators() throws {
        let f = try EngineFixture()
        #expect(throws: EngineError.noOperators) { try f.engine.signIn(name: "x", passphrase: "whatever1") }
    }

    @Test("the first operator must be an admin, and is created explicitly and audited")
    func bootstrap() throws {
        let f = try EngineFixture()
        #expect(throws: EngineError.firstOperatorMustBeAdmin) {
            try f.engine.addOperator(name: "ana", role: .dispatcher, passphrase: "ana-passphrase", by: nil)
        }
        _ = try f.admin()
        let first = try #require(try f.engine.audit.records(from: nil, to: nil).first)
        #expect(first.action == "operator.add" && first.subject == "root" && first.details.contains("\"bootstrap\":true"))
    }

    @Test("after the first admin, adding operators needs a signed-in admin")
    func onlyAdminsAddOperators() throws {
        let f = try EngineFixture()
        let root = try f.admin()
        try f.engine.addOperator(name: "ana", role: .supervisor, passphrase: "ana-passphrase", by: root)
        let ana = try f.engine.signIn(name: "ana", passphrase: "ana-passphrase")
        #expect(throws: EngineError.forbidden(principal: "ana", role: .supervisor, permission: .manageOperators)) {
            try f.engine.addOperator(name: "eve", role: .admin, passphrase: "eve-passphrase", by: ana)
        }
        #expect(throws: EngineError.signInFailed(name: "(nobody)")) {
            try f.engine.addOperator(name: "eve", role: .admin, passphrase: "eve-passphrase", by: nil)
        }
        #expect(throws: EngineError.roleNotAssignable(.system)) {
            try f.engine.addOperator(name: "bot", role: .system, passphrase: "bot-passphrase", by: root)
        }
        #expect(throws: EngineError.invalidOperatorName("feed", "it reads like the reserved name \"feed\"")) {
            try f.engine.addOperator(name: "feed", role: .dispatcher, passphrase: "feed-passphrase", by: root)
        }
        #expect(throws: EngineError.weakPassphrase(minimum: 8)) {
            try f.engine.addOperator(name: "bob", role: .dispatcher, passphrase: "short", by: root)
        }
    }

    @Test("every sign-in attempt is audited; a wrong passphrase is refused")
    func signInAudited() throws {
        let f = try EngineFixture()
        _ = try f.admin()
        #expect(throws: EngineError.signInFailed(name: "root")) { try f.engine.signIn(name: "root", passphrase: "wrong-one!") }
        #expect(throws: EngineError.signInFailed(name: "nobody")) { try f.engine.signIn(name: "nobody", passphrase: "wrong-one!") }
        let actions = try f.engine.audit.records(from: nil, to: nil).map(\.action)
        #expect(actions == ["operator.add", "login", "login.failed", "login.failed"])
    }

    @Test("a dispatcher cannot change the watchlist, rules or operators")
    func dispatcherLimits() throws {
        let f = try EngineFixture()
        let dispatcher = Principal(name: "dina", role: .dispatcher)
        for p in [Permission.manageWatchlist, .authoriseSearch, .manageRules, .manageOperators, .applyRetention] {
            #expect(throws: EngineError.self, "\(p)") { try f.engine.require(p, of: dispatcher) }
        }
    }

    @Test("an auditor can change nothing: every mutating command is refused")
    func auditorChangesNothing() throws {
        let f = try EngineFixture()
        let root = try f.admin()
        let auditor = Principal(name: "aud", role: .auditor)
        let csv = try f.file("i.csv", "fecha,franja_horaria,tipo,latitud,longitud\n2018-11-15,14,Robo,-34.60,-58.38\n")
        let before = try f.engine.audit.recordCount()
        #expect(throws: EngineError.self) { try f.engine.addOperator(name: "x1", role: .dispatcher, passphrase: "x-passphrase", by: auditor) }
        #expect(throws: EngineError.self) { try f.engine.ingestIncidents(at: csv, options: f.options, as: auditor) }
        #expect(throws: EngineError.self) {
            try f.engine.ingestBoundaries(at: csv, layer: "x", nameKey: "n", parentKey: nil, as: auditor)
        }
        for p in Permission.allCases where ![.readAll, .verifyAudit, .exportReports].contains(p) {
            #expect(throws: EngineError.self, "\(p)") { try f.engine.require(p, of: auditor) }
        }
        #expect(try f.engine.audit.recordCount() == before)
        #expect(try f.engine.incidents.summary().total == 0)
        // …but reads and verifies.
        #expect(try f.engine.status(as: auditor).auditIntact)
        try f.engine.addOperator(name: "aud", role: .auditor, passphrase: "aud-passphrase", by: root)
        guard case .intact = try f.engine.verifyAudit(name: "aud", passphrase: "aud-passphrase").check.verification else {
            Issue.record("not intact"); return
        }
    }
}
