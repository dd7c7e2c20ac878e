import Foundation

/// A wall-clock date and time with no zone, as incident files record it.
public struct CivilTime: Hashable, Sendable {
    public var year: Int
    public var month: Int
    public var day: Int
    public var hour: Int
    public var minute: Int
    public var second: Double

    public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Double = 0) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
    }

    /// True for a real calendar date and a time of day within range.
    public var isValid: Bool {
        (1...9999).contains(year) && (1...12).contains(month)
            && day >= 1 && day <= CivilTime.daysIn(month: month, year: year)
            && (0...23).contains(hour) && (0...59).contains(minute) && second >= 0 && second < 61
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 of the proleptic Gregorian date (H. Hinnant's algorithm).
    public var daysSinceEpoch: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// Seconds since the epoch if this civil time were UTC.
    public var secondsAsUTC: Double {
        Double(daysSinceEpoch * 86_400 + hour * 3_600 + minute * 60) + second
    }
}

/// Turns civil times in one zone into instants, caching the zone offset per
/// local hour so bulk ingest does not ask Foundation for every row.
public struct CivilTimeConverter {
    public let timeZone: TimeZone
    private var offsets: [Int: Int] = [:]

    public init(timeZone: TimeZone) {
        self.timeZone = timeZone
    }

    public mutating func date(_ civil: CivilTime) -> Date {
        let local = civil.secondsAsUTC
        let hourKey = civil.daysSinceEpoch * 24 + civil.hour
        let offset: Int
        if let cached = offsets[hourKey] {
            offset = cached
        } else {
            // Two passes settle the offset next to a daylight-saving change.
            let guess = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: local))
            offset = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: local - Double(guess)))
            if offsets.count > 200_000 { offsets.removeAll(keepingCapacity: true) }
            offsets[hourKey] = offset
        }
        return Date(timeIntervalSince1970: local - Double(offset))
    }
}
