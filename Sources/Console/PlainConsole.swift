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

    static func say(_ lines: [String]) {
        guard !lines.isEmpty else { return }
        // What `print` buffered before (the demo's banner) comes first.
        fflush(nil)
        FileHandle.standardOutput.write(Data((lines.joined(separator: "\n") + "\n").utf8))
    }

    public func run() throws {
        var initial = UIState(language: options.language, glyphs: .ascii)
        initial.themeNames = []
        if !options.readOnly { try? engine.runScheduledWork() }
        var lastSweep = Date()
        let session = try ConsoleSession(engine: engine, principal: principal, state: initial, readOnly: options.readOnly,
                                         replaySpeed: options.replay?.speed)
        let plain = PlainSession(session: session)
        Self.say(plain.start())
        feeder?.start()
        defer { feeder?.stop() }
        var input = LineReader(fd: STDIN_FILENO)
        var lastGeneration = 0
        while !ConsoleApp.stopRequested.load(ordering: .relaxed) {
            if input.open, let lines = input.read(timeout: 500) {
                for line in lines {
                    let (out, quit) = plain.enter(line)
                    Self.say(out)
                    if quit { return }
                }
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
            Self.say(plain.poll(force: force, feedProblems: problems))
            if options.bell, plain.takeArrivals().contains(where: { $0.priority == 1 }) { FileHandle.standardOutput.write(Data([7])) }
            // Into a log with no input, a replay that ended has nothing more to say.
            if !input.open, let replay = options.replay, replay.finished { return }
        }
    }
}

/// Whole lines from a file descriptor, waiting at most a timeout for them;
/// a line longer than 4 KiB is cut there. `open` turns false at end of input.
struct LineReader {
    let fd: Int32
    private(set) var open = true
    private var pending = Data()

    init(fd: Int32) { self.fd = fd }

    /// The complete lines that arrived, or nil when none did within `timeout` ms.
    mutating func read(timeout: Int32) -> [String]? {
        var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&p, 1, timeout) > 0 else { return nil }
        var buffer = [UInt8](repeating: 0, count: 4_096)
        let n = Foundation.read(fd, &buffer, buffer.count)
        if n <= 0 {
            open = false
            guard !pending.isEmpty else { return [] }
            defer { pending = Data() }
            return [String(decoding: pending, as: UTF8.self)]
        }
        pending.append(contentsOf: buffer[0..<n])
        var lines: [String] = []
        while let newline = pending.firstIndex(of: 10) {
            lines.append(String(decoding: pending[pending.startIndex..<newline], as: UTF8.self))
            pending = Data(pending[(newline + 1)...])
        }
        if pending.count > 4_096 { lines.append(String(decoding: pending.prefix(4_096), as: UTF8.self)); pending = Data() }
        return lines.isEmpty ? nil : lines
    }
}
