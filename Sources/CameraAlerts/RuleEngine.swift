import Foundation
import VigiaCore

/// An alert a rule raised, before the store gives it an id.
public struct AlertDraft: Hashable, Sendable {
    public var ruleID: String
    public var cameraID: String
    public var priority: Int
    public var time: Date
    public var title: String
    /// Same key, same rule, within the cool-down: one alert.
    public var dedupeKey: String
    public var procedure: String
    public var escalateAfterSeconds: Double?
    /// What triggered it: label, zone, score, dwell, count, track.
    public var evidence: [String: String]
}

/// Turns a time-ordered stream of camera events into alert drafts. Pure and
/// deterministic: the same events give the same alerts. Keeps only what the
/// rules need (last heartbeat, cool-downs), never the events themselves.
public struct RuleEngine: Sendable {
    public let rules: [AlertRule]
    let cameras: [String: Camera]
    /// The same cameras in id order, so offline alerts come out in a stable order.
    let orderedCameras: [Camera]
    let offlineRules: [AlertRule]
    let timeZone: TimeZone
    var lastOfflineCheck = -Double.infinity
    var lastHeartbeat: [String: Double] = [:]
    var offline: Set<String> = []
    /// When each offline camera went silent past its limit: a heartbeat
    /// dated before that is no sign it came back.
    var offlineSince: [String: Double] = [:]
    var tampered: Set<String> = []
    var lastFired: [String: Double] = [:]
    /// Triggers swallowed by a cool-down, for the shift summary.
    public private(set) var suppressed = 0
    var started: Double?
    /// When true, a camera is watched for silence only after its first
    /// heartbeat in this feed: a source like Frigate reports health for the
    /// cameras it runs, and saying nothing of a camera is not evidence that
    /// it is down.
    let watchAfterFirstHeartbeat: Bool

