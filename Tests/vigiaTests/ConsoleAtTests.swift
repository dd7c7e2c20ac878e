import Foundation
import Testing

/// A finished shift explored later (issue 23): `vigia --at TIME` shows the
/// store as it was then, marked read-only, and changes nothing.
@Suite("The console at a past time (tmux)", .serialized)
struct ConsoleAtTests {
    @Test("--at two days ago: the alert is a minute old, the title says VIEW, read-only, and 'a' acknowledges nothing")
    func pastView() throws {
        let room = try Room()
        let then = Date().timeIntervalSince1970.rounded() - 2 * 86_400
        let file = try room.scratch.write("old.jsonl", FeedDefectTests.motorcycle(at: then, track: "past") + "\n")
        #expect(try room.run(["ingest", "--events", file, "--events-format", "frigate"]).status == 0)
        let id = try room.count("SELECT id FROM alert LIMIT 1")
        try #require(id > 0)
        let f = ISO8601DateFormatter()
        f.timeZone = TimeZone(identifier: "America/Argentina/Buenos_Aires")
        f.formatOptions = [.withInternetDateTime]
        let at = f.string(from: Date(timeIntervalSince1970: then + 90))

        let refused = try room.run(["--at", at, "--events", file, "--operator", "dina"], as: "dina")
        #expect(refused.status != 0 && refused.stderr.contains("read-only"), "\(refused.stderr)")

        let tmux = ConsoleEndToEndTests.Tmux()
        let env = room.environment(as: "dina").map { "\($0.key)='\($0.value)'" }.sorted().joined(separator: " ")
        let command = "\(env) LANG=C.UTF-8 TERM=xterm-256color '\(VigiaProcess.executable.path)' --db '\(room.db)' --operator dina --no-bell --lang en --at '\(at)'; sleep 30"
        _ = try tmux.run(["new-session", "-d", "-x", "160", "-y", "45", command])
        let screen = try tmux.wait("the past view", timeout: 120) { $0.contains("VIEW, read-only") && $0.contains("#\(id)") }
        #expect(screen.contains("1m"), "the alert is about a minute old at --at, not two days: \(screen)")
        try tmux.keys("2")
        try tmux.keys("a")
        try tmux.wait("the refusal") { $0.contains("nothing is changed") }
        try tmux.keys("q")
        Thread.sleep(forTimeInterval: 1)
        if try tmux.screen().contains("Quit? (y/n)") { try tmux.keys("y") }
        Thread.sleep(forTimeInterval: 1)
        #expect(try room.count("SELECT count(*) FROM audit_log WHERE action LIKE 'alert.%'") == 0, "the view acted")
        #expect(try room.count("SELECT count(*) FROM audit_log WHERE action = 'login' AND operator = 'dina'") >= 1, "the sign-in is audited")
    }

    @Test("--replay FROM/TO: a closed alert is back as it was, ] moves on 10 min, the title says when the replay ended; nothing changes")
    func storedReplay() throws {
        let room = try Room()
        let then = Date().timeIntervalSince1970.rounded() - 2 * 86_400
        let file = try room.scratch.write("old.jsonl", FeedDefectTests.motorcycle(at: then, track: "past") + "\n")
        #expect(try room.run(["ingest", "--events", file, "--events-format", "frigate"]).status == 0)
        let id = try room.count("SELECT id FROM alert LIMIT 1")
        try #require(id > 0)
        #expect(try room.run(["alerts", "act", "acknowledge", String(id), "--operator", "dina"], as: "dina").status == 0)
        #expect(try room.run(["alerts", "close", String(id), "--disposition", "attended", "--operator", "dina"], as: "dina").status == 0)
        let f = ISO8601DateFormatter()
        f.timeZone = TimeZone(identifier: "America/Argentina/Buenos_Aires")
        f.formatOptions = [.withInternetDateTime]
        let period = "\(f.string(from: Date(timeIntervalSince1970: then + 30)))/\(f.string(from: Date(timeIntervalSince1970: then + 900)))"
        let bad = try room.run(["--replay", "\(f.string(from: Date(timeIntervalSince1970: then + 900)))/\(f.string(from: Date(timeIntervalSince1970: then)))",
                                "--operator", "dina"], as: "dina")
        #expect(bad.status != 0 && bad.stderr.contains("must be before"), "\(bad.stderr)")

        let tmux = ConsoleEndToEndTests.Tmux()
        let env = room.environment(as: "dina").map { "\($0.key)='\($0.value)'" }.sorted().joined(separator: " ")
        let command = "\(env) LANG=C.UTF-8 TERM=xterm-256color '\(VigiaProcess.executable.path)' --db '\(room.db)' --operator dina --no-bell --lang en --replay '\(period)' --speed 1; sleep 30"
        _ = try tmux.run(["new-session", "-d", "-x", "160", "-y", "45", command])
        let screen = try tmux.wait("the replay", timeout: 120) { $0.contains("replay ×1 · VIEW, read-only") && $0.contains("#\(id)") }
        #expect(screen.contains("NEW"), "30 s after it was raised the alert was new, though it is closed today: \(screen)")
        try tmux.keys("]")
        try tmux.keys("]")
        try tmux.wait("the end of the replay") { $0.contains("replay ended") }
        try tmux.keys("q")
        Thread.sleep(forTimeInterval: 1)
        if try tmux.screen().contains("Quit? (y/n)") { try tmux.keys("y") }
        Thread.sleep(forTimeInterval: 1)
        #expect(try room.count("SELECT count(*) FROM alert_transition") == 2, "the replay changed an alert")
    }
}
