import CameraAlerts
import Foundation
import VigiaCore

/// The camera feed's stage: decodes a line (Vigía's own events or Frigate's
/// MQTT messages), runs the rules over its events, hands face probes to the
/// face stage, and keeps camera health live in every commit.
struct CameraStage: FeedStage {
    let feed = "events"
    let format: EventFormat
    var rules: RuleEngine
    var faces: FaceStage
    let vigia: CameraEventDecoder
    let frigate: FrigateAdapter
    private(set) var events = 0
    private(set) var alerts = 0
    private(set) var ignored: [String: Int] = [:]
    /// Suppressions already counted into a batch (and those of replayed lines, never counted).
    private(set) var countedSuppressed = 0
    /// The newest event time read: the feed's clock, for recording escalations that came due.
    private var feedTime: Date?
    private var unknownCameraReported: [String: Date] = [:]
    /// Each camera's newest event (seconds since 1970), for the camera pane: carried on from the
    /// store and written with every batch. Face probes do not count (safeguard 1: no trace of them).
    private(set) var lastEvent: [String: Double]

    init(format: EventFormat, rules: RuleEngine, faces: FaceStage, registry: [Camera], timeZone: TimeZone, lastEvent: [String: Double] = [:]) {
        self.lastEvent = lastEvent
        self.format = format
        self.rules = rules
        self.faces = faces
        vigia = CameraEventDecoder(timeZone: timeZone, cameras: Set(registry.map(\.id)))
        frigate = FrigateAdapter(cameras: registry)
    }

    var holdsWork: Bool { faces.holdsWork }

    var audit: (action: AuditAction, details: [String: CanonicalJSON]) {
        (.ingestEvents, ["events": .int(Int64(events)), "alerts": .int(Int64(alerts)), "format": .string(format.rawValue)])
    }

    mutating func replay(_ line: ArraySlice<UInt8>) {
        var list: [CameraEvent] = []
        switch format {
        case .vigia: list = (try? vigia.decode(line: line)).map { [$0] } ?? []
        case .frigate: if case .events(let l)? = try? frigate.decode(line: line) { list = l }
        }
        for event in list {
            if case .faceProbe = event.kind { continue }
            _ = rules.process(event)
        }
        countedSuppressed = rules.suppressed
    }

    mutating func process(_ line: ArraySlice<UInt8>, lineNumber: Int, into batch: inout FeedBatch) throws {
        for event in try decode(line, into: &batch) {
            events += 1
            feedTime = max(feedTime ?? event.time, event.time)
            switch event.kind {
            case .ended:
                if let track = event.trackID { batch.ends.append(EdgeEnd(cameraID: event.cameraID, trackID: track, at: event.time)) }
                continue
            case .faceProbe(let probe):
                // Safeguard 1: the probe itself is never stored; only a hit above threshold, and counts, remain.
                try faces.take(probe, camera: event.cameraID, at: event.time, into: &batch)
                continue
            default: break
            }
            let t = event.time.timeIntervalSince1970
            if t.isFinite { lastEvent[event.cameraID] = max(lastEvent[event.cameraID] ?? t, t) }
            batch.counters["events." + Engine.kindName(event.kind), default: 0] += 1
            for d in rules.process(event) {
                batch.alerts.append(StoredAlert(
                    alert: Alert(id: 0, ruleID: d.ruleID, cameraID: d.cameraID, priority: d.priority, state: .new, createdAt: d.time, title: d.title),
                    dedupeKey: d.dedupeKey, procedure: d.procedure, evidence: d.evidence, escalateAfterSeconds: d.escalateAfterSeconds))
                alerts += 1
            }
        }
    }

    private mutating func decode(_ line: ArraySlice<UInt8>, into batch: inout FeedBatch) throws -> [CameraEvent] {
        switch format {
        case .vigia: return [try vigia.decode(line: line)]
        case .frigate:
            do {
                switch try frigate.decode(line: line) {
                case .events(let list): return list
                case .ignored(let reason):
                    ignored[reason, default: 0] += 1
                    batch.counters["events.ignored." + reason, default: 0] += 1
                    return []
                }
            } catch let e as FrigateAdapter.DecodeError {
                // An unregistered camera is reported once per camera per hour, with the fix; every message is counted.
                if let camera = e.camera {
                    batch.counters["events.unknown_camera", default: 0] += 1
                    if let last = unknownCameraReported[camera], Date().timeIntervalSince(last) < 3600 {
                        ignored["frigate_unknown_camera", default: 0] += 1
                        return []
                    }
                    unknownCameraReported[camera] = Date()
                }
                throw FieldError(code: e.code, field: e.field, message: e.message)
            }
        }
    }

    func quarantined(_ e: FieldError, line: ArraySlice<UInt8>, lineNumber: Int, source: String) -> QuarantineItem {
        // A line that is, or might be, a face probe keeps its line number and reason only (safeguard 1):
        // judged on the decoded content, so no escaped key or renamed field slips a vector, a track or a time through.
        let biometric = BiometricGuard.mightBeFaceProbe(line)
        let excerpt = biometric ? "(\(line.count) bytes that may hold a face probe, not kept)" : String(decoding: line.prefix(300), as: UTF8.self)
        // Messages that can quote a value (a time, a number) are replaced by a fixed one.
        let quotesInput = ["impossible_value", "bad_time"].contains(e.code)
        return QuarantineItem(feed: feed, source: source, line: lineNumber, field: e.field,
                              reason: biometric && quotesInput ? "\(e.code): a value of a face line could not be read; nothing of it was kept"
                                                              : "\(e.code): \(e.message)",
                              excerpt: excerpt)
    }

    mutating func finish(_ batch: inout FeedBatch) throws {
        try faces.finish(&batch)
        batch.counters["events.suppressed_by_cooldown"] = rules.suppressed - countedSuppressed
        countedSuppressed = rules.suppressed
        batch.escalateDueBy = feedTime
        // Camera health is live: written with every batch, not only when the feed ends.
        // Tampering is read from the open tamper alerts (`cameraHealth`), so closing one clears it; the feed writes online or offline.
        batch.settings["camera.health"] = CanonicalJSON.object(rules.health.mapValues { .string(($0 == .offline ? CameraHealth.offline : .online).rawValue) }).text
        batch.settings["camera.offline_since"] = CanonicalJSON.object(rules.offlineTimes.mapValues { .double($0) }).text
        batch.settings[Engine.lastEventSetting] = CanonicalJSON.object(lastEvent.mapValues { .double($0) }).text
    }
}
