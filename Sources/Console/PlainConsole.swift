import Engine
import Foundation
import VigiaCore

/// Plain mode's loop (`--plain`, and automatic with `TERM=dumb`): lines in
/// from standard input, lines out to standard output, no alternate screen,
/// no cursor movement, no drawing characters. It wakes for a line typed, for
/// a commit to the store by anyone (checked twice a second), or each second
/// while a replay runs, as the full console does.
public final class PlainConsole {
    let engine: Engine
    let principal: Principal
    let options: ConsoleApp.Options
    let feeder: ReplayFeeder?

    public init(engine: Engine, principal: Principal, options: ConsoleApp.Options, feeder: ReplayFeeder?) {
        self.engine = engine
        self.principal = principal
        self.options = options
        self.feeder = feeder
    }

    /// Writes the lines, each made terminal-safe as a whole (whatever field
    /// of the store it came from). False when standard output is gone (a
    /// closed pipe): the console then ends as it does for a signal.
    @discardableResult
    static func say(_ lines: [String]) -> Bool {
        guard !lines.isEmpty else { return true }
        // What `print` buffered before (the demo's banner) comes first.
        fflush(nil)
        return write(lines.map { TerminalSafe.line($0, limit: 16_384) }.joined(separator: "\n") + "\n")
    }

    static func write(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        var done = 0
        while done < bytes.count {
            let n = bytes[done...].withUnsafeBytes { Foundation.write(STDOUT_FILENO, $0.baseAddress, $0.count) }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { return false }
            done += n
        }
        return true
    }

    public func run() throws {
        // A reader that went away (`--plain | head`) ends the console cleanly instead of killing it.
        signal(SIGPIPE, SIG_IGN)
        var initial = UIState(language: options.language, glyphs: .ascii)
        initial.themeNames = []
        if !options.readOnly { try? engine.runScheduledWork() }
        var lastSweep = Date()
        let session = try ConsoleSession(engine: engine, principal: principal, state: initial, readOnly: options.readOnly,
                                         replaySpeed: options.replay?.speed)
        let plain = PlainSession(session: session)
        guard Self.say(plain.start()) else { return }
        feeder?.start()
        defer { feeder?.stop() }
        var input = LineReader(fd: STDIN_FILENO)
        var lastGeneration = 0
        while !ConsoleApp.stopRequested.load(ordering: .relaxed) {
            if input.open, let lines = input.read(timeout: 500) {
                let (out, quit, asked) = Self.handle(lines, plain)
                guard Self.say(out), !quit else { return }
                if asked { input.discardTypeahead() }
                if !input.open { Self.say([Strings.text("plain.inputclosed", session.state.language)]) }
            } else if !input.open {
                usleep(500_000)
            }
            if ConsoleApp.stopRequested.load(ordering: .relaxed) { break }
            if !options.readOnly, Date().timeIntervalSince(lastSweep) >= Engine.scheduledWorkPeriod { try? engine.runScheduledWork(); lastSweep = Date() }
            let generation = feeder?.generation.load(ordering: .relaxed) ?? 0
            let replaying = options.replay.map { !$0.finished } ?? false
            let force = generation != lastGeneration || replaying || session.sinceLastBuild > ConsoleApp.quietRebuildSeconds
            lastGeneration = generation
            let problems = (feeder?.problems ?? []) + ConsoleApp.feedProblems.withLock { $0 }
            guard Self.say(plain.poll(force: force, feedProblems: problems)) else { return }
            if options.bell, plain.takeBell() { guard Self.write("\u{7}") else { return } }
            // Into a log with no input, a replay that ended has nothing more to say.
            if !input.open, let replay = options.replay, replay.finished { return }
        }
    }
}

extension PlainConsole {
    /// The lines that arrived together, in order, until one quits or asks a
    /// question: a question is answered by a line typed after it was shown,
    /// so the rest (typed or pasted ahead) is not run. `asked`: the rest was dropped.
    static func handle(_ lines: [String], _ plain: PlainSession) -> (out: [String], quit: Bool, asked: Bool) {
        var out: [String] = []
        for line in lines {
            let (said, quit) = plain.enter(line)
            out += said
            if quit { return (out, true, false) }
            if plain.isAsking { return (out, false, true) }
        }
        return (out, false, false)
    }
}

/// Whole lines from a file descriptor, waiting at most a timeout for them.
/// A line longer than 4 KiB is cut there and the rest of it, up to its line
/// feed, dropped. `open` turns false at end of input.
struct LineReader {
    static let longest = 4_096
    let fd: Int32
    private(set) var open = true
    private var pending = Data()
    /// Inside a line that was too long: its bytes are dropped until its line feed.
    private var skipping = false

    init(fd: Int32) { self.fd = fd }

    /// The complete lines that arrived, or nil when none did within `timeout` ms.
    mutating func read(timeout: Int32) -> [String]? {
        var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&p, 1, timeout) > 0 else { return nil }
        var buffer = [UInt8](repeating: 0, count: 4_096)
        let n = Foundation.read(fd, &buffer, buffer.count)
        if n <= 0 {
            if n < 0, errno == EINTR || errno == EAGAIN { return nil }
            open = false
            guard !pending.isEmpty else { return [] }
            defer { pending = Data() }
            return [String(decoding: pending, as: UTF8.self)]
        }
        return take(buffer[0..<n])
    }

    /// Splits what arrived into lines (kept separate from the reading, for tests).
    mutating func take(_ bytes: ArraySlice<UInt8>) -> [String]? {
        var lines: [String] = []
        for byte in bytes {
            if byte == 10 {
                if !skipping { lines.append(String(decoding: pending, as: UTF8.self)) }
                pending = Data(); skipping = false
            } else if !skipping {
                pending.append(byte)
                if pending.count == Self.longest { lines.append(String(decoding: pending, as: UTF8.self)); pending = Data(); skipping = true }
            }
        }
        return lines.isEmpty ? nil : lines
    }

    /// Drops what was typed ahead: the rest of this read and what the terminal holds unread.
    mutating func discardTypeahead() {
        pending = Data()
        if isatty(fd) == 1 { tcflush(fd, TCIFLUSH) }
    }
}
