import Foundation
import SocialFlags
import VigiaCore

/// `vigia social classify`: posts in, one JSON line out per post; nothing
/// is stored. Lines that are not posts are reported and skipped.
public enum PostClassifyRun {
    /// Classifies every post read from `handle`; `lang` (auto, es or en)
    /// keeps only posts whose own `lang` field matches. Returns how many lines
    /// were not valid posts.
    public static func run(_ handle: FileHandle, source: String, lang: String,
                           output: (String) -> Void, warning: (String) -> Void) throws -> Int {
        guard ["auto", "es", "en"].contains(lang) else {
            throw EngineError.badInput(file: "--lang", line: nil, field: nil, reason: "must be auto, es or en")
        }
        let decoder = PostDecoder(timeZone: try TimeZone.named(TimeParser.defaultTimeZoneIdentifier))
        let classifier = ThreatClassifier()
        var reader = LineReader(handle: handle)
        var buffer = "", bad = 0
        while let (line, oversize) = reader.next() {
            if line.isEmpty { continue }
            guard !oversize, let post = try? decoder.decode(line: line) else {
                bad += 1
                warning("\(source):\(reader.lineNumber): not a valid post line; skipped")
                continue
            }
            if lang != "auto", let l = post.language, l != lang { continue }
            buffer += jsonLine(id: post.id, classifier.assess(post.text, inReplyTo: post.inReplyTo)) + "\n"
            if buffer.utf8.count > 1 << 16 { output(buffer); buffer = "" }
        }
        output(buffer)
        return bad
    }

    static func jsonLine(id: String, _ a: ThreatAssessment) -> String {
        var fields: [String: CanonicalJSON] = ["id": .string(id), "flagged": .bool(a.flagged), "score": .double((a.score * 1000).rounded() / 1000),
                                               "phrases": .array(a.phrases.map { .string($0) })]
        fields["category"] = a.category.map { .string($0.rawValue) } ?? .null
        if !a.cleared.isEmpty { fields["cleared"] = .array(a.cleared.map { .string($0) }) }
        if let rule = a.rule { fields["rule"] = .string(rule) }
        if a.protestShaped { fields["protest_shaped"] = .bool(true) }
        return CanonicalJSON.object(fields).text
    }
}
