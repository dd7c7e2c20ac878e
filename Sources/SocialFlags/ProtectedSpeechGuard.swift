/// Safeguard 6 for configuration: the social feed can be tuned (languages,
/// platforms, surge settings) but never pointed at people, hashtags,
/// political words or places. A request that tries is refused with the
/// reason, and the refusal is counted for the transparency report.
public enum ProtectedSpeechGuard {
    public struct Refusal: Error, CustomStringConvertible, Equatable {
        public var line: Int
        public var key: String
        public var reason: String
        public var description: String { "line \(line): \(key): \(reason)" }
    }

    /// Keys that would follow a person, filter by topic or geofence a place.
    static let refused: [(prefixes: [String], reason: String)] = [
        (["follow", "author", "authors", "handle", "handles", "user", "users", "account", "accounts", "person", "people", "watch"],
         "following a person or handle is not a feature of Vigía (safeguard 6: no tracking of people through their posts)"),
        (["hashtag", "hashtags", "keyword", "keywords", "topic", "topics", "term", "terms", "political", "party", "filter"],
         "filtering posts by hashtag, topic or keyword is refused (safeguard 6: only threats of violence are ever flagged)"),
        (["geofence", "area", "areas", "zone", "zones", "radius", "near", "place", "places", "protest", "demonstration", "march"],
         "geofencing a place for posts is refused (safeguard 6: demonstrations and their places are not watched)"),
    ]

    public static let allowedKeys: Set<String> = ["languages", "platforms", "surge.window_minutes", "surge.alpha", "surge.minimum_flags",
                                                  "surge.prior_rate_per_hour", "surge.cooldown_minutes", "max_text_bytes"]

    /// Parses `key = value` lines; returns the allowed settings, or throws the
    /// first refusal. Unknown keys are refused too, so a typo cannot look accepted.
    public static func check(_ text: String) throws -> [String: String] {
        var out: [String: String] = [:]
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
            guard !line.allSatisfy(\.isWhitespace) else { continue }
            guard let eq = line.firstIndex(of: "=") else {
                throw Refusal(line: n + 1, key: line.trimmed, reason: "expected key = value")
            }
            let key = line[..<eq].trimmed.lowercased(), value = line[line.index(after: eq)...].trimmed
            let head = key.split(whereSeparator: { $0 == "." || $0 == "_" }).map(String.init)
            if let rule = refused.first(where: { r in head.contains { r.prefixes.contains($0) } }), !allowedKeys.contains(key) {
                throw Refusal(line: n + 1, key: key, reason: rule.reason)
            }
            guard allowedKeys.contains(key) else {
                throw Refusal(line: n + 1, key: key, reason: "unknown setting; allowed: \(allowedKeys.sorted().joined(separator: ", "))")
            }
            out[key] = value
        }
        return out
    }
}

private extension StringProtocol {
    var trimmed: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
