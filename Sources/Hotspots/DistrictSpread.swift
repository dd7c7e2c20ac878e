/// Whether a forecast flags some districts beyond their share of reported
/// crime (safeguard 8): per district, its share of the flagged cells against
/// its share of the incidents the model trained on.
public enum DistrictSpread {
    public struct Row: Hashable, Sendable, Codable {
        public var district: String
        public var flaggedCells: Int
        /// Share of all flagged cells (0…1).
        public var flaggedShare: Double
        /// Reported incidents in the training window.
        public var incidents: Int
        public var incidentShare: Double
        /// flaggedShare ÷ incidentShare; nil when the district reported nothing.
        public var ratio: Double?
        /// flaggedShare > factor × incidentShare (and something is flagged).
        public var exceeds: Bool
    }

    /// The default factor: a district flagged 1.5 times beyond its share of reports is named.
    public static let defaultFactor = 1.5

    /// One row per district that has a flagged cell or an incident, in
    /// district order (numbers numerically: "2" before "10"). `district`
    /// names a cell's district; cells it cannot place count as "outside".
    public static func table(flaggedCells: [Int], incidentCells: [Int], factor: Double = defaultFactor,
                             district: (Int) -> String?) -> [Row] {
        var names: [Int: String] = [:]
        func name(_ cell: Int) -> String {
            if let n = names[cell] { return n }
            let n = district(cell) ?? "outside"
            names[cell] = n
            return n
        }
        var flagged: [String: Int] = [:], reported: [String: Int] = [:]
        for c in flaggedCells { flagged[name(c), default: 0] += 1 }
        for c in incidentCells { reported[name(c), default: 0] += 1 }
        let flaggedTotal = flaggedCells.count, reportedTotal = incidentCells.count
        return Set(flagged.keys).union(reported.keys).sorted(by: order).map { d in
            let f = flagged[d] ?? 0, r = reported[d] ?? 0
            let fShare = flaggedTotal > 0 ? Double(f) / Double(flaggedTotal) : 0
            let rShare = reportedTotal > 0 ? Double(r) / Double(reportedTotal) : 0
            return Row(district: d, flaggedCells: f, flaggedShare: fShare, incidents: r, incidentShare: rShare,
                       ratio: rShare > 0 ? fShare / rShare : nil, exceeds: f > 0 && fShare > factor * rShare)
        }
    }

    /// "2" before "10", numbers before names.
    public static func order(_ a: String, _ b: String) -> Bool {
        (Int(a) ?? Int.max, a) < (Int(b) ?? Int.max, b)
    }
}
