import Foundation

/// Why a time string was refused.
public struct TimeParseError: Error, CustomStringConvertible, Equatable {
    public var text: String
    public var reason: String
    public var description: String { "\"\(text)\": \(reason)" }
}

/// Strict, allocation-free parsers for the time formats feeds use.
public enum TimeParser {
    /// The zone Vigía assumes when none is configured (the reference city's).
    public static let defaultTimeZoneIdentifier = "America/Argentina/Buenos_Aires"

    public enum Parsed: Equatable {
        /// A civil time with no zone: interpret in the feed's zone.
        case civil(CivilTime)
        /// An instant: the text carried its own offset.
        case instant(Date)
    }

    /// `YYYY-MM-DD`.
    public static func parseDate<S: StringProtocol>(_ text: S) throws -> CivilTime {
        var bytes = Array(text.utf8)
        return try bytes.withUnsafeMutableBufferPointer { try parseDate(UnsafeBufferPointer($0), text: String(text)) }
    }

    /// `YYYY-MM-DD` from raw bytes; `text` only names it in errors.
    public static func parseDate(_ b: UnsafeBufferPointer<UInt8>, text: @autoclosure () -> String) throws -> CivilTime {
        guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"),
              let y = digits(b, 0, 4), let m = digits(b, 5, 2), let d = digits(b, 8, 2) else {
            throw TimeParseError(text: text(), reason: "expected a date as YYYY-MM-DD")
        }
        let civil = CivilTime(year: y, month: m, day: d)
        guard civil.isValid else { throw TimeParseError(text: text(), reason: "no such date") }
        return civil
    }

    /// ISO 8601: `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM[:SS[.fff]]` (a space may stand for T),
    /// optionally followed by `Z`, `±HH:MM`, `±HHMM` or `±HH`.
    public static func parseTimestamp<S: StringProtocol>(_ text: S) throws -> Parsed {
        let bytes = Array(text.utf8)
        return try bytes.withUnsafeBufferPointer { try parseTimestamp($0, text: String(text)) }
    }

    public static func parseTimestamp(_ b: UnsafeBufferPointer<UInt8>, text: @autoclosure () -> String) throws -> Parsed {
        if b.count == 10 { return .civil(try parseDate(b, text: text())) }
        guard b.count >= 16 else { throw TimeParseError(text: text(), reason: "expected YYYY-MM-DDTHH:MM[:SS][zone]") }
        var civil = try parseDate(UnsafeBufferPointer(rebasing: b[0..<10]), text: text())
        guard b[10] == UInt8(ascii: "T") || b[10] == UInt8(ascii: " ") || b[10] == UInt8(ascii: "t"),
              b[13] == UInt8(ascii: ":"), let h = digits(b, 11, 2), let mi = digits(b, 14, 2) else {
            throw TimeParseError(text: text(), reason: "expected a time as THH:MM after the date")
        }
        civil.hour = h
        civil.minute = mi
        var i = 16
        if i < b.count, b[i] == UInt8(ascii: ":") {
            guard let s = digits(b, i + 1, 2) else { throw TimeParseError(text: text(), reason: "bad seconds") }
            civil.second = Double(s)
            i += 3
            if i < b.count, b[i] == UInt8(ascii: ".") || b[i] == UInt8(ascii: ",") {
                i += 1
                var scale = 0.1, fraction = 0.0, count = 0
                while i < b.count, b[i] >= 48, b[i] <= 57 {
                    fraction += Double(b[i] - 48) * scale
                    scale /= 10; i += 1; count += 1
                }
                guard count > 0 else { throw TimeParseError(text: text(), reason: "bad fraction of a second") }
                civil.second += fraction
            }
        }
        guard civil.isValid, civil.second < 60 else { throw TimeParseError(text: text(), reason: "time of day out of range") }
        if i == b.count { return .civil(civil) }
        let utc = civil.secondsAsUTC
        if b[i] == UInt8(ascii: "Z") || b[i] == UInt8(ascii: "z") {
            guard i + 1 == b.count else { throw TimeParseError(text: text(), reason: "text after the zone") }
            return .instant(Date(timeIntervalSince1970: utc))
        }
        guard b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-"), let oh = digits(b, i + 1, 2) else {
            throw TimeParseError(text: text(), reason: "expected Z or ±HH:MM as the zone")
        }
        let sign = b[i] == UInt8(ascii: "-") ? -1 : 1
        var om = 0
        var end = i + 3
        if end < b.count {
            if b[end] == UInt8(ascii: ":") { end += 1 }
            guard let m = digits(b, end, 2) else { throw TimeParseError(text: text(), reason: "bad zone minutes") }
            om = m
            end += 2
        }
        guard end == b.count, oh <= 18, om < 60 else { throw TimeParseError(text: text(), reason: "bad zone offset") }
        return .instant(Date(timeIntervalSince1970: utc - Double(sign * (oh * 3600 + om * 60))))
    }

    /// An instant from text: zone-less civil times are read in `timeZone`.
    public static func instant<S: StringProtocol>(_ text: S, in timeZone: TimeZone) throws -> Date {
        switch try parseTimestamp(text) {
        case .instant(let d): return d
        case .civil(let c):
            var converter = CivilTimeConverter(timeZone: timeZone)
            return converter.date(c)
        }
    }

    @inline(__always)
    static func digits(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ count: Int) -> Int? {
        guard start >= 0, start + count <= b.count else { return nil }
        var value = 0
        for i in start..<(start + count) {
            let c = b[i]
            guard c >= 48, c <= 57 else { return nil }
            value = value * 10 + Int(c - 48)
        }
        return value
    }
}

extension TimeZone {
    /// The named zone, or a clear error naming what was asked.
    public static func named(_ identifier: String) throws -> TimeZone {
        guard let zone = TimeZone(identifier: identifier) else {
            throw TimeParseError(text: identifier, reason: "unknown time zone (use an IANA name such as \(TimeParser.defaultTimeZoneIdentifier))")
        }
        return zone
    }
}

/// ISO 8601 text for instants in a given zone, e.g. `2018-11-15T14:00:00-03:00`.
public struct TimestampFormatter: Sendable {
    public let timeZone: TimeZone

    public init(timeZone: TimeZone) { self.timeZone = timeZone }

    public func string(from date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let offset = timeZone.secondsFromGMT(for: date)
        let sign = offset < 0 ? "-" : "+"
        let oh = abs(offset) / 3600, om = abs(offset) % 3600 / 60
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d%@%02d:%02d",
                      c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0, c.second ?? 0,
                      sign, oh, om)
    }
}
