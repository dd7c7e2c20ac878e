import Foundation

extension TimeParser {
    /// A period `START/END`: END is a full timestamp or a time of day on
    /// START's date (`2018-11-15T14:00/22:00`); a time of day at or before
    /// START's means the next day (`22:00/06:00` crosses midnight).
    public static func period(_ text: String, in timeZone: TimeZone) throws -> (start: Date, end: Date) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
            throw TimeParseError(text: text, reason: "expected START/END, e.g. 2018-11-15T14:00/22:00")
        }
        let start = try instant(parts[0], in: timeZone)
        let rhs = parts[1]
        if rhs.contains("-") && rhs.count >= 10 {
            let end = try instant(rhs, in: timeZone)
            guard end > start else { throw TimeParseError(text: text, reason: "the end is not after the start") }
            return (start, end)
        }
        let hm = rhs.split(separator: ":")
        guard hm.count == 2, let h = Int(hm[0]), let m = Int(hm[1]), (0...24).contains(h), (0..<60).contains(m), h * 60 + m <= 1440 else {
            throw TimeParseError(text: text, reason: "the end must be a timestamp or a time of day HH:MM")
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let midnight = calendar.startOfDay(for: start)
        guard var end = calendar.date(byAdding: .minute, value: h * 60 + m, to: midnight) else {
            throw TimeParseError(text: text, reason: "no such time")
        }
        if end <= start, let next = calendar.date(byAdding: .day, value: 1, to: end) { end = next }
        return (start, end)
    }
}
