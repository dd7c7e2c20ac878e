import Foundation
import Testing

/// The generated reference (docs/cli.md, docs/man/vigia.1) and the hand-written
/// pages stay true to the binary: regenerate with
/// `VIGIA_UPDATE_DOCS=1 swift test --filter ReferenceDocsTests` and review the diff.
@Suite("Generated reference and documentation links")
struct ReferenceDocsTests {
    static let repository = VigiaProcess.repository

    static func tool() throws -> ReferenceDocs.Tool {
        let r = try VigiaProcess.run(["--experimental-dump-help"])
        #expect(r.status == 0, "\(r.stderr)")
        return try ReferenceDocs.decode(Data(r.stdout.utf8))
    }

    static func check(_ generated: String, against relative: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = repository.appendingPathComponent(relative)
        if ProcessInfo.processInfo.environment["VIGIA_UPDATE_DOCS"] == "1" {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try generated.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let current = try? String(contentsOf: url, encoding: .utf8)
        #expect(current == generated, "\(relative) is stale: run \(ReferenceDocs.regenerate) and review the diff", sourceLocation: sourceLocation)
    }

    @Test("docs/cli.md is generated from the ArgumentParser definitions and is current")
    func cliReference() throws {
        let tool = try Self.tool()
        #expect(tool.serializationVersion == 0)
        let markdown = ReferenceDocs.markdown(tool)
        // Every command a reader can run is in it.
        for name in ["## vigia console", "## vigia config show", "## vigia audit verify", "## vigia watchlist add", "## vigia bench"] {
            #expect(markdown.contains("\n\(name)\n"), "\(name)")
        }
        try Self.check(markdown, against: "docs/cli.md")
    }

    @Test("docs/man/vigia.1 is generated from the same definitions, keeps non-ASCII text, and is current")
    func manPage() throws {
        let page = ReferenceDocs.manPage(try Self.tool())
        #expect(page.contains(".Nd Vig\\[u00ED]a: a terminal command center"))
        #expect(page.contains(".Ss \"vigia audit verify\""))
        #expect(!page.split(separator: "\n").contains { $0.hasPrefix("'") }, "a text line starting with ' is a roff control line")
        try Self.check(page, against: "docs/man/vigia.1")
    }

    @Test("shell completions offer files for --db and the values of --theme, --lang and --format")
    func completions() throws {
        let bash = try VigiaProcess.run(["--generate-completion-script", "bash"])
        #expect(bash.status == 0)
        #expect(bash.stdout.contains("-W 'dark'$'\\n''light'$'\\n''high-contrast'$'\\n''monochrome'"), "theme values")
        #expect(bash.stdout.contains("'recency'$'\\n''prior'$'\\n''kde'$'\\n''prospective'$'\\n''etas'"), "model names")
        let zsh = try VigiaProcess.run(["--generate-completion-script", "zsh"])
        #expect(zsh.stdout.contains("vigia/vigia.sqlite).]:db:_files'"), "--db completes files")
        #expect(zsh.stdout.contains("local -ar ___format=('text' 'json')"), "--format values")
        #expect(zsh.stdout.contains("local -ar ___lang=('es' 'en')"), "--lang values")
        #expect(try VigiaProcess.run(["--generate-completion-script", "fish"]).status == 0)
    }

    /// Pages other branches are writing (none now: every linked page exists).
    static let pending: Set<String> = []

    static func pages() throws -> [URL] {
        let docs = repository.appendingPathComponent("docs")
        let names = try FileManager.default.contentsOfDirectory(atPath: docs.path).filter { $0.hasSuffix(".md") }.sorted()
        return [repository.appendingPathComponent("README.md")] + names.map { docs.appendingPathComponent($0) }
    }

    /// GitHub's anchors for a page's headings.
    static func anchors(_ text: String) -> Set<String> {
        var inFence = false
        var out: Set<String> = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") { inFence.toggle(); continue }
            guard !inFence, line.hasPrefix("#") else { continue }
            let heading = line.drop(while: { $0 == "#" }).trimmingCharacters(in: .whitespaces)
            let plain = heading.replacingOccurrences(of: "`", with: "")
            out.insert(String(plain.lowercased().compactMap { ch -> Character? in
                if ch == " " { return "-" }
                return ch.isLetter || ch.isNumber || ch == "-" || ch == "_" ? ch : nil
            }))
        }
        return out
    }

    @Test("every relative link in README.md and docs/*.md resolves, anchors included")
    func links() throws {
        var problems: [String] = []
        let linkPattern = try NSRegularExpression(pattern: #"\]\(([^)\s]+)\)"#)
        for page in try Self.pages() {
            let text = try String(contentsOf: page, encoding: .utf8)
            let name = page.path.replacingOccurrences(of: Self.repository.path + "/", with: "")
            // Links inside code blocks are examples, not links.
            var prose = ""
            var inFence = false
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                if line.hasPrefix("```") { inFence.toggle(); continue }
                if !inFence { prose += line + "\n" }
            }
            for m in linkPattern.matches(in: prose, range: NSRange(prose.startIndex..., in: prose)) {
                let target = String(prose[Range(m.range(at: 1), in: prose)!])
                if target.hasPrefix("http://") || target.hasPrefix("https://") || target.hasPrefix("mailto:") { continue }
                let parts = target.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
                let file = String(parts[0]), fragment = parts.count > 1 ? String(parts[1]) : nil
                let resolved = file.isEmpty ? page : page.deletingLastPathComponent().appendingPathComponent(file).standardizedFileURL
                let relative = resolved.path.replacingOccurrences(of: Self.repository.path + "/", with: "")
                if Self.pending.contains(relative) { continue }
                guard FileManager.default.fileExists(atPath: resolved.path) else {
                    problems.append("\(name): \(target) does not exist"); continue
                }
                if let fragment, resolved.pathExtension == "md" {
                    let anchors = Self.anchors(try String(contentsOf: resolved, encoding: .utf8))
                    if !anchors.contains(fragment.removingPercentEncoding ?? fragment) { problems.append("\(name): \(target) names no heading") }
                }
            }
        }
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    @Test("the README gives the two commands to start, and its screen is the golden screen the tests render")
    func readme() throws {
        let readme = try String(contentsOf: Self.repository.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains("\nswift run -c release vigia demo"), "the demo command")
        #expect(readme.contains("\nswift test"), "the test command")
        #expect(readme.contains("sudo apt-get install"), "the apt line")
        let lines = readme.split(separator: "\n", omittingEmptySubsequences: false).count
        #expect(lines <= 251, "README.md has \(lines) lines; keep it under 250 and move detail to docs/")
        // The screen capture is Golden/console-80x24-unicode-en.txt without its frame.
        let golden = try String(contentsOf: Self.repository.appendingPathComponent("Tests/ConsoleTests/Golden/console-80x24-unicode-en.txt"),
                                encoding: .utf8)
        func trimmed(_ line: Substring) -> String { String(line.reversed().drop(while: { $0 == " " }).reversed()) }
        let screen = golden.split(separator: "\n").map { trimmed($0.dropFirst().dropLast()) }.joined(separator: "\n")
        guard let start = readme.range(of: "<!-- screen:start -->\n```\n"), let end = readme.range(of: "\n```\n<!-- screen:end -->") else {
            Issue.record("README.md has no <!-- screen:start --> block"); return
        }
        let shown = readme[start.upperBound..<end.lowerBound].split(separator: "\n", omittingEmptySubsequences: false).map(trimmed)
        #expect(shown.joined(separator: "\n") == screen,
                "the README's screen differs from Golden/console-80x24-unicode-en.txt; paste it without the | frame")
    }
}
