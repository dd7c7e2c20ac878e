import Foundation
import VigiaCore

extension Engine {
    /// Counters are kept per local hour (`yyyy-MM-ddTHH`), so a shift's counts can be read back.
    func counterPeriod(at date: Date? = nil) -> String {
        TimestampFormatter(timeZone: timeZone).string(from: date ?? clock.now()).prefix(13).description
    }

    /// Counter sums over the hours that overlap [from, to).
    func counters(from: Date, to: Date) throws -> [String: Int] {
        try alerts.counters(fromPeriod: counterPeriod(at: from), toPeriod: counterPeriod(at: to.addingTimeInterval(3599)))
    }

    /// The flags raised per category, from the `flags.CATEGORY` counters.
    static func flagsByCategory(_ counters: [String: Int]) -> [String: Int] {
        var out: [String: Int] = [:]
        for c in ThreatCategory.allCases { if let n = counters["flags." + c.rawValue], n > 0 { out[c.rawValue] = n } }
        return out
    }
}
