import Foundation
import GRDB
import Testing
@testable import Engine
import VigiaCore

/// SQL metacharacters and hostile numbers in feeds: stored as text or
/// quarantined with their place, never executed, and nothing stored is lost.
@Suite("Hostile input", .serialized)
struct HostileInputTests {
    static let store = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/Store")
    /// Constant SQL fragments (table, column and sub-query names chosen in code) the Store may splice into a
    /// statement; data always goes in as a bound argument.
    static let reviewedFragments: Set<String> = ["alerts", "hits", "flags", "select", "child", "column", "table", "marks"]

    @Test("every value reaches SQLite as a bound argument: the only text spliced into SQL is a reviewed constant fragment")
    func parameterised() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.store.path).filter { $0.hasSuffix(".swift") }
        #expect(files.count > 5)
        let interpolation = try NSRegularExpression(pattern: #"\\\(([^)]*)\)"#)
        for name in files {
            let text = try String(contentsOf: Self.store.appendingPathComponent(name), encoding: .utf8)
            // The SQL strings: `sql: "…"` on one line, and `"""` blocks that follow `sql:`.
            var statements: [String] = []
            for line in text.split(separator: "\n") where line.contains("sql: \"") && !line.contains("sql: \"\"\"") {
                statements.append(String(line))
            }
            let blocks = text.components(separatedBy: "sql: \"\"\"").dropFirst().map { $0.components(separatedBy: "\"\"\"").first ?? "" }
            for sql in statements + blocks {
                for m in interpolation.matches(in: sql, range: NSRange(sql.startIndex..., in: sql)) {
                    let inner = String(sql[Range(m.range(at: 1), in: sql)!])
                    #expect(Self.reviewedFragments.contains(inner), "\(name): \\(\(inner)) is spliced into SQL; bind it as an argument")
                }
            }
        }
    }

    @Test("metacharacters in posts, reasons and quarantined lines are stored as text; every table survives")
    func metacharacters() throws {
        let f = try EngineFixture()
        let root = try f.admin()
        let evil = "'); DROP TABLE flag; DELETE FROM audit_log; --"
        let posts = """
        {"author":"@a\(evil)","id":"p1\(evil)","lang":"es","platform":"x","text":"te voy a matar \(evil)","time":"2018-11-15T14:00:15-03:00"}
        {"author":"@b","id":"p2","lang":"es","platform":"x","text":"nada","time":"\(evil)"}
        """
        let report = try f.engine.ingestPosts(from: try FileHandle(forReadingFrom: try f.file("p.jsonl", posts + "\n")), source: "p\(evil).jsonl")
        #expect(report.flagged == 1 && report.quarantined == 1)
        let flag = try #require(try f.engine.social.flags(states: nil).first)
        #expect(flag.post.text.hasSuffix(evil) && flag.post.authorHandle == "@a" + evil && flag.post.id == "p1" + evil)
        try f.engine.reviewFlag(id: flag.flag.id, credible: true, reason: "motivo \(evil)", by: root)
        let q = try f.engine.quarantine.quarantined(feed: nil, limit: 10)
        #expect(q.count == 1 && q[0].source == "p\(evil).jsonl" && q[0].line == 2 && q[0].field == "time")
        let tables = try DatabaseQueue(path: f.databasePath).read { try String.fetchAll($0, sql: "SELECT name FROM sqlite_master WHERE type = 'table'") }
        #expect(["flag", "audit_log", "alert", "quarantine"].allSatisfy(tables.contains))
        #expect(try f.engine.audit.records(from: nil, to: nil).contains { $0.details.contains("DROP TABLE flag") })
        if case .broken = try f.engine.audit.verify() { Issue.record("the audit chain broke") }
    }

    @Test("hostile numbers and times are quarantined with file, line and field; what was stored stays")
    func numbers() throws {
        let f = try EngineFixture()
        _ = try f.admin()
        let good = #"{"author":"@b","id":"ok","lang":"es","platform":"x","text":"te voy a matar","time":"2018-11-15T14:00:15-03:00"}"#
        _ = try f.engine.ingestPosts(from: try FileHandle(forReadingFrom: try f.file("a.jsonl", good + "\n")), source: "a.jsonl")
        let bad = [
            #"{"author":"@b","id":"1","platform":"x","text":"t","time":"2018-11-15T14:00:15-03:00","lat":"NaN","lon":1}"#,
            #"{"author":"@b","id":"2","platform":"x","text":"t","time":"2018-11-15T14:00:15-03:00","lat":1e999,"lon":1}"#,
            #"{"author":"@b","id":"3","platform":"x","text":"t","time":"2018-11-15T14:00:15-03:00","lat":-91,"lon":1}"#,
            #"{"author":"@b","id":"4","platform":"x","text":"t","time":"0000-01-01T00:00:00Z"}"#,
            #"{"author":"@b","id":"5","platform":"x","text":"t","time":"9999-12-31T23:59:59Z"}"#,
            #"{"author":"@b","id":"6","platform":"x","text":"t","time":"2018-11-15T14:00:15-03:00","lat":1e308,"lon":-1e308}"#,
        ]
        let r = try f.engine.ingestPosts(from: try FileHandle(forReadingFrom: try f.file("b.jsonl", bad.joined(separator: "\n") + "\n")), source: "b.jsonl")
        #expect(r.quarantined == bad.count && r.posts == 0, "\(r.examples)")
        let q = try f.engine.quarantine.quarantined(feed: "posts", limit: 20)
        #expect(Set(q.map(\.line)) == Set(1...bad.count) && q.allSatisfy { $0.source == "b.jsonl" && !$0.reason.isEmpty })
        #expect(try f.engine.social.flags(states: nil).map(\.post.id) == ["ok"], "the flag stored before is still there")
    }
}
