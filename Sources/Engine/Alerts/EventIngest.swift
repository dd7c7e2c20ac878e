import CameraAlerts
import FaceMatch
import Foundation
import VigiaCore

/// What a run of the camera-event feed did.
public struct EventIngestReport: Codable, Sendable, Equatable {
    public var source: String
    public var lines: Int
    public var events: Int
    public var alerts: Int
    public var suppressedByCooldown: Int
    public var quarantined: Int
    public var ignored: [String: Int]
    public var faceProbes: Int
    /// Candidates above the threshold, under an authorisation.
    public var hits: Int
    /// Things an operator should act on (e.g. recalibrate the threshold).
    public var warnings: [String]
    public var seconds: Double
    public var examples: [String]
    /// Lines a previous run had already committed (a resumed file), replayed
    /// only to rebuild the rules' memory: their effects are stored already.
    public var resumedAfterLine = 0

    public var eventsPerSecond: Double { seconds > 0 ? Double(events) / seconds : 0 }
}

public enum EventFormat: String, Sendable, CaseIterable {
    case vigia, frigate
}

extension Engine {
    /// Reads camera events line by line (a file or a pipe), runs the stored
    /// rules over them and stores the alerts. Bad lines are quarantined with
    /// their line number and the feed goes on. Face probes are only counted
    /// here: no embedding, track or time of a probe is ever written.
    ///
    /// With `follow`, the end of the file is not the end of the feed: what
    /// was read is committed, and reading goes on every `pollInterval` seconds
    /// while `follow()` says so (a file that grows, like `tail -f`).
    ///
    /// Authorised face probes are searched in micro-batches of up to
    /// `faceBatch`, and no probe waits more than `faceLatency` seconds of feed
    /// time (nor past a commit, nor while the feed is idle).
    public func ingestEvents(from handle: FileHandle, source: String, format: EventFormat = .vigia, batchLines: Int = 10_000,
                             follow: (() -> Bool)? = nil, pollInterval: Double = 0.2,
                             faceBatch: Int = 64, faceLatency: TimeInterval = 0.05, flushInterval: TimeInterval? = nil,
                             as principal: Principal = .feed) throws -> EventIngestReport {
        try require(.ingestFeeds, of: principal)
        guard let rules = try currentRules() else {
            throw EngineError.badInput(file: source, line: nil, field: nil,
                                       reason: "no alert rules loaded; a supervisor loads them with: vigia rules load FILE --operator NAME")
        }
        let registry = try cameras.cameras()
        guard !registry.isEmpty else {
            throw EngineError.badInput(file: source, line: nil, field: nil, reason: "no cameras registered; ingest them first with --cameras cameras.json")
        }
        let started = Date()
        // Frigate reports the health of the cameras it runs (frigate/stats); silence about another camera proves nothing.
        var engine = RuleEngine(rules: rules, cameras: registry, timeZone: timeZone, watchAfterFirstHeartbeat: format == .frigate)
        // A feed carries on from the health on record: a camera found offline stays offline until a heartbeat newer
        // than the outage, so a new (or empty) feed cannot mark it online by starting.
        engine.resume(offlineSince: try storedOfflineSince())
        var report = EventIngestReport(source: source, lines: 0, events: 0, alerts: 0, suppressedByCooldown: 0, quarantined: 0,
                                       ignored: [:], faceProbes: 0, hits: 0, warnings: [], seconds: 0, examples: [])
        try applyAuthorisationLapses()
        var lastSweep = Date()
        // Face search: the entries in force now, the calibrated threshold, the authorisations.
        var faces: LiveFaceSearch?
        let gate = try faceSearchGate()
        if let gate { report.warnings.append(gate) }
        let version: (hash: String, entries: Int) = gate == nil ? try watchlistVersion() : ("", 0)
        // The use record of each authorisation (EU AI Act art. 12(3)): counts and times only.
        var uses: [Int64: AuthorisationUse] = [:]
        if gate == nil, let stored = try storedThreshold() {
            let index = try storedWatchlistIndex()
            faces = LiveFaceSearch(index: index, threshold: stored.threshold, authorisations: try faceSearch.authorisations())
            // Safeguard 5: a threshold is calibrated for a watchlist size; FPIR grows with the list.
            if let warning = Self.recalibrationWarning(calibratedEntries: stored.entries, currentEntries: index.entryCount) {
                report.warnings.append(warning)
            }
        }
        var newHits: [(hit: Hit, authorisation: Int64)] = []
        /// The newest event time read: the feed's clock, for recording escalations that came due.
        var feedTime: Date?
        let vigia = CameraEventDecoder(timeZone: timeZone, cameras: Set(registry.map(\.id)))
        let frigate = FrigateAdapter(cameras: registry)
        var reader = LineReader(handle: handle, idleAfter: Self.idleFlush)
        var resume = FeedResume(handle: handle, source: source)
        var claim: FeedClaim?
        var unknownCameraReported: [String: Date] = [:]
        defer { withExtendedLifetime(claim) {} }
        var batch = FeedBatch()
        var lastFlush = Date()
        // Probes waiting for their micro-batch: in memory only, never written (safeguard 1).
        var pendingProbes: [(embedding: [Float], authorisation: SearchAuthorisation, camera: String, time: Date)] = []
        func searchPending() throws {
            guard let faces, !pendingProbes.isEmpty else { return }
            let results = try faces.search(pendingProbes.map { ($0.embedding, $0.authorisation) })
            for (probe, candidates) in zip(pendingProbes, results) {
                batch.counters["faces.searched", default: 0] += 1
                if candidates.isEmpty { batch.counters["faces.no_match", default: 0] += 1 }
                let id = probe.authorisation.id
                var use = uses[id] ?? AuthorisationUse(authorisationID: id, watchlistVersion: version.hash, entries: version.entries,
                                                       firstProbe: probe.time, lastProbe: probe.time, probes: 0, hits: 0)
                use.firstProbe = min(use.firstProbe, probe.time)
                use.lastProbe = max(use.lastProbe, probe.time)
                use.probes += 1
                use.hits += candidates.count
                uses[id] = use
                for (rank, c) in candidates.enumerated() {
                    newHits.append((Hit(id: 0, entryID: c.entry, similarity: Double(c.similarity), rank: rank + 1,
                                        cameraID: probe.camera, time: probe.time), probe.authorisation.id))
                }
                report.hits += candidates.count
            }
            batch.counters["faces.search_batches", default: 0] += 1
            pendingProbes.removeAll(keepingCapacity: true)
        }
        func flush(final: Bool) throws {
            try searchPending()
            batch.position = (resume.key, reader.lineNumber)
            batch.counters["events.suppressed_by_cooldown"] = engine.suppressed - report.suppressedByCooldown
            report.suppressedByCooldown = engine.suppressed
            if final {
                batch.audit = AuditEntry(principal: principal, action: "ingest.events", subject: source, details: [
                    "lines": .int(Int64(report.lines)), "events": .int(Int64(report.events)), "alerts": .int(Int64(report.alerts)),
                    "quarantined": .int(Int64(report.quarantined)), "format": .string(format.rawValue),
                    "resumed_after_line": .int(Int64(report.resumedAfterLine)),
                ])
            }
            batch.hits = newHits
            batch.escalateDueBy = feedTime
            batch.uses = Array(uses.values)
            // Camera health is live: written with every batch, not only when the feed ends.
            // Tampering is read from the open tamper alerts (`cameraHealth`), so closing one clears it; the feed writes online or offline.
            batch.settings["camera.health"] = CanonicalJSON.object(engine.health.mapValues { .string(($0 == .offline ? CameraHealth.offline : .online).rawValue) }).text
            batch.settings["camera.offline_since"] = CanonicalJSON.object(engine.offlineTimes.mapValues { .double($0) }).text
            try alerts.commit(batch, counterPeriod: counterPeriod())
            newHits = []
            uses = [:]
            batch = FeedBatch()
        }
        func accept(_ drafts: [AlertDraft]) {
            for d in drafts {
                batch.alerts.append(StoredAlert(
                    alert: Alert(id: 0, ruleID: d.ruleID, cameraID: d.cameraID, priority: d.priority, state: .new, createdAt: d.time, title: d.title),
                    dedupeKey: d.dedupeKey, procedure: d.procedure, evidence: d.evidence, escalateAfterSeconds: d.escalateAfterSeconds))
            }
            report.alerts += drafts.count
        }
        /// While the feed waits: commit what is held, so it is stored and on screen now, and sweep lapses.
        func whileWaiting() throws {
            if !batch.alerts.isEmpty || !batch.ends.isEmpty || !batch.quarantine.isEmpty || !batch.counters.isEmpty || !pendingProbes.isEmpty {
                try flush(final: false)
                lastFlush = Date()
            }
            // A feed that runs for days makes lapses final on its own (they are enforced at every use regardless).
            if Date().timeIntervalSince(lastSweep) >= 60 { try applyAuthorisationLapses(); lastSweep = Date() }
        }
        feed: while true {
            let line: ArraySlice<UInt8>, oversize: Bool
            switch reader.nextItem() {
            case .line(let l, let o): (line, oversize) = (l, o)
            case .idle:
                try whileWaiting()
                if let follow, !follow() { break feed }
                continue
            case .end:
                guard let follow, follow() else { break feed }
                try whileWaiting()
                Thread.sleep(forTimeInterval: pollInterval)
                reader.resumeAfterEnd()
                continue
            }
            if reader.lineNumber == 1 {
                // A file is claimed before its position is read: two runners on one file cannot both ingest it.
                if resume.resumable { claim = try FeedClaim(source: resume.fileKey(firstLine: line), store: alerts) }
                report.resumedAfterLine = try resume.start(firstLine: line, lookup: alerts.feedPosition(source:))
            }
            if reader.lineNumber <= resume.skipThrough {
                // Already committed: only the rules' memory (dwell, cool-downs, heartbeats) is rebuilt; nothing is stored or counted.
                var events: [CameraEvent] = []
                if !oversize {
                    switch format {
                    case .vigia: events = (try? vigia.decode(line: line)).map { [$0] } ?? []
                    case .frigate: if case .events(let list)? = try? frigate.decode(line: line) { events = list }
                    }
                }
                for event in events {
                    if case .faceProbe = event.kind { continue }
                    _ = engine.process(event)
                }
                report.suppressedByCooldown = engine.suppressed
                continue
            }
            report.lines += 1
            if line.isEmpty && !oversize { continue }
            do {
                if oversize { throw FieldError(code: "oversize", field: nil, message: "line is longer than 1 MiB") }
                var events: [CameraEvent]
                switch format {
                case .vigia: events = [try vigia.decode(line: line)]
                case .frigate:
                    decode: do {
                        switch try frigate.decode(line: line) {
                        case .events(let list): events = list
                        case .ignored(let reason):
                            report.ignored[reason, default: 0] += 1
                            batch.counters["events.ignored." + reason, default: 0] += 1
                            events = []
                        }
                    } catch let e as FrigateAdapter.DecodeError {
                        // An unregistered camera is reported once per camera per hour, with the fix; every message is counted.
                        if let camera = e.camera {
                            batch.counters["events.unknown_camera", default: 0] += 1
                            if let last = unknownCameraReported[camera], Date().timeIntervalSince(last) < 3600 {
                                report.ignored["frigate_unknown_camera", default: 0] += 1
                                events = []
                                break decode
                            }
                            unknownCameraReported[camera] = Date()
                        }
                        throw FieldError(code: e.code, field: e.field, message: e.message)
                    }
                }
                for event in events {
                    report.events += 1
                    feedTime = max(feedTime ?? event.time, event.time)
                    if case .ended = event.kind, let track = event.trackID {
                        batch.ends.append(EdgeEnd(cameraID: event.cameraID, trackID: track, at: event.time))
                        continue
                    }
                    if case .faceProbe(let probe) = event.kind {
                        // Safeguard 1: the probe itself is never stored; only a hit above threshold, and counts, remain.
                        report.faceProbes += 1
                        batch.counters["faces.probes_received", default: 0] += 1
                        if gate != nil { batch.counters["faces.not_searched_preconditions", default: 0] += 1; continue }
                        guard let faces else { batch.counters["faces.not_searched_uncalibrated", default: 0] += 1; continue }
                        guard let auth = faces.authorisation(camera: event.cameraID, at: event.time) else {
                            batch.counters["faces.dropped_unauthorised", default: 0] += 1
                            continue
                        }
                        guard probe.embedding.count == faces.index.dimension else {
                            throw FieldError(code: "embedding", field: "embedding",
                                             message: "has \(probe.embedding.count) dimensions; this watchlist uses \(faces.index.dimension)")
                        }
                        // Micro-batch: search when the batch is full or its first probe has waited long enough.
                        if let first = pendingProbes.first, event.time.timeIntervalSince(first.time) >= faceLatency { try searchPending() }
                        pendingProbes.append((probe.embedding, auth, event.cameraID, event.time))
                        if pendingProbes.count >= faceBatch { try searchPending() }
                        continue
                    }
                    batch.counters["events." + Self.kindName(event.kind), default: 0] += 1
                    accept(engine.process(event))
                }
            } catch let e as FieldError {
                report.quarantined += 1
                batch.counters["events.quarantined." + e.code, default: 0] += 1
                // A line that is, or might be, a face probe keeps its line number and reason only (safeguard 1):
                // judged on the decoded content, so no escaped key or renamed field slips a vector, a track or a time through.
                let biometric = BiometricGuard.mightBeFaceProbe(line)
                let excerpt = biometric ? "(\(line.count) bytes that may hold a face probe, not kept)"
                    : String(decoding: line.prefix(300), as: UTF8.self)
                // Messages that can quote a value (a time, a number) are replaced by a fixed one.
                let quotesInput = ["impossible_value", "bad_time"].contains(e.code)
                let item = QuarantineItem(feed: "events", source: source, line: reader.lineNumber, field: e.field,
                                          reason: biometric && quotesInput ? "\(e.code): a value of a face line could not be read; nothing of it was kept"
                                                                          : "\(e.code): \(e.message)",
                                          excerpt: excerpt)
                batch.quarantine.append(item)
                if report.examples.count < 5 { report.examples.append("\(source):\(item.line): \(item.reason)") }
            }
            if report.lines % batchLines == 0 || flushInterval.map({ Date().timeIntervalSince(lastFlush) >= $0 }) == true {
                try flush(final: false)
                lastFlush = Date()
            }
        }
        if faces == nil, report.faceProbes > 0 {
            report.warnings.append("\(report.faceProbes) face probes were not searched: no calibrated threshold (vigia faces calibrate --save); none was stored")
        }
        try flush(final: true)
        report.seconds = Date().timeIntervalSince(started)
        return report
    }


    /// A pipe quiet this long has what was read committed: a line written into a pipe is stored (and on screen) within it.
    public static let idleFlush: TimeInterval = 0.2

    /// Recalibration is due when the list has grown or shrunk by more than 10 % since calibration.
    public static func recalibrationWarning(calibratedEntries: Int, currentEntries: Int) -> String? {
        guard calibratedEntries > 0 else { return "the face threshold has no calibration size; recalibrate (vigia faces calibrate --save)" }
        let change = Double(abs(currentEntries - calibratedEntries)) / Double(calibratedEntries)
        guard change > 0.1 else { return nil }
        return "the watchlist has \(currentEntries) entries in force; the threshold was calibrated at \(calibratedEntries) (\(Int((change * 100).rounded())) % change): recalibrate (vigia faces calibrate --save)"
    }

    static func kindName(_ k: CameraEvent.Kind) -> String {
        switch k {
        case .detection: return "detection"
        case .loitering: return "loitering"
        case .crowd: return "crowd"
        case .heartbeat: return "heartbeat"
        case .tamper: return "tamper"
        case .faceProbe: return "face"
        case .ended: return "end"
        }
    }
}
