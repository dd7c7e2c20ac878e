import Foundation
import SocialFlags
import VigiaCore

/// The posts feed's stage: classifies each post and keeps only the flagged
/// ones (safeguard 6): every other post is counted and forgotten. Located
/// flags feed the surge detector; a surge becomes an area alert with its
/// evidence. A quarantined line keeps its number and reason, never its text.
struct PostStage: FeedStage {
    let feed = "posts"
    let decoder: PostDecoder
    let classifier: ThreatClassifier
    let districts: DistrictIndex?
    var surge: SurgeDetector
    private(set) var report: PostIngestReport

    init(source: String, decoder: PostDecoder, classifier: ThreatClassifier, districts: DistrictIndex?, surge: SurgeDetector) {
        self.decoder = decoder; self.classifier = classifier; self.districts = districts; self.surge = surge
        report = PostIngestReport(source: source)
    }

    var audit: (action: AuditAction, details: [String: CanonicalJSON]) {
        (.ingestPosts, ["posts": .int(Int64(report.posts)), "flagged": .int(Int64(report.flagged))])
    }

    /// Already committed by an earlier run; the surge detector's memory came from the stored flags.
    mutating func replay(_ line: ArraySlice<UInt8>) {}

    func quarantined(_ e: FieldError, line: ArraySlice<UInt8>, lineNumber: Int, source: String) -> QuarantineItem {
        // The text of a post that was not flagged is not kept, even in quarantine.
        QuarantineItem(feed: feed, source: source, line: lineNumber, field: e.field, reason: "\(e.code): \(e.message)",
                       excerpt: "(\(line.count) bytes, not kept)")
    }

    mutating func process(_ line: ArraySlice<UInt8>, lineNumber: Int, into batch: inout FeedBatch) throws {
        var post = try decoder.decode(line: line)
        report.posts += 1
        batch.counters["posts.classified", default: 0] += 1
        var text = post.text
        if text.utf8.count > PostDecoder.classificationLimit {
            text = String(decoding: text.utf8.prefix(PostDecoder.classificationLimit), as: UTF8.self)
            report.truncated += 1
            batch.counters["posts.truncated", default: 0] += 1
            if report.warnings.count < 5 {
                report.warnings.append("\(report.source):\(lineNumber): post \(post.id) is over 64 KiB; its first 64 KiB were classified")
            }
        }
        let a = classifier.assess(text, inReplyTo: post.inReplyTo)
        guard a.flagged, let category = a.category else { return }
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
        guard let district, let s = surge.add(id: post.id, district: district, at: post.time, protestShaped: a.protestShaped) else { return }
        let minutes = Int(surge.settings.window / 60)
        report.surges.append("\(s.district): \(s.observed) threat flags in \(minutes) min, \(String(format: "%.3f", s.expected)) expected")
        batch.counters["social.surges", default: 0] += 1
        batch.alerts.append(StoredAlert(
            alert: Alert(id: 0, ruleID: "social-surge", cameraID: "area:" + s.district, priority: 1, createdAt: s.time,
                         title: "Surge of threat flags in \(s.district): \(s.observed) in \(minutes) min"),
            dedupeKey: "social-surge:\(s.district):\(Int(s.time.timeIntervalSince1970))",
            procedure: "Review the flags in this area; alert the district's units if any is credible.",
            evidence: ["district": s.district, "observed": String(s.observed), "expected": String(format: "%.4f", s.expected),
                       "p_value": String(format: "%.2e", s.pValue), "flags": s.flags.joined(separator: ",")],
            escalateAfterSeconds: 300))
        report.warnings.append("surge alert: \(s.district)")
    }
}
