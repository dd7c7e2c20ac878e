import Foundation

/// The order statistics the reports use, stated so a reader can recompute them.
public enum ReportStatistics {
    /// The middle value; the mean of the two middle values when the count is even.
    public static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let s = values.sorted(), n = s.count
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2
    }

    /// Nearest-rank percentile: the smallest value with at least p % of the values at or below it.
    public static func percentile(_ values: [Double], _ p: Double) -> Double? {
        guard !values.isEmpty else { return nil }
        let s = values.sorted()
        let rank = Int((p / 100 * Double(s.count)).rounded(.up))
        return s[min(max(rank, 1), s.count) - 1]
    }

    public static func share(_ part: Int, of whole: Int) -> Double? {
        whole > 0 ? Double(part) / Double(whole) : nil
    }
}

/// Response targets per priority, read as "goal share within the target"
/// (e.g. 90 % of priority-1 alerts acknowledged within 60 s).
public struct ResponseTargets: Sendable, Equatable {
    public var acknowledgeSeconds: [Int: Double]
    public var dispatchSeconds: [Int: Double]
    public var closeSeconds: [Int: Double]
    public var goal: Double

    public init(acknowledgeSeconds: [Int: Double] = [1: 60, 2: 120, 3: 300, 4: 600, 5: 900],
                dispatchSeconds: [Int: Double] = [1: 300, 2: 600, 3: 1800, 4: 3600, 5: 3600],
                closeSeconds: [Int: Double] = [1: 3600, 2: 3600, 3: 7200, 4: 14_400, 5: 14_400], goal: Double = 0.9) {
        self.acknowledgeSeconds = acknowledgeSeconds
        self.dispatchSeconds = dispatchSeconds
        self.closeSeconds = closeSeconds
        self.goal = goal
    }

    /// Parses `1=60,2=120` (priority = seconds) over the defaults in `base`.
    public static func parse(_ text: String, over base: [Int: Double], option: String) throws -> [Int: Double] {
        var out = base
        for part in text.split(separator: ",") {
            let kv = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard kv.count == 2, let p = Int(kv[0]), (1...5).contains(p), let s = Double(kv[1]), s.isFinite, s > 0 else {
                throw EngineError.badInput(file: option, line: nil, field: String(part),
                                           reason: "expected PRIORITY=SECONDS with priority 1–5 and seconds > 0, e.g. 1=60,2=120")
            }
            out[p] = s
        }
        return out
    }
}
