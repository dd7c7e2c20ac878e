import Foundation
import Testing

/// Live by commits (issue 19): a change made by another process (a command
/// line acknowledgement, a second console) shows in an open console without
/// a key press. The console polls SQLite's `PRAGMA data_version`; without a
/// commit it rebuilds only every 30 s, so a change seen within a few
/// seconds came through the watch.
@Suite("An open console follows other processes' commits (tmux)", .serialized)
struct LiveConsoleTests {
    @Test("diego acknowledges from the command line; dina's open console shows it within seconds, no key pressed")
    func acknowledgementFromAnotherProcess() throws {
        let room = try Room()
        let now = Date().timeIntervalSince1970.rounded()
        let file = try room.scratch.write("one.jsonl", FeedDefectTests.motorcycle(at: now - 30, track: "live") + "\n")
        #expect(try room.run(["ingest", "--events", file, "--events-format", "frigate"]).status == 0)
        let id = try room.count("SELECT id FROM alert LIMIT 1")
        try #require(id > 0)

        let tmux = ConsoleEndToEndTests.Tmux()
        let env = room.environment(as: "dina").map { "\($0.key)='\($0.value)'" }.sorted().joined(separator: " ")
        let command = "\(env) LANG=C.UTF-8 TERM=xterm-256color '\(VigiaProcess.executable.path)' --db '\(room.db)' --operator dina --no-bell --lang en; sleep 30"
        _ = try tmux.run(["new-session", "-d", "-x", "160", "-y", "45", command])
        try tmux.wait("the alert, new", timeout: 120) { $0.contains("#\(id)") && $0.contains("NEW") }
        // Let the console settle into its idle loop (its first rebuild is behind it).
        Thread.sleep(forTimeInterval: 2)

        let ack = try room.run(["alerts", "act", "acknowledge", String(id), "--operator", "diego"], as: "diego")
        #expect(ack.status == 0, "\(ack.stderr)")
        let acted = Date()
        let screen = try tmux.wait("the acknowledgement in the open console", timeout: 6) { $0.contains("acked") }
        let seconds = Date().timeIntervalSince(acted)
        #expect(screen.contains("acked"), "not shown after \(seconds) s")
        print("live console: another process's acknowledgement on screen after \(String(format: "%.2f", seconds)) s")
        try tmux.keys("q")
        Thread.sleep(forTimeInterval: 1)
        if try tmux.screen().contains("Quit? (y/n)") { try tmux.keys("y") }
    }
}
