import Foundation

/// Threshold calibration for 1:N identification (NIST FRTE conventions):
/// FPIR(T) is the share of non-mated searches that return any candidate
/// scoring ≥ T; FNIR(T) is the share of mated searches whose mate does not
/// score ≥ T. The threshold is the lowest one whose FPIR stays at or below
/// the target for the watchlist as it is now (safeguard 5).
public enum Calibration {
    /// One calibration search, reduced to the two scores that matter.
    public struct SearchScore: Sendable, Equatable {
        public var group: String?
        /// Whether the searched person is on the watchlist.
        public var mated: Bool
        /// The mate's best template score (mated searches only).
        public var mateScore: Float?
        /// The best score of anyone else on the list.
        public var bestNonMateScore: Float
        /// The mate's rank among the entries a search returns (1 = first),
        /// nil when it is not among them; an entry scoring the same as the
        /// mate counts as ranked above it.
        public var mateRank: Int? = nil

        public init(group: String?, mated: Bool, mateScore: Float?, bestNonMateScore: Float, mateRank: Int? = nil) {
            self.group = group
            self.mated = mated
            self.mateScore = mateScore
            self.bestNonMateScore = bestNonMateScore
            self.mateRank = mateRank
        }
    }

    public struct GroupResult: Sendable, Equatable, Codable {
        public var group: String
        public var nonMated: Int
        public var mated: Int
        public var fpir: Double
        public var fnir: Double
    }

    public struct Report: Sendable, Equatable, Codable {
        public var targetFPIR: Double
        public var threshold: Float
        public var fpir: Double
        public var fnir: Double
        public var nonMatedSearches: Int
        public var matedSearches: Int
        public var groups: [GroupResult]
        /// Highest group FPIR ÷ lowest (∞ when one group has none); the disparity to show.
        public var fpirSpread: Double
        public var fnirSpread: Double
        public var templates: Int
        public var entries: Int
    }

    /// Scores each calibration probe against the index, in batches through
    /// the packed kernels on every core: the `candidates` + 1 best entries give
    /// the best non-mate and the mate's rank among `candidates`; a mate ranked
    /// lower is scored directly. No probe is kept (safeguard 1).
    public static func scores(index: WatchlistIndex, probes: [(embedding: [Float], mate: String?, group: String?)],
                              candidates: Int = 1, threads: Int = SearchThreads.available) throws -> [SearchScore] {
        let packed = index.packed(threads: threads)
        var out: [SearchScore] = []
        out.reserveCapacity(probes.count)
        for start in stride(from: 0, to: probes.count, by: 256) {
            let chunk = probes[start..<min(start + 256, probes.count)]
            let found = try index.search(batch: chunk.map(\.embedding), in: packed, k: candidates + 1, floor: -2)
            for (p, top) in zip(chunk, found) {
                let mateInIndex = p.mate.map { index.contains(entry: $0) } ?? false
                var other: Float = -2
                var mateScore: Float? = p.mate == nil ? nil : -2
                for c in top where c.entry != p.mate { other = max(other, c.similarity) }
                var rank: Int?
                if let mate = p.mate, mateInIndex {
                    if let found = top.first(where: { $0.entry == mate }) {
                        mateScore = found.similarity
                        let r = 1 + top.filter { $0.entry != mate && $0.similarity >= found.similarity }.count
                        rank = r <= candidates ? r : nil
                    } else {
                        mateScore = try index.bestScore(p.embedding, entry: mate)
                    }
                }
                out.append(SearchScore(group: p.group, mated: p.mate != nil, mateScore: mateScore, bestNonMateScore: other, mateRank: rank))
            }
        }
        return out
    }

    /// The lowest threshold whose FPIR over these non-mated best scores stays
    /// at or below `targetFPIR`: candidates need score ≥ T, so T sits just
    /// above the (allowed + 1)-th highest non-mated score.
    public static func threshold(nonMatedBest scores: [Float], targetFPIR: Double) -> Float {
        let nonMated = scores.sorted(by: >)
        let allowed = Int((targetFPIR * Double(nonMated.count)).rounded(.down))
        return allowed < nonMated.count ? nonMated[allowed].nextUp : (nonMated.last ?? 0)
    }

    public static func calibrate(_ scores: [SearchScore], targetFPIR: Double, templates: Int, entries: Int) -> Report {
        let threshold = Self.threshold(nonMatedBest: scores.filter { !$0.mated }.map(\.bestNonMateScore), targetFPIR: targetFPIR)
        func rates(_ subset: [SearchScore]) -> (Int, Int, Double, Double) {
            let nm = subset.filter { !$0.mated }, m = subset.filter(\.mated)
            let fp = nm.filter { $0.bestNonMateScore >= threshold }.count
            let fn = m.filter { ($0.mateScore ?? -2) < threshold }.count
            return (nm.count, m.count, nm.isEmpty ? 0 : Double(fp) / Double(nm.count), m.isEmpty ? 0 : Double(fn) / Double(m.count))
        }
        let overall = rates(scores)
        let groupNames = Set(scores.compactMap(\.group)).sorted()
        let groups = groupNames.map { g -> GroupResult in
            let r = rates(scores.filter { $0.group == g })
            return GroupResult(group: g, nonMated: r.0, mated: r.1, fpir: r.2, fnir: r.3)
        }
        func spread(_ values: [Double]) -> Double {
            guard let hi = values.max(), let lo = values.min(), hi > 0 else { return 1 }
            return lo > 0 ? hi / lo : .infinity
        }
        return Report(targetFPIR: targetFPIR, threshold: threshold, fpir: overall.2, fnir: overall.3,
                      nonMatedSearches: overall.0, matedSearches: overall.1, groups: groups,
                      fpirSpread: spread(groups.filter { $0.nonMated > 0 }.map(\.fpir)),
                      fnirSpread: spread(groups.filter { $0.mated > 0 }.map(\.fnir)), templates: templates, entries: entries)
    }
}
