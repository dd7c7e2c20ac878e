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
    /// Constant SQL fragments (table, column and sub-query names chosen in code, and `pages`, an Int for a
    /// PRAGMA, which takes no argument) the Store may splice into a statement; data always goes in as a bound argument.
    static let reviewedFragments: Set<String> = ["alerts", "hits", "flags", "select", "child", "column", "table", "marks", "pages",
                                                 "undecided", "dispatched", "pending"]

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

    @Test("files: only a header, Latin-1 rows, a BOM with CRLF; each gets a clear answer and stored rows stay")
    func files() throws {
        let f = try EngineFixture()
        _ = try f.admin()
        let header = "id,fecha,franja_horaria,tipo,subtipo,comuna,barrio,latitud,longitud"
        let row = "181074,2017-01-01,0,Robo (con violencia),,7,Parque Chacabuco,-34.642784,-58.444269"
        let good = try f.engine.ingestIncidents(at: try f.file("good.csv", header + "\n" + row + "\n"), options: f.options)
        #expect(good.inserted == 1)
        let headerOnly = try f.engine.ingestIncidents(at: try f.file("header.csv", header + "\n"), options: f.options)
        #expect(headerOnly.rows == 0 && headerOnly.accepted == 0)
        var latin1 = Data((header + "\n").utf8)
        latin1.append("181075,2017-01-01,0,Robo,,7,Parque Chacabuco,-34.6,-58.44\n".data(using: .isoLatin1)!)
        latin1.append("181076,2017-01-01,0,Robo,,7,Villa Pueyrred\u{F3}n,-34.6,-58.44\n".data(using: .isoLatin1)!)
        let l = try f.engine.ingestIncidents(at: try f.file("latin1.csv", latin1), options: f.options)
        #expect(l.accepted == 1 && l.rows == 2)
        let q = try f.engine.quarantine.quarantined(feed: "incidents", limit: 10)
        #expect(q.contains { $0.source.hasSuffix("latin1.csv") && $0.line == 3 && $0.reason.contains("UTF-8") })
        let bom = try f.engine.ingestIncidents(at: try f.file("bom.csv", "\u{FEFF}" + header + "\r\n" + row.replacingOccurrences(of: "181074", with: "181077") + "\r\n"),
                                               options: f.options)
        #expect(bom.accepted == 1, "a BOM and CRLF line ends are read as usual")
        #expect(try f.engine.incidents.summary().total == 3, "the first file's row, the Latin-1 file's good row and the BOM file's row")
    }
}
