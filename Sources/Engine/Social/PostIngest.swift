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
                                        audit: AuditEntry(principal: principal, action: "social.config.refused", subject: source,
                                                          details: ["key": .string(r.key), "line": .int(Int64(r.line))])),
                              counterPeriod: counterPeriod())
            throw EngineError.badInput(file: source, line: r.line, field: r.key, reason: r.reason)
        }
        try settings.set("social.config", text, audit: AuditEntry(principal: principal, action: "social.config", subject: source, details: [:]))
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
        var report = PostIngestReport(source: source)
        let decoder = PostDecoder(timeZone: timeZone)
        let classifier = ThreatClassifier()
        let districts = try districtIndex()
        var surge = SurgeDetector(settings: try surgeSettings())
        // Flags already stored feed the detector first, so a restart keeps its memory.
        for f in try social.flags(states: nil) where f.district != nil {
            _ = surge.add(id: f.post.id, district: f.district!, at: f.post.time, protestShaped: classifier.assess(f.post.text).protestShaped)
        }
        var reader = LineReader(handle: handle, idleAfter: Self.idleFlush)
        var resume = FeedResume(handle: handle, source: source)
        var claim: FeedClaim?
        defer { withExtendedLifetime(claim) {} }
        var batch = FeedBatch()
        var lastFlush = Date()
        func flush(final: Bool) throws {
            batch.position = (resume.key, reader.lineNumber)
            if final {
                batch.audit = AuditEntry(principal: principal, action: "ingest.posts", subject: source, details: [
                    "posts": .int(Int64(report.posts)), "flagged": .int(Int64(report.flagged)), "quarantined": .int(Int64(report.quarantined)),
                    "resumed_after_line": .int(Int64(report.resumedAfterLine)),
                ])
            }
            try alerts.commit(batch, counterPeriod: counterPeriod())
            batch = FeedBatch()
        }
        feed: while true {
            let line: ArraySlice<UInt8>, oversize: Bool
            switch reader.nextItem() {
            case .line(let l, let o): (line, oversize) = (l, o)
            case .idle:
                // A quiet pipe: what was read is committed now, so a flag is on screen within the idle time.
                if !batch.flags.isEmpty || !batch.counters.isEmpty || !batch.quarantine.isEmpty { try flush(final: false) }
                if let follow, !follow() { break feed }
                continue
            case .end:
                guard let follow, follow() else { break feed }
                if !batch.flags.isEmpty || !batch.counters.isEmpty || !batch.quarantine.isEmpty { try flush(final: false) }
                Thread.sleep(forTimeInterval: pollInterval)
                reader.resumeAfterEnd()
                continue
            }
            if reader.lineNumber == 1 {
                // A file is claimed before its position is read: two runners on one file cannot both ingest it.
                if resume.resumable { claim = try FeedClaim(source: resume.fileKey(firstLine: line), store: alerts) }
                report.resumedAfterLine = try resume.start(firstLine: line, lookup: alerts.feedPosition(source:))
            }
            // Already committed by an earlier run; the surge detector's memory came from the stored flags.
            if reader.lineNumber <= resume.skipThrough { continue }
            report.lines += 1
            if line.isEmpty && !oversize { continue }
            var post: Post
            do {
                if oversize { throw FieldError(code: "oversize", field: nil, message: "line is longer than 1 MiB") }
                post = try decoder.decode(line: line)
            } catch let e as FieldError {
                report.quarantined += 1
                batch.counters["posts.quarantined." + e.code, default: 0] += 1
                // The text of a post that was not flagged is not kept, even in quarantine.
                let item = QuarantineItem(feed: "posts", source: source, line: reader.lineNumber, field: e.field,
                                          reason: "\(e.code): \(e.message)", excerpt: "(\(line.count) bytes, not kept)")
                batch.quarantine.append(item)
                if report.examples.count < 5 { report.examples.append("\(source):\(item.line): \(item.reason)") }
                if report.lines % batchLines == 0 { try flush(final: false) }
                continue
            }
            report.posts += 1
            batch.counters["posts.classified", default: 0] += 1
            var text = post.text
            if text.utf8.count > PostDecoder.classificationLimit {
                text = String(decoding: text.utf8.prefix(PostDecoder.classificationLimit), as: UTF8.self)
                report.truncated += 1
                batch.counters["posts.truncated", default: 0] += 1
                if report.warnings.count < 5 {
                    report.warnings.append("\(source):\(reader.lineNumber): post \(post.id) is over 64 KiB; its first 64 KiB were classified")
                }
            }
            let a = classifier.assess(text, inReplyTo: post.inReplyTo)
            guard a.flagged, let category = a.category else { continue }
            post.text = text
            // What the post answered helped read it; it is not kept with the flag.
            post.inReplyTo = nil
            report.flagged += 1
            report.byCategory[category.rawValue, default: 0] += 1
            batch.counters["flags." + category.rawValue, default: 0] += 1
            let district = post.location.flatMap { districts?.district(containing: $0)?.name }
            batch.flags.append(FlaggedPost(post: post, flag: Flag(id: 0, postID: post.id, category: category, score: a.score, phrases: a.phrases),
                                           district: district))
            // A protest-shaped flag is reviewed like any other, but never counts towards, or fires, an area alert (safeguard 6).
            if let district, let s = surge.add(id: post.id, district: district, at: post.time, protestShaped: a.protestShaped) {
                report.surges.append("\(s.district): \(s.observed) threat flags in \(Int(surge.settings.window / 60)) min, \(String(format: "%.3f", s.expected)) expected")
                batch.counters["social.surges", default: 0] += 1
                batch.alerts.append(StoredAlert(
                    alert: Alert(id: 0, ruleID: "social-surge", cameraID: "area:" + s.district, priority: 1, createdAt: s.time,
                                 title: "Surge of threat flags in \(s.district): \(s.observed) in \(Int(surge.settings.window / 60)) min"),
                    dedupeKey: "social-surge:\(s.district):\(Int(s.time.timeIntervalSince1970))",
                    procedure: "Review the flags in this area; alert the district's units if any is credible.",
                    evidence: ["district": s.district, "observed": String(s.observed), "expected": String(format: "%.4f", s.expected),
                               "p_value": String(format: "%.2e", s.pValue), "flags": s.flags.joined(separator: ",")],
                    escalateAfterSeconds: 300))
                report.warnings.append("surge alert: \(s.district)")
            }
            if report.lines % batchLines == 0 || flushInterval.map({ Date().timeIntervalSince(lastFlush) >= $0 }) == true {
                try flush(final: false)
                lastFlush = Date()
            }
        }
        try flush(final: true)
        report.seconds = Date().timeIntervalSince(started)
        return report
    }
}
