import Foundation
import GRDB
import Testing

/// The real binary in a real terminal (tmux): start the demo, see the panes,
/// press keys, see their effect, resize, and quit cleanly.
@Suite("Console end to end (tmux)", .serialized)
struct ConsoleEndToEndTests {
    final class Tmux {
        let socket = "vigia-e2e-\(getpid())-\(UUID().uuidString.prefix(6))"
        /// Runs tmux through /bin/sh with posix_spawn and waitpid: the tmux server
        /// that new-session starts outlives the client, and Foundation's Process
        /// can wait on it forever.
        func run(_ args: [String]) throws -> String {
            let out = FileManager.default.temporaryDirectory.appendingPathComponent("\(socket)-\(UUID().uuidString).out").path
            defer { try? FileManager.default.removeItem(atPath: out) }
            func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }
            let line = (["tmux", "-L", socket] + args).map(quote).joined(separator: " ") + " > \(quote(out)) 2>/dev/null < /dev/null"
            var pid: pid_t = 0
            let argv: [UnsafeMutablePointer<CChar>?] = [strdup("/bin/sh"), strdup("-c"), strdup(line), nil]
            defer { for a in argv { free(a) } }
            guard posix_spawn(&pid, "/bin/sh", nil, nil, argv, environ) == 0 else { throw CocoaError(.executableLoad) }
            var status: Int32 = 0
            while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
            return (try? String(contentsOfFile: out, encoding: .utf8)) ?? ""
        }
        func screen() throws -> String { try run(["capture-pane", "-p"]) }
        func keys(_ k: String...) throws { _ = try run(["send-keys"] + k) }
        func type(_ text: String) throws { _ = try run(["send-keys", "-l", text]) }
        /// Waits until the screen satisfies `ok` (the console redraws on its own).
        @discardableResult
        func wait(_ what: String, timeout: Double = 90, _ ok: (String) -> Bool) throws -> String {
            let until = Date().addingTimeInterval(timeout)
            var last = ""
            while Date() < until {
                last = try screen()
                if ok(last) { return last }
                Thread.sleep(forTimeInterval: 0.3)
            }
            Issue.record("timed out waiting for \(what); screen was:\n\(last)")
            return last
        }
        /// Waits for a line `NAME=<digits>` that the shell printed, never for
        /// text the typed command itself contains: the command types
        /// `printf 'NA''ME=%s\n' $?`, whose echo on screen reads `NA''ME=`.
        /// Returns the status and the screen.
        func waitForStatus(_ name: String, _ what: String, timeout: Double = 90) throws -> (status: Int?, screen: String) {
            let screen = try wait(what, timeout: timeout) { Self.status(name, on: $0) != nil }
            return (Self.status(name, on: screen), screen)
        }
        static func status(_ name: String, on screen: String) -> Int? {
            for line in screen.split(separator: "\n").reversed() {
                let text = line.trimmingCharacters(in: .whitespaces)
                guard text.hasPrefix(name + "="), let n = Int(text.dropFirst(name.count + 1)) else { continue }
                return n
            }
            return nil
        }
        /// The shell text that prints `NAME=<status of the last command>`, split
        /// so that its echo cannot satisfy `waitForStatus`.
        static func printStatus(_ name: String) -> String {
            let cut = name.index(before: name.endIndex)
            return "printf '\(name[..<cut])''\(name[cut...])=%s\\n' $?"
        }
        deinit { _ = try? run(["kill-server"]) }
    }

    @Test("demo: panes appear, keys act, help opens, resizes re-layout, q asks then quits with the terminal restored")
    func demo() throws {
        let scratch = try Scratch()
        let exitFile = scratch.folder.appendingPathComponent("exit").path
        let tmux = Tmux()
        let command = "cd '\(VigiaProcess.repository.path)' && LANG=C.UTF-8 TERM=xterm-256color '\(VigiaProcess.executable.path)' demo --speed 400 --lang en --no-bell --db '\(scratch.db)'; echo EXIT=$? > '\(exitFile)'; sleep 30"
        _ = try tmux.run(["new-session", "-d", "-x", "160", "-y", "45", command])

        var s = try tmux.wait("the four panes", timeout: 150) { $0.contains("Alerts (") && $0.contains("Face hits (") && $0.contains("Social flags (") }
        #expect(s.contains("Map") && s.contains("replay ×400") && s.contains("dina (dispatcher)"))
        #expect(s.contains("hit rate at 5 %"), "the map says how good the forecast is")

        // Tab to the alert queue; wait for a new alert; acknowledge it.
        try tmux.keys("Tab")
        s = try tmux.wait("an alert in the queue") { $0.contains("▸ Alerts") && $0.contains("● NEW") }
        try tmux.keys("a")
        s = try tmux.wait("the acknowledgement") { $0.contains("◐ acked") && $0.contains("Done") }

        // Candidates: dispatch is refused before two confirmations, and the console says why.
        try tmux.keys("Tab")
        s = try tmux.wait("a candidate") { $0.contains("▸ Face hits") && $0.contains("0/2") }
        // Dispatch is dangerous: it asks first, naming the candidate; the answer is refused before two confirmations.
        try tmux.keys("d")
        s = try tmux.wait("the question") { $0.contains("Dispatch a unit for candidate #") }
        try tmux.keys("y")
        s = try tmux.wait("the refusal") { $0.contains("two different operators") }

        // Help from the key registry, then back.
        try tmux.keys("?")
        s = try tmux.wait("the help overlay") { $0.contains("Keys (Esc to close)") && $0.contains("acknowledge") }
        try tmux.keys("Escape")
        s = try tmux.wait("help closed") { !$0.contains("Keys (Esc to close)") }

        // Narrower: tabs; too small: says so; back to wide.
        _ = try tmux.run(["resize-window", "-x", "100", "-y", "30"])
        s = try tmux.wait("tabs at 100×30") { $0.contains("1 Map") && $0.contains("3 Face hits") }
        _ = try tmux.run(["resize-window", "-x", "60", "-y", "20"])
        s = try tmux.wait("too small at 60×20") { $0.contains("terminal too small") && $0.contains("need 80×24") }
        for i in 0..<20 { _ = try tmux.run(["resize-window", "-x", "\(70 + i * 5)", "-y", "\(20 + i)"]) }
        _ = try tmux.run(["resize-window", "-x", "160", "-y", "45"])
        s = try tmux.wait("wide again after a resize storm") { $0.contains("Social flags (") && $0.contains("Map") }

        // q asks while items are unhandled; y quits; the exit code is 0.
        try tmux.keys("q")
        s = try tmux.wait("the quit question") { $0.contains("Quit? (y/n)") }
        try tmux.keys("y")
        let until = Date().addingTimeInterval(20)
        while !FileManager.default.fileExists(atPath: exitFile), Date() < until { Thread.sleep(forTimeInterval: 0.2) }
        #expect((try? String(contentsOfFile: exitFile, encoding: .utf8))?.contains("EXIT=0") == true)
        s = try tmux.screen()
        #expect(s.contains("Demo database kept at"), "the terminal is back to the shell")

        // The acknowledgement went through the engine: audited, as dina.
        let queue = try DatabaseQueue(path: scratch.db)
        let acks = try queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM audit_log WHERE action = 'alert.acknowledge' AND operator = 'dina'") } ?? 0
        #expect(acks == 1)
    }

    /// The pid of the console started on `db`, if it runs.
    func consolePID(_ db: String) -> pid_t? {
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {
            guard let pid = pid_t(entry), let cmd = try? String(contentsOfFile: "/proc/\(entry)/cmdline", encoding: .utf8) else { continue }
            let args = cmd.split(separator: "\0")
            if args.first?.hasSuffix("/vigia") == true, args.contains(Substring(db)) { return pid }
        }
        return nil
    }

    func state(_ pid: pid_t) -> String {
        ((try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? "").split(separator: ")").last?.split(separator: " ").first.map(String.init) ?? "gone"
    }

    @Test("terminal abuse: TERM=dumb gives plain mode, an unknown TERM is refused; LANG=C and NO_COLOR; 100 resizes; Ctrl-Z and fg; SIGTERM, SIGINT and SIGHUP leave cleanly")
    func abuse() throws {
        let s = try Scratch()
        #expect(try VigiaProcess.run(["operator", "add", "root", "--role", "admin", "--db", s.db], environment: ["VIGIA_NEW_PASSPHRASE": "root-passphrase"]).status == 0)
        let tmux = Tmux()
        _ = try tmux.run(["new-session", "-d", "-x", "120", "-y", "40", "bash --norc --noprofile"])
        let vigia = "VIGIA_PASSPHRASE=root-passphrase '\(VigiaProcess.executable.path)' --db '\(s.db)' --operator root --no-bell"
        // Each run prints its own marker (EXIT1=, EXIT2=, …), so an earlier
        // run's status still on screen before `clear` runs cannot satisfy a wait.
        var runs = 0
        func start(_ env: String) throws -> String {
            runs += 1
            let marker = "EXIT\(runs)"
            try tmux.type("clear; \(env) \(vigia); \(Tmux.printStatus(marker))")
            try tmux.keys("Enter")
            return marker
        }

        // TERM=dumb: plain mode (lines, numbered choices) instead of a refusal; `quit` leaves it.
        var marker = try start("TERM=dumb LANG=C.UTF-8")
        var screen = try tmux.wait("plain mode under TERM=dumb") { $0.contains("root (admin)") && $0.contains("Escriba a41") }
        try tmux.type("salir")
        try tmux.keys("Enter")
        var status: Int?
        (status, screen) = try tmux.waitForStatus(marker, "plain mode quit")
        #expect(status == 0, "\(screen)")
        marker = try start("TERM=no-such-terminal LANG=C.UTF-8")
        (status, screen) = try tmux.waitForStatus(marker, "unknown refused")
        #expect(screen.contains("unknown to ncurses") && screen.contains("--plain") && status != nil && status != 0, "\(screen)")

        // LANG=C: ASCII frames, accents folded; NO_COLOR: no colour sequences at all.
        _ = try start("TERM=xterm-256color LANG=C NO_COLOR=1")
        screen = try tmux.wait("the console under LANG=C") { $0.contains("Vigia |") && $0.contains("+- > Mapa") }
        #expect(!screen.contains("┌") && !screen.contains("Vigía"))
        let raw = try tmux.run(["capture-pane", "-p", "-e"])
        // Attributes (bold, reverse) are fine; any colour parameter is not (39 and 49 are tmux's own resets to the default).
        var colours: [Int] = []
        for sequence in raw.components(separatedBy: "\u{1B}[").dropFirst() {
            guard let parameters = sequence.split(separator: "m").first else { continue }
            for p in parameters.split(separator: ";") {
                guard let code = Int(p) else { continue }
                if (30...38).contains(code) || (40...48).contains(code) || (90...107).contains(code) { colours.append(code) }
            }
        }
        #expect(colours.isEmpty, "NO_COLOR still drew colours: \(colours)")

        // A resize storm: 100 sizes as fast as tmux takes them, then a normal size.
        for i in 0..<100 { _ = try tmux.run(["resize-window", "-x", "\(40 + (i * 37) % 160)", "-y", "\(10 + (i * 13) % 50)"]) }
        _ = try tmux.run(["resize-window", "-x", "120", "-y", "40"])
        screen = try tmux.wait("a clean screen after the storm") { $0.contains("Vigia |") && $0.contains("4 Senales (0)") }
        let pid = try #require(consolePID(s.db))

        // Ctrl-Z stops it and gives the shell back; fg brings it back, still answering keys.
        try tmux.keys("C-z")
        screen = try tmux.wait("the shell after Ctrl-Z") { $0.contains("Stopped") }
        #expect(state(pid) == "T")
        try tmux.type("fg; \(Tmux.printStatus("FG"))")
        try tmux.keys("Enter")
        screen = try tmux.wait("the console after fg") { $0.contains("+- > Mapa") }
        try tmux.keys("?")
        screen = try tmux.wait("help after fg") { $0.contains("Teclas (Esc para cerrar)") }

        // SIGTERM: the terminal is restored and the exit is clean.
        kill(pid, SIGTERM)
        (status, screen) = try tmux.waitForStatus("FG", "the shell after SIGTERM")
        #expect(status == 0, "\(screen)")
        #expect(!screen.contains("+- > Mapa"), "the console's screen was left behind")
        #expect(!FileManager.default.fileExists(atPath: s.db + "-wal"), "the database was not closed: its WAL is still there")

        // SIGINT (Ctrl-C from outside the raw-mode terminal): the same clean exit.
        marker = try start("TERM=xterm-256color LANG=C.UTF-8")
        _ = try tmux.wait("the console for SIGINT") { $0.contains("Vigía ·") }
        let interrupted = try #require(consolePID(s.db))
        kill(interrupted, SIGINT)
        (status, screen) = try tmux.waitForStatus(marker, "the shell after SIGINT")
        #expect(status == 0, "\(screen)")
        #expect(!screen.contains("Vigía ·"), "the console's screen was left behind")
        #expect(!FileManager.default.fileExists(atPath: s.db + "-wal"), "the database was not closed: its WAL is still there")

        // SIGHUP (the terminal goes away): the process leaves and the database is intact.
        _ = try start("TERM=xterm-256color LANG=C.UTF-8")
        _ = try tmux.wait("the console again") { $0.contains("Vigía ·") }
        let second = try #require(consolePID(s.db))
        kill(second, SIGHUP)
        let until = Date().addingTimeInterval(10)
        while state(second) != "gone" && state(second) != "Z" && Date() < until { Thread.sleep(forTimeInterval: 0.1) }
        #expect(state(second) == "gone" || state(second) == "Z")
        let check = try DatabaseQueue(path: s.db).read { try String.fetchOne($0, sql: "PRAGMA integrity_check") }
        #expect(check == "ok")
    }

    @Test("without a terminal the console says so and exits non-zero")
    func noTTY() throws {
        let s = try Scratch()
        // A real operator signs in, so the refusal is the terminal check's, not the sign-in's.
        #expect(try VigiaProcess.run(["operator", "add", "root", "--role", "admin", "--db", s.db],
                                     environment: ["VIGIA_NEW_PASSPHRASE": "root-passphrase"]).status == 0)
        let r = try VigiaProcess.run(["console", "--db", s.db, "--operator", "root"], environment: ["VIGIA_PASSPHRASE": "root-passphrase"])
        #expect(r.status != 0)
        #expect(r.stderr.contains("needs a terminal (no tty)"), "\(r.stderr)")
    }
}
