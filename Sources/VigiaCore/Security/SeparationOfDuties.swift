import Foundation

/// Two people means two independent people (safeguard 4). An operator
/// created or reactivated by X within `periodDays` cannot be the other
/// person on anything X initiated or confirmed, in either order: an admin
/// who makes a second account cannot confirm with both.
public enum SeparationOfDuties {
    public static let periodDays = 30

    /// Why `second` may not be the other person after `first`; nil when they may.
    public static func problem(first: String, second: String, operators: [Operator], at now: Date,
                               periodDays: Int = SeparationOfDuties.periodDays) -> String? {
        if first.lowercased() == second.lowercased() { return "\(second) already acted on it; a second, different person must" }
        let window = Double(periodDays) * 86_400
        func vouched(_ person: String, by other: String) -> Bool {
            guard let op = operators.first(where: { $0.name.lowercased() == person.lowercased() }) else { return false }
            let created = op.createdBy?.lowercased() == other.lowercased() && now.timeIntervalSince(op.createdAt) < window
            let reactivated = op.active && op.statusChangedBy?.lowercased() == other.lowercased()
                && op.statusChangedAt.map { now.timeIntervalSince($0) < window } == true
            return created || reactivated
        }
        if vouched(second, by: first) {
            return "\(second)'s account was created or reactivated by \(first) less than \(periodDays) days ago; someone independent of \(first) must be the second person"
        }
        if vouched(first, by: second) {
            return "\(first)'s account was created or reactivated by \(second) less than \(periodDays) days ago; someone independent of \(second) must be the second person"
        }
        return nil
    }
}

/// Pairs of accounts that confirm each other's actions unusually often, for
/// the summary and the transparency report. A pair is flagged when it made at
/// least `minimum` two-person decisions together and they are at least
/// max(50 %, 2 / (k − 1)) of the two-person decisions of the less active of
/// the two, where k is how many people took part in any: with few people
/// there is no choice of partner, so only a strong preference is flagged.
public enum ConfirmationPairs {
    public struct Pair: Hashable, Sendable, Codable {
        public var first: String
        public var second: String
        public var together: Int
        /// `together` over the two-person decisions of the less active of the two.
        public var share: Double
    }

    public static let minimum = 5

    public static func unusual(_ decisions: [(String, String)]) -> [Pair] {
        var together: [[String]: Int] = [:], per: [String: Int] = [:]
        for (a, b) in decisions where a != b {
            let key = [a, b].sorted()
            together[key, default: 0] += 1
            per[a, default: 0] += 1
            per[b, default: 0] += 1
        }
        let k = per.count
        guard k >= 2 else { return [] }
        let threshold = max(0.5, 2 / Double(k - 1))
        return together.compactMap { key, n -> Pair? in
            let share = Double(n) / Double(min(per[key[0]] ?? n, per[key[1]] ?? n))
            return n >= minimum && share >= threshold ? Pair(first: key[0], second: key[1], together: n, share: share) : nil
        }.sorted { ($0.together, $0.first) > ($1.together, $1.first) }
    }
}
