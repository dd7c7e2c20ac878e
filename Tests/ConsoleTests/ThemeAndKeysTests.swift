import Foundation
import Testing
@testable import Console

@Suite("Themes and the key registry")
struct ThemeAndKeysTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test("the four shipped themes load without a problem and each defines every role the console draws with")
    func shipped() throws {
        for name in ["dark", "light", "high-contrast", "monochrome"] {
            let url = Self.repository.appendingPathComponent("themes/\(name).theme")
            let theme = try Theme.load(named: name, folders: [Self.repository.appendingPathComponent("themes")])
            #expect(theme.problems.isEmpty, "\(name): \(theme.problems)")
            // The file itself names each role once (not the built-in look filling a gap).
            let keys = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
                .filter { !$0.hasPrefix("#") && $0.contains("=") }
                .map { $0.split(separator: "=")[0].trimmingCharacters(in: .whitespaces) }
            #expect(keys.count == Set(keys).count, "\(name) names a role twice")
            #expect(Set(keys) == Set(StyleRole.allCases.map(\.rawValue)),
                    "\(name): missing \(Set(StyleRole.allCases.map(\.rawValue)).subtracting(keys).sorted()), unknown \(Set(keys).subtracting(StyleRole.allCases.map(\.rawValue)).sorted())")
        }
        #expect(Set(Theme.builtIn.styles.keys) == Set(StyleRole.allCases), "the built-in look covers every role")
        // Monochrome says everything with attributes alone.
        let mono = try Theme.load(named: "monochrome", folders: [Self.repository.appendingPathComponent("themes")])
        for role in StyleRole.allCases {
            let st = mono.style(role)
            #expect(st.foreground == .terminalDefault && st.background == .terminalDefault, "\(role)")
        }
    }

    @Test("bad lines and unknown roles are reported with file:line; defaults kept")
    func badLines() {
        let t = Theme.parse("# c\nalert.new = red bold\nnot a line\nrisk.3 = chartreuse\nmystery.role = blue\n", name: "t", source: "themes/t.theme")
        #expect(t.problems.count == 3)
        #expect(t.problems.prefix(2) == ["themes/t.theme:3: expected role = colour", "themes/t.theme:4: cannot read \"chartreuse\""])
        #expect(t.problems.last?.hasPrefix("themes/t.theme:5: no role \"mystery.role\"; the roles are normal, title,") == true)
        #expect(t.style(.alertNew).bold && t.style(.alertNew).foreground == .indexed(1))
        #expect(t.style(.risk3) == Theme.builtIn.style(.risk3))
    }

    @Test("colours map down to what the terminal has")
    func colours() {
        #expect(ThemeColor.parse("#ff0000")?.resolved(colors: 256) == 196)
        #expect(ThemeColor.parse("#ff0000")?.resolved(colors: 16) == 9)
        #expect(ThemeColor.parse("#ff0000")?.resolved(colors: 8) == 1)
        #expect(ThemeColor.parse("bright-green")?.resolved(colors: 8) == 2)
        #expect(ThemeColor.parse("208")?.resolved(colors: 256) == 208)
        #expect(ThemeColor.parse("default")?.resolved(colors: 256) == -1)
    }

    @Test("the README's key table is generated from the registry (regenerate it when this fails)")
    func readmeTable() throws {
        let readme = try String(contentsOf: Self.repository.appendingPathComponent("README.md"), encoding: .utf8)
        guard let start = readme.range(of: "<!-- keys:start -->\n"), let end = readme.range(of: "\n<!-- keys:end -->") else {
            Issue.record("README.md has no <!-- keys:start --> … <!-- keys:end --> block"); return
        }
        #expect(String(readme[start.upperBound..<end.lowerBound]) == KeyRegistry.markdownTable(),
                "README key table is stale; paste KeyRegistry.markdownTable() (vigia keys --markdown)")
    }

    @Test("no key means two things in one place (a pane may override a global key on purpose)")
    func unique() {
        for context in [nil] + Pane.allCases.map(Optional.some) {
            let keys = KeyRegistry.bindings.filter { $0.context == context }.flatMap(\.keys)
            #expect(Set(keys).count == keys.count, "\(String(describing: context)) binds a key twice")
        }
    }
}
