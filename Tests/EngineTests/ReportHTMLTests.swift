import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import Engine
import VigiaCore

/// The HTML reports as a reader gets them: well-formed, every section, compact durations, honest charts.
@Suite("Report HTML")
struct ReportHTMLTests {
    static func wellFormed(_ page: String) -> Bool { XMLParser(data: Data(page.utf8)).parse() }

    @Test("the summary is well-formed XML with every section; durations are compact; feed is not an operator")
    func summary() {
        let html = ReportRenderer.html(HeadlineTests.summary().blocks)
        #expect(Self.wellFormed(html))
        for id in ["headline", "alerts", "forecast", "patrols", "faces", "social", "cameras", "audit"] {
            #expect(html.contains("<section id=\"\(id)\">"), "no section \(id)")
        }
        #expect(html.contains("<td class=\"n\">1:00</td>") && !html.contains("1 min 00 s"))
        #expect(html.contains("table { border-collapse: collapse; width: 100%;"), "tables take the full width")
        #expect(html.contains("Spread across comunas") && html.contains("Comuna 1 holds 75.0 % of the flagged area with 25.0 % of reported crime"))
        #expect(html.contains("14.6–29.9 %"), "the hit rate's interval")
    }

    @Test("compact durations: minutes:seconds, and hours past an hour")
    func durations() {
        #expect(ReportFormat.duration(60) == "1:00" && ReportFormat.duration(267) == "4:27" && ReportFormat.duration(51) == "0:51")
        #expect(ReportFormat.duration(3_725) == "1:02:05" && ReportFormat.duration(nil) == "—")
    }

    @Test("a long run of days: labels thinned so none overlap; an axis that does not start at zero says so")
    func charts() {
        let labels = (1...30).map { String(format: "11-%02d", $0) }
        let values = (0..<30).map { 1_822 - $0 }
        let (svg, start) = SVGCharts.line(labels: labels, values: values)
        #expect(start > 0 && start <= 1_793 && svg.contains("axis starts at \(SVGCharts.grouped(start)), not 0"))
        #expect(Self.wellFormed(svg))
        // Labels at least a label's width apart: 5 characters ≈ 36 px in a 19.3 px slot → every 2nd.
        let shown = labels.filter { svg.contains(">\($0)</text>") }
        #expect(shown.count == 15 && shown.first == "11-01" && shown[1] == "11-03")
        let few = SVGCharts.line(labels: ["a", "b"], values: [3, 10])
        #expect(few.axisStart == 0 && !few.svg.contains("axis starts at"), "values far apart keep a zero axis")
    }
}

/// Renders the summary in a real browser when one is installed: at the A4
/// text width (180 mm = 680 CSS px) nothing may stick out, and the page screenshots.
@Suite("Report in a headless browser")
struct ReportBrowserTests {
    static let browser: String? = ["chromium", "chromium-browser", "google-chrome"].lazy.compactMap { name -> String? in
        for dir in ["/usr/bin", "/usr/local/bin", "/snap/bin"] where FileManager.default.isExecutableFile(atPath: "\(dir)/\(name)") { return "\(dir)/\(name)" }
        return nil
    }.first

    static func run(_ arguments: [String]) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: browser ?? "/usr/bin/false")
        p.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--user-data-dir=\(NSTemporaryDirectory())vigia-chromium"] + arguments
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test("at A4 width the summary does not overflow, and it screenshots", .enabled(if: browser != nil, "no headless browser found (apt-get install chromium); skipped"))
    func a4() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vigia-browser-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let html = ReportRenderer.html(HeadlineTests.summary().blocks)
        // A copy with a probe script that writes the widest element's extent into the title; the report itself has no script.
        let probe = html.replacingOccurrences(of: "</body>", with: """
            <script>
            var c = document.documentElement.clientWidth, wide = [];
            document.querySelectorAll('body *').forEach(function (e) {
              var r = e.getBoundingClientRect();
              if (r.right > c + 0.5 && wide.length < 3) wide.push(e.tagName + ':' + Math.round(r.right) + ':' + (e.textContent || '').slice(0, 40));
            });
            document.title = 'W=' + document.documentElement.scrollWidth + ' C=' + c + ' | ' + wide.join(' ; ');
            </script></body>
            """)
        let page = folder.appendingPathComponent("probe.html")
        try probe.write(to: page, atomically: true, encoding: .utf8)
        let dom = try Self.run(["--window-size=680,1000", "--virtual-time-budget=3000", "--dump-dom", page.absoluteString])
        let title = dom.range(of: #"W=\d+ C=\d+"#, options: .regularExpression).map { String(dom[$0]) }
        let numbers = (title ?? "").split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        try #require(numbers.count == 2, "the browser ran no layout: \(dom.prefix(200))")
        let offenders = dom.range(of: #"\| [^<]*"#, options: .regularExpression).map { String(dom[$0]) } ?? ""
        #expect(numbers[0] <= numbers[1], "the page is \(numbers[0]) px wide in a \(numbers[1]) px A4 text width: something is clipped \(offenders)")

        let report = folder.appendingPathComponent("summary.html"), shot = folder.appendingPathComponent("summary.png")
        try html.write(to: report, atomically: true, encoding: .utf8)
        _ = try Self.run(["--window-size=794,1123", "--screenshot=\(shot.path)", report.absoluteString])
        let png = try Data(contentsOf: shot)
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]) && png.count > 10_000, "a screenshot of the page")
    }
}
