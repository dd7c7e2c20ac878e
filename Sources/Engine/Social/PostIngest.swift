import Foundation
import SocialFlags
import VigiaCore

/// What a posts feed did: counts only, and the flags it raised.
public struct PostIngestReport: Codable, Sendable {
    public var source: String
    public var lines = 0
    public var posts = 0
    public var flagged = 0
    public var byCategory: [String: Int] = [:]
    public var quarantined = 0
    public var truncated = 0
    public var surges: [String] = []
    public var warnings: [String] = []
    public var examples: [String] = []
    public var seconds = 0.0
    /// Lines a previous run had already committed (a resumed file), skipped.
    public var resumedAfterLine = 0
    public var postsPerSecond: Double { seconds > 0 ? Double(posts) / seconds : 0 }
}

extension Engine {
    /// Surge settings from the stored social configuration (see `loadSocialConfig`).
    func surgeSettings() throws -> SurgeDetector.Settings {
        var s = SurgeDetector.Settings()
        if let districts = try districtIndex()?.districts.count, districts > 0 { s.districts = districts }
        guard let text = try settings.value("social.config"), let config = try? ProtectedSpeechGuard.check(text) else { return s }
        if let v = config["surge.window_minutes"].flatMap(Double.init), v > 0 { s.window = v * 60 }
        if let v = config["surge.alpha"].flatMap(Double.init), v > 0, v < 1 { s.alpha = v }
        if let v = config["surge.minimum_flags"].flatMap(Int.init), v > 0 { s.minimumFlags = v }
        if let v = config["surge.prior_rate_per_hour"].flatMap(Double.init), v > 0 { s.priorRatePerHour = v }
        if let v = config["surge.cooldown_minutes"].flatMap(Double.init), v >= 0 { s.coolDown = v * 60 }
        return s
    }

    /// Checks a social feed configuration against safeguard 6 and stores it
    /// (supervisor or admin; audited). A configuration that would follow a
    /// handle, filter by hashtag or keyword, or geofence a place is refused,
    /// and the refusal is counted.
    public func loadSocialConfig(text: String, source: String, by principal: Principal) throws {
        try require(.manageRules, of: principal)
        do {
            _ = try ProtectedSpeechGuard.check(text)
        } catch let r as ProtectedSpeechGuard.Refusal {
            try alerts.commit(FeedBatch(counters: ["social.protected_speech_refusals": 1],
                                        audit: AuditEntry(principal: principal, action: .socialConfigRefused, subject: source,
                                                          details: ["key": .string(r.key), "line": .int(Int64(r.line))])),
                              counterPeriod: counterPeriod())
            throw EngineError.badInput(file: source, line: r.line, field: r.key, reason: r.reason)
        }
        try settings.set("social.config", text, audit: AuditEntry(principal: principal, action: .socialConfig, subject: source, details: [:]))
    }


    /// Checks a social feed configuration without storing it: how many
    /// settings it has, or the refusal with its line and key (safeguard 6).
    public static func checkSocialConfig(text: String, source: String) throws -> Int {
        do { return try ProtectedSpeechGuard.check(text).count } catch let r as ProtectedSpeechGuard.Refusal {
            throw EngineError.badInput(file: source, line: r.line, field: r.key, reason: r.reason)
        }
    }

    /// The keys a social configuration may set.
    public static var socialConfigKeys: [String] { ProtectedSpeechGuard.allowedKeys.sorted() }

    /// Reads posts (JSON lines, a file or a pipe), classifies each and keeps
    /// only the flagged ones (safeguard 6): every other post is counted and
    /// forgotten. Located flags feed the surge detector; a surge becomes an
    /// area alert in the alert queue with its evidence. Bad lines are
    /// quarantined by line number, without their text.
    public func ingestPosts(from handle: FileHandle, source: String, batchLines: Int = 10_000, flushInterval: TimeInterval? = nil,
                            follow: (() -> Bool)? = nil, pollInterval: Double = 0.2,
                            as principal: Principal = .feed) throws -> PostIngestReport {
        try require(.ingestFeeds, of: principal)
        let started = Date()
        let decoder = PostDecoder(timeZone: timeZone)
        let classifier = ThreatClassifier()
        let districts = try districtIndex()
        var surge = SurgeDetector(settings: try surgeSettings())
        // Flags already stored feed the detector first, so a restart keeps its memory.
        for f in try social.flags(states: nil) where f.district != nil {
            _ = surge.add(id: f.post.id, district: f.district!, at: f.post.time, protestShaped: classifier.assess(f.post.text).protestShaped)
        }
        var stage = PostStage(source: source, decoder: decoder, classifier: classifier, districts: districts, surge: surge)
        let runner = FeedRunner(engine: self, source: source,
                                options: .init(batchLines: batchLines, flushInterval: flushInterval, follow: follow, pollInterval: pollInterval),
                                principal: principal)
        let outcome = try runner.run(&stage, from: handle)
        var report = stage.report
        report.lines = outcome.lines
        report.quarantined = outcome.quarantined
        report.examples = outcome.examples
        report.resumedAfterLine = outcome.resumedAfterLine
        report.seconds = Date().timeIntervalSince(started)
        return report
    }
}
