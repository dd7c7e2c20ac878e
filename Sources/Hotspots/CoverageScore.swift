/// Hit rate, PAI (Chainey 2008) and PEI (NIJ 2017) of a ranking at a share of the area.
public struct CoverageScore: Hashable, Sendable {
    /// Percent of valid cells flagged, e.g. 1, 5, 10.
    public var percent: Double
    /// Share of the period's incidents that fell in the flagged cells (0…1).
    public var hitRate: Double
    /// Hit rate ÷ share of area.
    public var pai: Double
    public var captured: Int
    public var flaggedCells: Int
    /// The most incidents any `flaggedCells` valid cells could have held: the
    /// period's busiest valid cells, counted after the fact (NIJ's n*).
    public var bestPossible: Int = 0

    public init(percent: Double, hitRate: Double, pai: Double, captured: Int, flaggedCells: Int, bestPossible: Int = 0) {
        self.percent = percent; self.hitRate = hitRate; self.pai = pai; self.captured = captured
        self.flaggedCells = flaggedCells; self.bestPossible = bestPossible
    }

    /// Prediction efficiency: captured ÷ the most the same area could have
    /// captured (PAI ÷ the best possible PAI); nil when no valid cell had an incident.
    public var pei: Double? { bestPossible > 0 ? Double(captured) / Double(bestPossible) : nil }
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
        // The period's own counts in the valid cells, busiest first: what a
        // forecast that knew the future would have flagged.
        let valid = Set(validCells)
        let busiest = perCell.filter { valid.contains($0.key) }.values.sorted(by: >)
        return percents.map { percent in
            let flagged = flaggedCount(validCells: validCells.count, percent: percent)
            let captured = ranked.prefix(flagged).reduce(0) { $0 + perCell[$1, default: 0] }
            let hitRate = total > 0 ? Double(captured) / Double(total) : 0
            let share = percent / 100
            return CoverageScore(percent: percent, hitRate: hitRate, pai: share > 0 ? hitRate / share : 0,
                                 captured: captured, flaggedCells: flagged, bestPossible: busiest.prefix(flagged).reduce(0, +))
        }
    }

    /// ⌊N·c⌋: how many of `validCells` a coverage of `percent` flags.
    public static func flaggedCount(validCells: Int, percent: Double) -> Int {
        Int((Double(validCells) * percent / 100).rounded(.down))
    }
}

extension Coverage {
    /// Valid cells from riskiest to least risky; ties go to the lower cell
    /// index so every run ranks the same way.
    public static func rank(risk: [Double], validCells: [Int]) -> [Int] {
        validCells.sorted { risk[$0] != risk[$1] ? risk[$0] > risk[$1] : $0 < $1 }
    }
}
