import Foundation
import VigiaCore

/// The one feed loop, for every stage: reading (a file, a pipe, stdin, a
/// followed file), the exclusive claim of a file, resume from the committed
/// position, batching, quarantine, the idle flush and the scheduled work
/// (authorisation lapses each minute, retention each hour) of a feed that
/// runs for days.
struct FeedRunner {
    struct Options {
        var batchLines = 10_000
        /// Commit at least this often while lines keep coming (nil: by `batchLines` only).
        var flushInterval: TimeInterval?
        /// With `follow`, the end of the file is not the end of the feed (like `tail -f`).
        var follow: (() -> Bool)?
        var pollInterval: Double = 0.2
    }

    /// What the runner counted; the stage keeps its own counts.
    struct Outcome {
        var lines = 0
        var quarantined = 0
        var examples: [String] = []
        var resumedAfterLine = 0
    }

    /// The pause after which a pipe's lines read so far are committed: a
    /// line written into a pipe is stored (and on screen) within it.
    static let idleFlush: TimeInterval = 0.2

    let engine: Engine
    let source: String
    let options: Options
    let principal: Principal

    func run<S: FeedStage>(_ stage: inout S, from handle: FileHandle) throws -> Outcome {
        var outcome = Outcome()
        var reader = LineReader(handle: handle, idleAfter: Self.idleFlush)
        var resume = FeedResume(handle: handle, source: source)
        var claim: FeedClaim?
        defer { withExtendedLifetime(claim) {} }
        var batch = FeedBatch()
        // No sweep here: a stage that searches faces has its lapses applied before its authorisations are read (`ingestEvents`).
        var lastFlush = Date(), lastSweep = Date()

        func flush(final: Bool) throws {
            try stage.finish(&batch)
            batch.position = (resume.key, reader.lineNumber)
            if final {
                var details = stage.audit.details
                details["lines"] = .int(Int64(outcome.lines))
                details["quarantined"] = .int(Int64(outcome.quarantined))
                details["resumed_after_line"] = .int(Int64(outcome.resumedAfterLine))
                batch.audit = AuditEntry(principal: principal, action: stage.audit.action, subject: source, details: .object(details))
            }
            try engine.alerts.commit(batch, counterPeriod: engine.counterPeriod())
            batch = FeedBatch()
            lastFlush = Date()
        }
        /// While the feed waits: commit what is held, so it is stored and on screen now, and do the scheduled work.
        func whileWaiting() throws {
            if !batch.isEmpty || stage.holdsWork { try flush(final: false) }
            // A feed that runs for days makes lapses final and purges, as a console does.
            if Date().timeIntervalSince(lastSweep) >= Engine.scheduledWorkPeriod { try engine.runScheduledWork(); lastSweep = Date() }
        }

        feed: while true {
            let line: ArraySlice<UInt8>, oversize: Bool
            switch reader.nextItem() {
            case .line(let l, let o): (line, oversize) = (l, o)
            case .idle:
                try whileWaiting()
                if let follow = options.follow, !follow() { break feed }
                continue
            case .end:
                guard let follow = options.follow, follow() else { break feed }
                try whileWaiting()
                Thread.sleep(forTimeInterval: options.pollInterval)
                reader.resumeAfterEnd()
                continue
            }
            if reader.lineNumber == 1 {
                // A file is claimed before its position is read: two runners on one file cannot both ingest it.
                if resume.resumable { claim = try FeedClaim(source: resume.fileKey(firstLine: line), store: engine.alerts) }
                outcome.resumedAfterLine = try resume.start(firstLine: line, lookup: engine.alerts.feedPosition(source:))
            }
            if reader.lineNumber <= resume.skipThrough {
                if !oversize { stage.replay(line) }
                continue
            }
            outcome.lines += 1
            if line.isEmpty && !oversize { continue }
            do {
                if oversize { throw FieldError(code: "oversize", field: nil, message: "line is longer than 1 MiB") }
                try stage.process(line, lineNumber: reader.lineNumber, into: &batch)
            } catch let e as FieldError {
                outcome.quarantined += 1
                batch.counters["\(stage.feed).quarantined.\(e.code)", default: 0] += 1
                let item = stage.quarantined(e, line: line, lineNumber: reader.lineNumber, source: source)
                batch.quarantine.append(item)
                if outcome.examples.count < 5 { outcome.examples.append("\(source):\(item.line): \(item.reason)") }
            }
            if outcome.lines % options.batchLines == 0 || options.flushInterval.map({ Date().timeIntervalSince(lastFlush) >= $0 }) == true {
                try flush(final: false)
            }
        }
        try flush(final: true)
        return outcome
    }
}

extension FeedBatch {
    /// Nothing to commit but the position.
    var isEmpty: Bool {
        alerts.isEmpty && ends.isEmpty && quarantine.isEmpty && counters.isEmpty && flags.isEmpty && hits.isEmpty
    }
}
