import Foundation
import Testing
@testable import Console

@Suite("Themes and the key registry")
struct ThemeAndKeysTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test("the four shipped themes load without a problem and define every state role")
    func shipped() throws {
        for name in ["dark", "light", "high-contrast", "monochrome"] {
            let theme = try Theme.load(named: name, folders: [Self.repository.appendingPathComponent("themes")])
            #expect(theme.problems.isEmpty, "\(name): \(theme.problems)")
            for role in ["alert.new", "alert.acked", "hit.pending", "flag.pending", "risk.0", "risk.9", "selected", "map.cursor"] {
                #expect(theme.styles[StyleRole(rawValue: role)] != nil, "\(name) lacks \(role)")
            }
        }
        // Monochrome says everything with attributes alone.
        let mono = try Theme.load(named: "monochrome", folders: [Self.repository.appendingPathComponent("themes")])
        for role in ["normal", "title", "alert.new", "alert.acked", "hit.pending", "flag.pending", "risk.0", "risk.9", "selected", "map.cursor", "help", "prompt"] {
            let st = mono.style(StyleRole(rawValue: role))
            #expect(st.foreground == .terminalDefault && st.background == .terminalDefault, "\(role)")
        }
    }

    @Test("bad lines are reported with file:line, unknown roles ignored, defaults kept")
    func badLines() {
        let t = Theme.parse("# c\nalert.new = red bold\nnot a line\nrisk.3 = chartreuse\nmystery.role = blue\n", name: "t", source: "themes/t.theme")
        #expect(t.problems == ["themes/t.theme:3: expected role = colour", "themes/t.theme:4: cannot read \"chartreuse\""])
        #expect(t.style("alert.new").bold && t.style("alert.new").foreground == .indexed(1))
        #expect(t.style("risk.3") == Theme.builtIn.style("risk.3"))
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
