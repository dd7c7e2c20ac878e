/// How the classifier did on a labelled table of real posts: recall on the
/// positives, flag rate on the negatives (and on every post when there is no
/// label), each as a count with its 95 % Wilson interval, split by an
/// optional group column; with the categories flagged, the clearing reasons
/// seen, and a few examples of each kind of error.
public struct TableEvaluation: Sendable, Codable, Equatable {
    public var rows = 0
    /// Flagged among rows labelled 1 (recall).
    public var positives = Proportion(count: 0, total: 0)
    /// Flagged among rows labelled 0, or among all rows when there is no label column.
    public var negatives = Proportion(count: 0, total: 0)
    /// Flagged per "label=… group=…" key.
    public var groups: [String: Proportion] = [:]
    public var categories: [String: Int] = [:]
    /// Clearing reasons on posts that were not flagged.
    public var clearing: [String: Int] = [:]
    public var usedContext = false
    /// Line numbers of missed positives and flagged negatives, for reading them in the file.
    public var missedLines: [Int] = []
    public var falseFlagLines: [Int] = []

    public init() {}

    /// Classifies every row (with its context when `useContext`) and counts.
    public static func run(_ table: LabelledPostTable, classifier: ThreatClassifier = ThreatClassifier(), useContext: Bool = true,
                           groupName: String? = nil, labelName: String? = nil) -> TableEvaluation {
        var e = TableEvaluation()
        e.usedContext = useContext && table.rows.contains { $0.context != nil }
        for row in table.rows {
            let a = classifier.assess(row.text, inReplyTo: useContext ? row.context : nil)
            e.rows += 1
            let positive = row.label == true
            if positive {
                e.positives.total += 1
                if a.flagged { e.positives.count += 1 } else { e.missedLines.append(row.line) }
            } else {
                e.negatives.total += 1
                if a.flagged { e.negatives.count += 1; e.falseFlagLines.append(row.line) }
            }
            if let g = row.group {
                let key = (row.label.map { "\(labelName ?? "label")=\($0 ? 1 : 0) " } ?? "") + "\(groupName ?? "group")=\(g)"
                var p = e.groups[key] ?? Proportion(count: 0, total: 0)
                p.total += 1
                if a.flagged { p.count += 1 }
                e.groups[key] = p
            }
            if let c = a.category { e.categories[c.rawValue, default: 0] += 1 }
            for r in a.cleared { e.clearing[r, default: 0] += 1 }
        }
        return e
    }
}
