/// A 1:N accuracy report card in the style of NIST's FRTE 1:N reports
/// (NISTIR 8271), computed from calibration searches:
/// - identification mode: FNIR at the threshold that gives FPIR = 0.001 and
///   0.003 (a mate is missed when its score is below the threshold);
/// - investigation mode: the rank-1 miss rate with `candidates` candidates
///   returned and no threshold, and the miss rate at rank `candidates`;
/// for each gallery size, overall and per demographic group, each rate with
/// its Wilson 95 % interval (`ErrorRate`). Per-group rates use the gallery's
/// overall threshold, as NIST's demographic reports do. The FPIR interval at a
/// threshold chosen on the same searches is optimistic: the threshold was
/// fitted to them.
public struct ReportCard: Codable, Sendable, Equatable {
    /// One threshold operating point of identification mode.
    public struct OperatingPoint: Codable, Sendable, Equatable {
        public var targetFPIR: Double
        public var threshold: Float
        public var fpir: ErrorRate
        public var fnir: ErrorRate
    }

    /// The rates for one set of searches (all, or one group) at one gallery size.
    public struct Row: Codable, Sendable, Equatable {
        /// nil for every search; else the demographic group.
        public var group: String?
        public var nonMatedSearches: Int
        public var matedSearches: Int
        public var identification: [OperatingPoint]
        /// Mated searches whose mate is not first (investigation mode).
        public var rank1Miss: ErrorRate
        /// Mated searches whose mate is not among the candidates at all.
        public var candidatesMiss: ErrorRate
    }

    /// One gallery size: how it was made, and its rows (all first, then groups).
    public struct Gallery: Codable, Sendable, Equatable {
        public var entries: Int
        public var templates: Int
        /// Entries added that are known not to be anyone searched (NIST's
        /// "background" enrolments), to reach a size the list does not have.
        public var fillers: Int
        public var rows: [Row]
    }

    public var fpirTargets: [Double]
    public var candidates: Int
    public var interval: String
    public var galleries: [Gallery]

    /// The operating points FRTE reports for identification mode.
    public static let standardFPIRTargets = [0.001, 0.003]

    /// Builds the card from each gallery's calibration searches (as
    /// `Calibration.scores` returns them, with `candidates` as given there).
    public static func compute(galleries: [(entries: Int, templates: Int, fillers: Int, scores: [Calibration.SearchScore])],
                               fpirTargets: [Double] = standardFPIRTargets, candidates: Int = 50) -> ReportCard {
        ReportCard(fpirTargets: fpirTargets, candidates: candidates, interval: "Wilson score, 95 %",
                   galleries: galleries.map { g in
                       let thresholds = fpirTargets.map {
                           Calibration.threshold(nonMatedBest: g.scores.filter { !$0.mated }.map(\.bestNonMateScore), targetFPIR: $0)
                       }
                       let groups = Set(g.scores.compactMap(\.group)).sorted()
                       let rows = [row(nil, g.scores, fpirTargets, thresholds)]
                           + groups.map { name in row(name, g.scores.filter { $0.group == name }, fpirTargets, thresholds) }
                       return Gallery(entries: g.entries, templates: g.templates, fillers: g.fillers, rows: rows)
                   })
    }

    static func row(_ group: String?, _ scores: [Calibration.SearchScore], _ targets: [Double], _ thresholds: [Float]) -> Row {
        let nonMated = scores.filter { !$0.mated }, mated = scores.filter(\.mated)
        let points = zip(targets, thresholds).map { target, t in
            OperatingPoint(targetFPIR: target, threshold: t,
                           fpir: ErrorRate(errors: nonMated.filter { $0.bestNonMateScore >= t }.count, of: nonMated.count),
                           fnir: ErrorRate(errors: mated.filter { ($0.mateScore ?? -2) < t }.count, of: mated.count))
        }
        return Row(group: group, nonMatedSearches: nonMated.count, matedSearches: mated.count, identification: points,
                   rank1Miss: ErrorRate(errors: mated.filter { $0.mateRank != 1 }.count, of: mated.count),
                   candidatesMiss: ErrorRate(errors: mated.filter { $0.mateRank == nil }.count, of: mated.count))
    }
}
