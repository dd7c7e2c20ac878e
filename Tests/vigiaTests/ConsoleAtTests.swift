import Foundation
import Testing

/// A finished shift explored later (issue 23): `vigia --at TIME` shows the
/// store as it was at TIME, and `--replay FROM/TO` plays a stored period
/// back, both marked read-only, changing nothing.
@Suite("The console at a past time (tmux)", .serialized)
struct ConsoleAtTests {
    @Test("--at two days ago: the alert is a minute old, the title says VIEW, read-only, and 'a' acknowledges nothing")
    func pastView() throws {
        let room = try Room()
        let (then, id) = try room.alertTwoDaysAgo()
        let at = Room.local(then + 90)
        let file = room.scratch.folder.appendingPathComponent("old.jsonl").path
        let refused = try room.run(["--at", at, "--events", file, "--operator", "dina"], as: "dina")
        #expect(refused.status != 0 && refused.stderr.contains("read-only"), "\(refused.stderr)")

        let tmux = try room.console(as: "dina", ["--at", at])
        let screen = try tmux.wait("the past view", timeout: 120) { $0.contains("VIEW, read-only") && $0.contains("#\(id)") }
        #expect(screen.contains("1m"), "the alert is about a minute old at --at, not two days: \(screen)")
        try tmux.keys("2")
        try tmux.keys("a")
        try tmux.wait("the refusal") { $0.contains("nothing is changed") }
        try room.quit(tmux)
        #expect(try room.count("SELECT count(*) FROM audit_log WHERE action LIKE 'alert.%'") == 0, "the view acted")
        #expect(try room.count("SELECT count(*) FROM audit_log WHERE action = 'login' AND operator = 'dina'") >= 1, "the sign-in is audited")
    }

    @Test("--replay FROM/TO: a closed alert is back as it was, ] moves on 10 min, the title says when the replay ended; nothing changes")
    func storedReplay() throws {
        let room = try Room()
        let (then, id) = try room.alertTwoDaysAgo()
        #expect(try room.run(["alerts", "act", "acknowledge", String(id), "--operator", "dina"], as: "dina").status == 0)
        #expect(try room.run(["alerts", "close", String(id), "--disposition", "attended", "--operator", "dina"], as: "dina").status == 0)
        let backwards = try room.run(["--replay", "\(Room.local(then + 900))/\(Room.local(then))", "--operator", "dina"], as: "dina")
        #expect(backwards.status != 0 && backwards.stderr.contains("must be before"), "\(backwards.stderr)")

        let tmux = try room.console(as: "dina", ["--replay", "\(Room.local(then + 30))/\(Room.local(then + 900))", "--speed", "1"])
        let screen = try tmux.wait("the replay", timeout: 120) { $0.contains("replay ×1 · VIEW, read-only") && $0.contains("#\(id)") }
        #expect(screen.contains("NEW"), "30 s after it was raised the alert was new, though it is closed today: \(screen)")
        try tmux.keys("]")
        try tmux.keys("]")
        try tmux.wait("the end of the replay") { $0.contains("replay ended") }
        try room.quit(tmux)
        #expect(try room.count("SELECT count(*) FROM alert_transition") == 2, "the replay changed an alert")
    }
}
