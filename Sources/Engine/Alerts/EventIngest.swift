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
        var ruleEngine = RuleEngine(rules: rules, cameras: registry, timeZone: timeZone, watchAfterFirstHeartbeat: format == .frigate)
        // A feed carries on from the health on record: a camera found offline stays offline until a heartbeat newer
        // than the outage, so a new (or empty) feed cannot mark it online by starting.
        ruleEngine.resume(offlineSince: try storedOfflineSince())
        var warnings: [String] = []
        try applyAuthorisationLapses()
        // Face search: the entries in force now, the calibrated threshold, the authorisations.
        var search: LiveFaceSearch?
        let gate = try faceSearchGate()
        if let gate { warnings.append(gate) }
        let version: (hash: String, entries: Int) = gate == nil ? try watchlistVersion() : ("", 0)
        if gate == nil, let stored = try storedThreshold() {
            let index = try storedWatchlistIndex()
            search = LiveFaceSearch(index: index, threshold: stored.threshold, authorisations: try faceSearch.authorisations())
            // Safeguard 5: a threshold is calibrated for a watchlist size; FPIR grows with the list.
            if let warning = Self.recalibrationWarning(calibratedEntries: stored.entries, currentEntries: index.entryCount) {
                warnings.append(warning)
            }
        }
        var stage = CameraStage(format: format, rules: ruleEngine,
                                faces: FaceStage(gate: gate, search: search, version: version, batchSize: faceBatch, latency: faceLatency),
                                registry: registry, timeZone: timeZone, lastEvent: try storedLastEvents())
        let runner = FeedRunner(engine: self, source: source,
                                options: .init(batchLines: batchLines, flushInterval: flushInterval, follow: follow, pollInterval: pollInterval),
                                principal: principal)
        let outcome = try runner.run(&stage, from: handle)
        if search == nil, stage.faces.probes > 0 {
            warnings.append("\(stage.faces.probes) face probes were not searched: no calibrated threshold (vigia faces calibrate --save); none was stored")
        }
        var report = EventIngestReport(source: source, lines: outcome.lines, events: stage.events, alerts: stage.alerts,
                                       suppressedByCooldown: stage.rules.suppressed, quarantined: outcome.quarantined, ignored: stage.ignored,
                                       faceProbes: stage.faces.probes, hits: stage.faces.hits, warnings: warnings, seconds: 0, examples: outcome.examples)
        report.resumedAfterLine = outcome.resumedAfterLine
        report.seconds = Date().timeIntervalSince(started)
        return report
    }


    /// A pipe quiet this long has what was read committed: a line written into a pipe is stored (and on screen) within it.
    public static var idleFlush: TimeInterval { FeedRunner.idleFlush }

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
