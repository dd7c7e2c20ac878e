import Foundation
import Synchronization
import VigiaCore

/// Replays sample feeds into the engine at the replay clock's pace: each
/// JSON line is written to a pipe when the clock reaches its `time`, and the
/// engine's ordinary feed reads the pipe, as it would a live stream.
public final class ReplayFeeder: Sendable {
    public struct Feed: Sendable {
        public enum Kind: Sendable { case events, posts }
        public var kind: Kind
        public var file: URL
        public init(kind: Kind, file: URL) { self.kind = kind; self.file = file }
    }

    let engine: Engine
    let clock: PausableReplayClock
    let feeds: [Feed]
    /// Lines handed to the engine so far; the console redraws when it moves.
    public let generation = Atomic<Int>(0)
    private let stopping = Atomic<Bool>(false)
    private let running = Atomic<Int>(0)
    private let failures = Mutex<[String]>([])

    public init(engine: Engine, clock: PausableReplayClock, feeds: [Feed]) {
        self.engine = engine
        self.clock = clock
        self.feeds = feeds
    }

    /// Why a feed stopped early, if one did.
    public var problems: [String] { failures.withLock { $0 } }
    public var isRunning: Bool { running.load(ordering: .relaxed) > 0 }

    public func start() {
        for feed in feeds {
            let pipe = Pipe()
            running.add(2, ordering: .relaxed)
            Thread.detachNewThread { [self] in
                defer { running.subtract(1, ordering: .relaxed) }
                do {
                    let source = feed.file.lastPathComponent + " (replay)"
                    switch feed.kind {
                    case .events: _ = try engine.ingestEvents(from: pipe.fileHandleForReading, source: source, batchLines: 10_000, flushInterval: 0.5)
                    case .posts: _ = try engine.ingestPosts(from: pipe.fileHandleForReading, source: source, batchLines: 10_000, flushInterval: 0.5)
                    }
                } catch {
                    failures.withLock { $0.append("\(feed.file.lastPathComponent): \(engine.explain(error))") }
                }
            }
            Thread.detachNewThread { [self] in
                defer { try? pipe.fileHandleForWriting.close(); running.subtract(1, ordering: .relaxed) }
                pace(feed.file, into: pipe.fileHandleForWriting)
            }
        }
    }

    /// Asks the feeds to stop; what was read is committed. Waits up to `timeout` seconds.
    public func stop(timeout: TimeInterval = 3) {
        stopping.store(true, ordering: .relaxed)
        let until = Date().addingTimeInterval(timeout)
        while isRunning, Date() < until { Thread.sleep(forTimeInterval: 0.02) }
    }

    private func pace(_ file: URL, into out: FileHandle) {
        guard let data = try? Data(contentsOf: file) else {
            failures.withLock { $0.append("\(file.path): cannot read") }
            return
        }
        let zone = engine.timeZone
        for line in data.split(separator: UInt8(ascii: "\n")) {
            if let t = Self.time(in: line, zone: zone) {
                while !stopping.load(ordering: .relaxed) {
                    let wait = t.timeIntervalSince(clock.now()) / clock.speed
                    if wait <= 0 { break }
                    Thread.sleep(forTimeInterval: min(0.2, wait))
                }
            }
            if stopping.load(ordering: .relaxed) { return }
            do { try out.write(contentsOf: line + [UInt8(ascii: "\n")]) } catch { return }
            generation.add(1, ordering: .relaxed)
        }
    }

    /// The `"time":"…"` field of a JSON line, without decoding the rest.
    static func time(in line: Data.SubSequence, zone: TimeZone) -> Date? {
        let key = Array("\"time\":\"".utf8)
        guard let start = line.firstRange(of: key)?.upperBound, let end = line[start...].firstIndex(of: UInt8(ascii: "\"")) else { return nil }
        return try? TimeParser.instant(String(decoding: line[start..<end], as: UTF8.self), in: zone)
    }
}
