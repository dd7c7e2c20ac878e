import Foundation
import GRDB
import Testing

/// Text typed on after a prompt's Enter (a pasted line, fast fingers) once
/// ran as commands: an `a` in it acknowledged the next alert (issue 23). A
/// real terminal is needed, since only there do keys arrive ahead.
@Suite("Typed-ahead keys after a prompt (tmux)", .serialized)
struct TypeaheadTests {
    @Test("snooze, 10, Enter and a pasted 'aa' in one write: the alert is snoozed, nothing is acknowledged")
    func pasteAfterPrompt() throws {
        let room = try Room()
        let now = Date().timeIntervalSince1970.rounded()
        let lines = [FeedDefectTests.motorcycle(at: now - 120, track: "t1"), FeedDefectTests.motorcycle(at: now - 60, track: "t2", camera: "cam_005")]
        let file = try room.scratch.write("two.jsonl", lines.joined(separator: "\n") + "\n")
        #expect(try room.run(["ingest", "--events", file, "--events-format", "frigate"]).status == 0)
        let alerts = try room.count("SELECT count(*) FROM alert")
        try #require(alerts >= 2, "the fixture needs two alerts, got \(alerts)")

        let tmux = ConsoleEndToEndTests.Tmux()
        let env = room.environment(as: "dina").map { "\($0.key)='\($0.value)'" }.sorted().joined(separator: " ")
        let command = "\(env) LANG=C.UTF-8 TERM=xterm-256color '\(VigiaProcess.executable.path)' --db '\(room.db)' --operator dina --no-bell --lang en; sleep 30"
        _ = try tmux.run(["new-session", "-d", "-x", "160", "-y", "45", command])
        try tmux.wait("the alert queue", timeout: 120) { $0.contains("Alerts (\(alerts))") }
        try tmux.keys("2")
        try tmux.wait("the alerts focused") { $0.contains("▸ Alerts") }
        try tmux.keys("s")
        try tmux.wait("the snooze question") { $0.contains("Minutes") }
        try tmux.type("10\raa")
        try tmux.wait("the snooze done") { $0.contains("Alerts (\(alerts - 1))") }
        Thread.sleep(forTimeInterval: 1.5)
        try tmux.keys("q")
        try tmux.wait("the quit question") { $0.contains("Quit? (y/n)") }
        try tmux.keys("y")
        Thread.sleep(forTimeInterval: 1)

        let snoozed = try room.count("SELECT count(*) FROM audit_log WHERE action = 'alert.snooze' AND operator = 'dina'")
        let acked = try room.count("SELECT count(*) FROM audit_log WHERE action = 'alert.acknowledge'")
        #expect(snoozed == 1)
        #expect(acked == 0, "the pasted 'aa' ran as commands: \(acked) acknowledgement(s)")
    }
}
