/// Hit rate and PAI (Chainey 2008) of a ranking at a share of the area.
public struct CoverageScore: Hashable, Sendable {
    /// Percent of valid cells flagged, e.g. 1, 5, 10.
    public var percent: Double
    /// Share of the period's incidents that fell in the flagged cells (0…1).
    public var hitRate: Double
    /// Hit rate ÷ share of area.
    public var pai: Double
    public var captured: Int
    public var flaggedCells: Int
}

public enum Coverage {
    /// Ranks the valid cells by risk (ties broken by lower cell index, so the
    /// result is deterministic) and scores the top ⌊N·c⌋ against `incidents`.
    public static func score(risk: [Double], validCells: [Int], incidentCells: [Int],
                             percents: [Double]) -> [CoverageScore] {
        let ranked = rank(risk: risk, validCells: validCells)
        var perCell: [Int: Int] = [:]
        for c in incidentCells { perCell[c, default: 0] += 1 }
        let total = incidentCells.count
        return percents.map { percent in
            let flagged = Int((Double(validCells.count) * percent / 100).rounded(.down))
            let captured = ranked.prefix(flagged).reduce(0) { $0 + perCell[$1, default: 0] }
            let hitRate = total > 0 ? Double(captured) / Double(total) : 0
            let share = percent / 100
            return CoverageScore(percent: percent, hitRate: hitRate, pai: share > 0 ? hitRate / share : 0,
                                 captured: captured, flaggedCells: flagged)
        }
    }
}

extension Coverage {
    /// Valid cells from riskiest to least risky; ties go to the lower cell
    /// index so every run ranks the same way.
    public static func rank(risk: [Double], validCells: [Int]) -> [Int] {
        validCells.sorted { risk[$0] != risk[$1] ? risk[$0] > risk[$1] : $0 < $1 }
    }
}
