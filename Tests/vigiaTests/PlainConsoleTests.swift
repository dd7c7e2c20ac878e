import Foundation
import Testing

/// `--plain` in a real terminal (issue 23): no alternate screen and no
/// drawing characters; alerts committed by another process arrive as one
/// line each, in order, as a screen reader or a log would read them.
@Suite("Plain console in a terminal", .serialized)
struct PlainConsoleTests {
    @Test("--plain in tmux: no alternate screen; two alerts from another process arrive one line each; a-id then 1 acknowledges; quit asks")
    func lines() throws {
        let room = try Room()
        let tmux = try room.console(as: "dina", ["--plain"])
        let first = try tmux.wait("the plain start") { $0.contains("dina (dispatcher)") && $0.contains("Type a41") }
        #expect(!first.unicodeScalars.contains { (0x2500...0x259F).contains($0.value) }, "a drawing character: \(first)")
        #expect(try tmux.run(["display-message", "-p", "#{alternate_on}"]).trimmingCharacters(in: .whitespacesAndNewlines) == "0",
                "plain mode switched to the alternate screen")

        let now = Date().timeIntervalSince1970.rounded()
        for (i, track) in ["p1", "p2"].enumerated() {
            let file = try room.scratch.write("plain-\(track).jsonl", FeedDefectTests.motorcycle(at: now + Double(i), track: track) + "\n")
            #expect(try room.run(["ingest", "--events", file, "--events-format", "frigate"]).status == 0)
            _ = try tmux.wait("NEW ALERT line \(i + 1)") { $0.components(separatedBy: "NEW ALERT  a").count - 1 == i + 1 }
        }
        let ids = try room.raw { try Int64.fetchAll($0, sql: "SELECT id FROM alert ORDER BY id") }
        try #require(ids.count == 2)
        let screen = try tmux.screen()
        let arrived = screen.split(separator: "\n").filter { $0.hasPrefix("NEW ALERT") }
        #expect(arrived.count == 2 && arrived[0].contains("a\(ids[0])") && arrived[1].contains("a\(ids[1])"), "one line each, in order: \(screen)")

        try tmux.type("a\(ids[0])")
        try tmux.keys("Enter")
        _ = try tmux.wait("the alert's numbered choices") { $0.contains("1 acknowledge · 2 dispatch") }
        try tmux.type("1")
        try tmux.keys("Enter")
        _ = try tmux.wait("the acknowledgement said") { $0.contains("undoes it for 10 s") }
        #expect(try room.raw { try String.fetchOne($0, sql: "SELECT state FROM alert WHERE id = ?", arguments: [ids[0]]) } == "acknowledged")

        try tmux.type("quit")
        try tmux.keys("Enter")
        _ = try tmux.wait("quit asks while alerts are unhandled") { $0.contains("1 quit · 0 stay") }
        try tmux.type("1")
        try tmux.keys("Enter")
        let until = Date().addingTimeInterval(20)
        while ConsoleEndToEndTests().consolePID(room.db) != nil, Date() < until { Thread.sleep(forTimeInterval: 0.2) }
        #expect(ConsoleEndToEndTests().consolePID(room.db) == nil, "the plain console did not leave")
        #expect(try room.verify().status == 0)
    }

    @Test("--plain with a feed on standard input is refused: standard input is the operator's")
    func stdinFeedRefused() throws {
        let room = try Room()
        let r = try room.run(["console", "--plain", "--events", "-", "--operator", "dina"], as: "dina")
        #expect(r.status != 0 && r.stderr.contains("plain mode reads what the operator types"), "\(r.stderr)")
    }
}