    public init(rules: [AlertRule], cameras: [Camera], timeZone: TimeZone, watchAfterFirstHeartbeat: Bool = false) {
        self.watchAfterFirstHeartbeat = watchAfterFirstHeartbeat
        self.rules = rules
        self.cameras = Dictionary(cameras.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        orderedCameras = self.cameras.values.sorted { $0.id < $1.id }
        offlineRules = rules.filter { $0.kind == .offline }
        self.timeZone = timeZone
    }

    /// What an offline alert's silence was measured on, said in its evidence.
    var signal: String {
        watchAfterFirstHeartbeat ? "frigate/stats camera_fps, events and reviews" : "Vigía heartbeats"
    }

    /// Where each known camera stands now.
    public var health: [String: CameraHealth] {
        Dictionary(uniqueKeysWithValues: cameras.keys.map { id in
            (id, tampered.contains(id) ? .tampered : offline.contains(id) ? .offline : .online)
        })
    }

    /// Carries on from what the store holds: each camera offline since a
    /// time stays offline until a heartbeat newer than that time.
    public mutating func resume(offlineSince stored: [String: Double]) {
        for (id, since) in stored where cameras[id] != nil {
            offline.insert(id)
            offlineSince[id] = since
        }
    }

    /// The cameras offline now, with when they went silent past their limit.
    public var offlineTimes: [String: Double] { offlineSince.filter { offline.contains($0.key) } }

    /// Whether `t` is news for camera `id`: not before the moment it was found offline.
    func isAfterOutage(_ id: String, _ t: Double) -> Bool { offlineSince[id].map { t > $0 } ?? true }

    /// A sign of life from `id`: its silence is measured from `lastHeard`, and any outage is over.
    mutating func markAlive(_ id: String, lastHeard: Double) {
        lastHeartbeat[id] = lastHeard
        offline.remove(id)
        offlineSince[id] = nil
    }

    /// A tamper alert was closed: the camera is trusted again.
    public mutating func clearTamper(camera: String) { tampered.remove(camera) }

    public mutating func process(_ event: CameraEvent) -> [AlertDraft] {
        let t = event.time.timeIntervalSince1970
        var drafts = advance(to: t)
        switch event.kind {
        case .heartbeat:
            // A heartbeat from before the outage was found says nothing about now.
            if isAfterOutage(event.cameraID, t) { markAlive(event.cameraID, lastHeard: t) }
            return drafts
        case .tamper:
            tampered.insert(event.cameraID)
        default:
            break
        }
        // Frigate sends no heartbeats of its own: once a camera is watched
        // (its frames were reported in frigate/stats), any event or review
        // from it is also a sign of life. A camera that only sends events is
        // never watched, so sparse events cannot make it look down.
        if watchAfterFirstHeartbeat, lastHeartbeat[event.cameraID] != nil, isAfterOutage(event.cameraID, t) {
            markAlive(event.cameraID, lastHeard: max(lastHeartbeat[event.cameraID]!, t))
        }
        let minute = minuteOfDay(t), day = weekday(t)
        for rule in rules where matches(rule, event, minuteOfDay: minute, weekday: day) {
            if let d = fire(rule, camera: event.cameraID, at: t, event: event) { drafts.append(d) }
        }
        return drafts
    }

    /// Moves time forward: cameras whose heartbeats stopped raise offline alerts.
    public mutating func advance(to t: Double) -> [AlertDraft] {
        if started == nil { started = t }
        // Deadlines are whole heartbeat intervals: checking once per second of
        // feed time finds every one, and each alert carries its exact deadline.
        guard !offlineRules.isEmpty, t - lastOfflineCheck >= 1 else { return [] }
        lastOfflineCheck = t
        var drafts: [AlertDraft] = []
        for rule in offlineRules {
            for camera in orderedCameras where !offline.contains(camera.id) {
                let id = camera.id
                guard rule.cameras.isEmpty || rule.cameras.contains(id) else { continue }
                if watchAfterFirstHeartbeat && lastHeartbeat[id] == nil { continue }
                let last = lastHeartbeat[id] ?? started!
                let limit = Double(rule.missedHeartbeats * camera.heartbeatSeconds)
                if t - last > limit {
                    offline.insert(id)
                    let detected = last + limit
                    offlineSince[id] = detected
                    if let d = fire(rule, camera: id, at: detected, event: nil, extra: ["silent_seconds": String(Int(t - last)), "condition": "offline",
                                                                                        "signal": signal]) {
                        drafts.append(d)
                    }
                }
            }
        }
        return drafts
    }

    func matches(_ rule: AlertRule, _ e: CameraEvent, minuteOfDay: Int, weekday: Int) -> Bool {
        guard rule.cameras.isEmpty || rule.cameras.contains(e.cameraID), rule.covers(minuteOfDay: minuteOfDay, weekday: weekday) else { return false }
        func zoneOK(_ z: String?) -> Bool { rule.zones.isEmpty || z.map(rule.zones.contains) == true }
        func labelOK(_ l: String) -> Bool { rule.labels.isEmpty || rule.labels.contains(l) }
        switch (rule.kind, e.kind) {
        case (.detection, .detection(let label, let zone, let score)):
            return labelOK(label) && zoneOK(zone) && score >= rule.minimumScore
        case (.loitering, .loitering(let label, let zone, let dwell)):
            return labelOK(label) && zoneOK(zone) && dwell > rule.minimumDwellSeconds
        case (.crowd, .crowd(let zone, let count)):
            return zoneOK(zone) && count > rule.minimumCount
        case (.tamper, .tamper):
            return true
        default:
            return false
        }
    }

    mutating func fire(_ rule: AlertRule, camera: String, at t: Double, event: CameraEvent?,
                       extra: [String: String] = [:]) -> AlertDraft? {
        var evidence = extra
        var zone: String?, label: String?
        switch event?.kind {
        case .detection(let l, let z, let s)?: (label, zone) = (l, z); evidence["score"] = String(format: "%.2f", s)
        case .loitering(let l, let z, let d)?: (label, zone) = (l, z); evidence["dwell_seconds"] = String(Int(d))
        case .crowd(let z, let c)?: zone = z; evidence["count"] = String(c)
        case .tamper(let r)?: evidence["reason"] = r; evidence["condition"] = "tampered"
        default: break
        }
        if let label { evidence["label"] = label }
        if let zone { evidence["zone"] = zone }
        if let track = event?.trackID { evidence["track"] = track }
        // Said whenever it differs from "no condition" or from what an older alert of the kind implied.
        if rule.effectiveCloseWhen == .cameraOnline || rule.kind == .offline || rule.kind == .tamper {
            evidence["close_when"] = rule.effectiveCloseWhen.rawValue
        }
        let key = rule.dedupe.map { field -> String in
            switch field {
            case .camera: return camera
            case .zone: return zone ?? "-"
            case .label: return label ?? "-"
            case .track: return event?.trackID ?? "-"
            }
        }.joined(separator: "|")
        let cooldownKey = rule.id + "|" + key
        if let last = lastFired[cooldownKey], t - last < rule.cooldownSeconds {
            suppressed += 1
            return nil
        }
        lastFired[cooldownKey] = t
        let cameraName = cameras[camera]?.name ?? camera
        let what: String
        switch rule.kind {
        case .detection: what = "\(label ?? "object") in \(zone ?? "view")"
        case .loitering: what = "\(label ?? "person") loitering \(evidence["dwell_seconds"] ?? "?") s in \(zone ?? "view")"
        case .crowd: what = "crowd of \(evidence["count"] ?? "?") in \(zone ?? "view")"
        case .offline: what = "camera offline"
        case .tamper: what = "camera tampered (\(evidence["reason"] ?? "?"))"
        }
        return AlertDraft(ruleID: rule.id, cameraID: camera, priority: rule.priority, time: Date(timeIntervalSince1970: t),
                          title: "\(what) — \(cameraName)", dedupeKey: key, procedure: rule.procedure,
                          escalateAfterSeconds: rule.escalateAfterSeconds, evidence: evidence)
    }

    /// The local ISO weekday (1 Monday … 7 Sunday) at `t`; 1970-01-01 was a Thursday.
    func weekday(_ t: Double) -> Int {
        guard t.isFinite, abs(t) < 1e12 else { return 4 }
        let local = (t + Double(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: t)))).rounded(.down)
        let day = Int((local / 86_400).rounded(.down))
        return ((day + 3) % 7 + 7) % 7 + 1
    }

    func minuteOfDay(_ t: Double) -> Int {
        // Decoders range-check times; this guard keeps the conversion total whatever a caller passes.
        guard t.isFinite, abs(t) < 1e12 else { return 0 }
        let local = Int((t + Double(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: t)))).rounded(.down))
        return ((local % 86_400 + 86_400) % 86_400) / 60
    }
}
