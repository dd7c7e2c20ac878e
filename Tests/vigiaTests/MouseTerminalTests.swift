import Foundation
import Testing

/// The mouse through ncurses in a real terminal (issue 23): tmux types the
/// xterm SGR mouse reports a terminal sends, and the console reads them as
/// clicks and wheel turns; `--no-mouse` never asks for them.
@Suite("Mouse in a terminal (tmux)", .serialized)
struct MouseTerminalTests {
    /// An SGR mouse report (1-based cell): button 0 press and release, 64 wheel up, 65 wheel down.
    static func sgr(_ button: Int, row: Int, column: Int, release: Bool = false) -> String {
        "\u{1B}[<\(button);\(column + 1);\(row + 1)\(release ? "m" : "M")"
    }

    /// The 0-based screen line that shows `text`.
    static func line(of text: String, _ screen: String) -> Int? {
        screen.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(text) }
    }

    @Test("a click on the second alert focuses the alerts and selects it; the wheel moves the selection back; with --no-mouse no mouse report is asked for")
    func clickAndWheel() throws {
        let room = try Room()
        let now = Date().timeIntervalSince1970.rounded()
        let file = try room.scratch.write("two.jsonl", [FeedDefectTests.motorcycle(at: now - 60, track: "m1"),
                                                        FeedDefectTests.motorcycle(at: now, track: "m2", camera: "cam_005")].joined(separator: "\n") + "\n")
        #expect(try room.run(["ingest", "--events", file, "--events-format", "frigate"]).status == 0)
        let ids = try room.raw { try Int64.fetchAll($0, sql: "SELECT id FROM alert ORDER BY id") }
        try #require(ids.count == 2)

        let tmux = try room.console(as: "dina", [])
        var screen = try tmux.wait("the console with two alerts") { $0.contains("Alerts (2") }
        #expect(screen.contains("▸ Map"), "the map has the focus at start")
        #expect(try Self.mouseReporting(tmux), "the console did not ask the terminal for mouse reports")
        let first = try #require(Self.line(of: "#\(ids[0]) ", screen)), second = try #require(Self.line(of: "#\(ids[1]) ", screen))
        let column = 110 // inside the alerts pane (it starts at column 96 at 160×45)
        try tmux.type(Self.sgr(0, row: second, column: column) + Self.sgr(0, row: second, column: column, release: true))
        screen = try tmux.wait("the click on the second alert") { $0.contains("▸ Alerts") }
        let rows = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(rows[second].contains("│>"), "the clicked row is selected: \(rows[second])")
        try tmux.type(Self.sgr(64, row: second, column: column))
        screen = try tmux.wait("the wheel up") { s in
            let r = s.split(separator: "\n", omittingEmptySubsequences: false)
            return r.count > first && r[first].contains("│>")
        }
        #expect(try room.raw { try Int.fetchOne($0, sql: "SELECT count(*) FROM alert WHERE state = 'new'") } == 2, "a click acted on an alert")
        try room.quit(tmux)

        // With --no-mouse the console never asks the terminal for mouse reports (tmux says whether a pane did).
        let still = try room.console(as: "dina", ["--no-mouse"])
        _ = try still.wait("the console without the mouse") { $0.contains("Alerts (2") }
        #expect(try Self.mouseReporting(still) == false, "--no-mouse still turned mouse reporting on")
        try room.quit(still)
    }

    /// Whether the program in the pane turned on any xterm mouse reporting mode.
    static func mouseReporting(_ tmux: ConsoleEndToEndTests.Tmux) throws -> Bool {
        let flags = try tmux.run(["display-message", "-p", "#{mouse_standard_flag}#{mouse_button_flag}#{mouse_any_flag}"])
        return flags.contains("1")
    }
}
