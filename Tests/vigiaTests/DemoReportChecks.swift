import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// Checks of the supervisor's summary and the auditor's transparency report
/// on the demo database (run from the demo test, which builds it once).
enum DemoReportChecks {
    static func run(db: String, scratch: Scratch) throws {
        let supervisor = ["VIGIA_PASSPHRASE": "demo-sergio-2018"]
        let auditor = ["VIGIA_PASSPHRASE": "demo-ana-2018"]

        // The shift summary: JSON numbers, every section in Markdown and in well-formed HTML, the file 0600.
        let json = try VigiaProcess.run(["summary", "--db", db, "--operator", "sergio", "--shift", "2018-11-15T14:00/22:00", "--format", "json"],
                                        environment: supervisor)
        #expect(json.status == 0, "\(json.stderr)")
        let o = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any] ?? [:]
        let alerts = o["alerts"] as? [String: Any] ?? [:]
        #expect((alerts["created"] as? Int ?? 0) > 80 && (alerts["response"] as? [Any])?.count == 5)
        let faces = o["faces"] as? [String: Any] ?? [:]
        #expect(faces["probesReceived"] as? Int == 1_600 && faces["candidates"] as? Int == 78)
        #expect((o["forecast"] as? [String: Any])?["incidents"] as? Int ?? 0 > 50)
        #expect((o["audit"] as? [String: Any])?["chainIntact"] as? Bool == true)

        let md = try VigiaProcess.run(["summary", "--db", db, "--operator", "sergio", "--shift", "2018-11-15T14:00/22:00"], environment: supervisor)
        for heading in ["## Alerts", "## Forecast vs. reality", "## Face matching", "## Social flags", "## Camera health", "## Audit"] {
            #expect(md.stdout.contains(heading), "Markdown lacks \(heading)")
        }
        let html = scratch.folder.appendingPathComponent("summary.html").path
        let r = try VigiaProcess.run(["summary", "--db", db, "--operator", "sergio", "--shift", "2018-11-15T14:00/22:00", "--format", "html", "--out", html],
                                     environment: supervisor)
        #expect(r.status == 0, "\(r.stderr)")
        let page = try String(contentsOfFile: html, encoding: .utf8)
        try expectWellFormed(page)
        for id in ["headline", "alerts", "forecast", "patrols", "faces", "social", "cameras", "audit"] { #expect(page.contains("<section id=\"\(id)\">")) }
        // The headline opens the page, before the first table; nobody issued patrol boxes in this replay, and the page says so.
        let lead = try #require(page.range(of: "<p class=\"lead\">88 alerts in the 8 h shift;"))
        #expect(lead.lowerBound < (page.range(of: "<table")?.lowerBound ?? page.startIndex))
        #expect(page.contains("No patrol boxes were issued for this period"))
        #expect(page.components(separatedBy: "<svg ").count - 1 == 4, "per-hour, response, map and flag charts")
        // Self-contained: no scripts, no links out; the only URL is the SVG namespace.
        #expect(!page.contains("<script") && !page.contains("src=") && !page.contains("href="))
        #expect(!page.replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "").contains("://"))
        let mode = (try FileManager.default.attributesOfItem(atPath: html)[.posixPermissions] as? NSNumber)?.intValue
        #expect(mode == 0o600)

        // --to as a date covers that day: November in full, and the title says so.
        let november = try VigiaProcess.run(["transparency", "--db", db, "--operator", "ana", "--from", "2018-11-01", "--to", "2018-11-30"],
                                            environment: auditor)
        #expect(november.stdout.hasPrefix("# Transparency report: 2018-11-01 – 2018-11-30\n") && november.stdout.contains("| 2018-11-30 |"))
        #expect(november.stdout.contains("Spread across comunas") && november.stdout.contains("## Patrol dosage"))

        // The transparency report: aggregates only.
        for format in ["md", "html", "json"] {
            let t = try VigiaProcess.run(["transparency", "--db", db, "--operator", "ana", "--from", "2018-11-01", "--to", "2018-12-01", "--format", format],
                                         environment: auditor)
            #expect(t.status == 0, "\(t.stderr)")
            if format == "html" { try expectWellFormed(t.stdout) }
            try expectNoPersonalData(t.stdout)
        }
        // A dispatcher may not export either.
        let refused = try VigiaProcess.run(["transparency", "--db", db, "--operator", "dina", "--from", "2018-11-01", "--to", "2018-12-01"],
                                           environment: ["VIGIA_PASSPHRASE": "demo-dina-2018"])
        #expect(refused.status != 0 && refused.stderr.contains("export"))
    }

    static func expectWellFormed(_ page: String) throws {
        let parser = XMLParser(data: Data(page.utf8))
        let ok = parser.parse()
        #expect(ok, "HTML is not well-formed: \(parser.parserError.map { "\($0)" } ?? "?") at line \(parser.lineNumber)")
        #expect(page.hasPrefix("<!DOCTYPE html>"))
    }

    /// No watchlist name, entry id or order reference, no post author, no operator, no embedding.
    static func expectNoPersonalData(_ text: String) throws {
        let repo = VigiaProcess.repository.appendingPathComponent("sample-data")
        let watchlist = try JSONSerialization.jsonObject(with: Data(contentsOf: repo.appendingPathComponent("watchlist.json"))) as? [String: Any]
        let entries = watchlist?["entries"] as? [[String: Any]] ?? []
        #expect(entries.count > 1_000)
        for e in entries {
            for key in ["name", "id", "order_reference"] {
                if let v = e[key] as? String { #expect(!text.contains(v), "the report names \(key) \(v)") }
            }
            if let t = (e["templates"] as? [String])?.first { #expect(!text.contains(t.prefix(24))) }
        }
        let posts = try String(contentsOf: repo.appendingPathComponent("posts.jsonl"), encoding: .utf8)
        for line in posts.split(separator: "\n").prefix(3_000) {
            if let p = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], let author = p["author"] as? String {
                #expect(!text.contains(author), "the report names \(author)")
            }
        }
        for name in ["root", "sergio", "dina", "diego", "sofia", "ana"] {
            #expect(text.range(of: "\\b\(name)\\b", options: [.regularExpression, .caseInsensitive]) == nil, "the report names operator \(name)")
        }
        #expect(text.range(of: #"(-?\d\.\d{3,}\s*,\s*){8}"#, options: .regularExpression) == nil, "something like an embedding")
    }
}
