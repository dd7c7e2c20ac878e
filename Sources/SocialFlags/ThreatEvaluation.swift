import VigiaCore

/// Precision, recall and F1 per category against gold labels, and the share
/// of posts labelled protected speech that were flagged (safeguard 6).
public struct ThreatEvaluation: Sendable, Codable, Equatable {
    public struct Scores: Sendable, Codable, Equatable {
        public var truePositives = 0, falsePositives = 0, falseNegatives = 0
        public var precision: Double { truePositives + falsePositives == 0 ? 1 : Double(truePositives) / Double(truePositives + falsePositives) }
        public var recall: Double { truePositives + falseNegatives == 0 ? 1 : Double(truePositives) / Double(truePositives + falseNegatives) }
        public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }

        enum CodingKeys: String, CodingKey { case truePositives = "tp", falsePositives = "fp", falseNegatives = "fn", precision, recall, f1 }
        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(truePositives, forKey: .truePositives)
            try c.encode(falsePositives, forKey: .falsePositives)
            try c.encode(falseNegatives, forKey: .falseNegatives)
            try c.encode(precision, forKey: .precision)
            try c.encode(recall, forKey: .recall)
            try c.encode(f1, forKey: .f1)
        }
        public init() {}
        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            truePositives = try c.decode(Int.self, forKey: .truePositives)
            falsePositives = try c.decode(Int.self, forKey: .falsePositives)
            falseNegatives = try c.decode(Int.self, forKey: .falseNegatives)
        }
    }

    public var posts = 0
    /// Threat or not, whatever the category.
    public var flagged = Scores()
    /// Right category counts only.
    public var categories: [String: Scores] = [:]
    public var protectedPosts = 0
    public var protectedFlagged = 0
    public var protectedFalseFlagRate: Double { protectedPosts == 0 ? 0 : Double(protectedFlagged) / Double(protectedPosts) }

    public init() {}

    /// Adds one post: what was predicted and what the gold label says.
    public mutating func add(predicted: ThreatCategory?, gold: ThreatCategory?, protected: Bool) {
        posts += 1
        switch (predicted != nil, gold != nil) {
        case (true, true): flagged.truePositives += 1
        case (true, false): flagged.falsePositives += 1
        case (false, true): flagged.falseNegatives += 1
        default: break
        }
        for c in ThreatCategory.allCases {
            var s = categories[c.rawValue] ?? Scores()
            if predicted == c && gold == c { s.truePositives += 1 }
            else if predicted == c { s.falsePositives += 1 }
            else if gold == c { s.falseNegatives += 1 }
            categories[c.rawValue] = s
        }
        if protected {
            protectedPosts += 1
            if predicted != nil { protectedFlagged += 1 }
        }
    }
}
