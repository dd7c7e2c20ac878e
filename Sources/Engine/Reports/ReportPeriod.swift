import Foundation
import VigiaCore

/// A report's period from the command line's `--from` and `--to`.
public enum ReportPeriod {
    /// `from` is a date or a time; `to` is a date, covered whole (the period
    /// ends at the next local midnight), or a time, exclusive. So
    /// `--from 2018-11-01 --to 2018-11-30` is all of November.
    public static func parse(from: String, to: String, in timeZone: TimeZone) throws -> (start: Date, end: Date) {
        let start = try instant(from, option: "--from", in: timeZone)
        var end = try instant(to, option: "--to", in: timeZone)
        if isDate(to) {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = timeZone
            guard let next = calendar.date(byAdding: .day, value: 1, to: end) else {
                throw EngineError.badInput(file: "--to", line: nil, field: to, reason: "no day follows this date")
            }
            end = next
        }
        guard end > start else {
            throw EngineError.badInput(file: "--to", line: nil, field: to, reason: "the period must end after it starts (\(from))")
        }
        return (start, end)
    }

    /// A date alone, `yyyy-MM-dd`, with no time of day.
    public static func isDate(_ text: String) -> Bool {
        let t = text.trimmingCharacters(in: .whitespaces)
        return t.count == 10 && (try? TimeParser.parseDate(t)) != nil
    }

    static func instant(_ text: String, option: String, in timeZone: TimeZone) throws -> Date {
        do { return try TimeParser.instant(text.trimmingCharacters(in: .whitespaces), in: timeZone) } catch {
            throw EngineError.badInput(file: option, line: nil, field: text, reason: "expected a date (2018-11-30) or a time (2018-11-30T14:00): \(error)")
        }
    }

    /// "2018-11-01 – 2018-11-30" for whole local days, else "2018-11-15 14:00 – 22:00"-style local times.
    static func title(start: String, end: String, endDate: Date, timeZone: TimeZone) -> String {
        let wholeDays = start.dropFirst(11).hasPrefix("00:00:00") && end.dropFirst(11).hasPrefix("00:00:00")
        guard wholeDays else { return "\(ReportFormat.short(start)) – \(ReportFormat.short(end))" }
        let lastDay = TimestampFormatter(timeZone: timeZone).string(from: endDate.addingTimeInterval(-1)).prefix(10)
        return start.prefix(10) == lastDay ? String(lastDay) : "\(start.prefix(10)) – \(lastDay)"
    }
}
