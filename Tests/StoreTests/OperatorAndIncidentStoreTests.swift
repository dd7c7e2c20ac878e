import Foundation
import GRDB
import Testing
@testable import Store
@_spi(SignIn) @_spi(RawAudit) import VigiaCore

@Suite("Operators, incidents and quarantine in the store")
struct StoreRepositoryTests {
    @Test("adding an operator writes its audit record in the same transaction; duplicates are refused")
    func operators() throws {
        let temp = try TemporaryDatabase()
        let op = Operator(name: "ana", role: .supervisor, createdAt: Date(timeIntervalSince1970: 0))
        let entry = AuditEntry(principal: Principal(name: "root", role: .admin), action: .operatorAdd, subject: "ana")
        try temp.database.operators.add(OperatorCredential(op: op, passphraseHash: "h"), audit: entry)
        #expect(try temp.database.operators.credential(named: "ana")?.op.role == .supervisor)
        #expect(throws: StoreError.duplicateOperator(name: "ana")) {
            try temp.database.operators.add(OperatorCredential(op: op, passphraseHash: "h"), audit: entry)
        }
        // The refused add left no audit record behind.
        #expect(try temp.database.audit.recordCount() == 1)
    }

    @Test("the same fingerprint is stored once; quarantine rows keep file and line")
    func incidents() throws {
        let temp = try TemporaryDatabase()
        let incident = Incident(occurredAt: Date(timeIntervalSince1970: 1000), precision: .hour,
                                location: GeoPoint(latitude: -34.6, longitude: -58.4), type: "Robo")
        let records = [IncidentRecord(incident: incident, fingerprint: 1), IncidentRecord(incident: incident, fingerprint: 2)]
        let bad = QuarantineItem(feed: "incidents", source: "f.csv", line: 7, field: "latitud", reason: "bad", excerpt: "x")
        let entry = AuditEntry(principal: .feed, action: .ingestIncidents, subject: "f.csv", details: [:])
        #expect(try temp.database.incidents.insert(records, quarantine: [bad], audit: entry) == 2)
        #expect(try temp.database.incidents.insert(records, quarantine: [], audit: entry) == 0)
        #expect(try temp.database.incidents.summary().total == 2)
        #expect(try temp.database.quarantine.quarantined(feed: "incidents", limit: 10) == [bad])
        let details = try temp.database.audit.records().map(\.details)
        #expect(details == [#"{"duplicates":0,"inserted":2}"#, #"{"duplicates":2,"inserted":0}"#])
    }

    @Test("SQL metacharacters in values are stored as text, never run")
    func parameterised() throws {
        let temp = try TemporaryDatabase()
        let evil = "Robo'); DROP TABLE incident; --"
        let incident = Incident(occurredAt: Date(timeIntervalSince1970: 1000), precision: .hour,
                                location: GeoPoint(latitude: -34.6, longitude: -58.4), type: evil, district: "\"; DELETE FROM audit_log")
        _ = try temp.database.incidents.insert([IncidentRecord(incident: incident, fingerprint: 9)], quarantine: [],
                                               audit: AuditEntry(principal: .feed, rawAction: evil, subject: evil))
        #expect(try temp.database.incidents.incidents(from: nil, to: nil).first?.type == evil)
        guard case .intact(1, _) = try temp.database.audit.verify() else { Issue.record("chain damaged"); return }
    }
}
