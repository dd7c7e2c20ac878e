import Foundation
import Testing
@testable import VigiaCore

@Suite("Time")
struct TimeTests {
    let buenosAires = TimeZone(identifier: "America/Argentina/Buenos_Aires")!
    let newYork = TimeZone(identifier: "America/New_York")!

    @Test("dates parse strictly")
    func dates() throws {
        #expect(try TimeParser.parseDate("2018-11-15") == CivilTime(year: 2018, month: 11, day: 15))
        #expect(try TimeParser.parseDate("2020-02-29").day == 29)
        for bad in ["2018-02-29", "2018-13-01", "2018-1-01", "18-11-15", "2018/11/15", "", "2018-11-15x", "0000-01-01"] {
            #expect(throws: TimeParseError.self, "\(bad)") { try TimeParser.parseDate(bad) }
        }
    }

    @Test("timestamps with and without zones")
    func timestamps() throws {
        let utc = try TimeParser.parseTimestamp("2018-11-15T17:00:00Z")
        #expect(utc == .instant(Date(timeIntervalSince1970: 1_542_301_200)))
        #expect(try TimeParser.parseTimestamp("2018-11-15T14:00:00-03:00") == utc)
        #expect(try TimeParser.parseTimestamp("2018-11-15 14:00-0300") == utc)
        #expect(try TimeParser.parseTimestamp("2018-11-15T14:00:00.250-03") == .instant(Date(timeIntervalSince1970: 1_542_301_200.25)))
        #expect(try TimeParser.parseTimestamp("2018-11-15T14:05") == .civil(CivilTime(year: 2018, month: 11, day: 15, hour: 14, minute: 5)))
        for bad in ["2018-11-15T25:00", "2018-11-15T14", "2018-11-15T14:00+", "2018-11-15T14:00:00Zjunk", "2018-11-15T14:60"] {
            #expect(throws: TimeParseError.self, "\(bad)") { try TimeParser.parseTimestamp(bad) }
        }
    }

    @Test("civil times become instants in their zone, across daylight-saving changes")
    func civilConversion() throws {
        var ba = CivilTimeConverter(timeZone: buenosAires)
        #expect(ba.date(CivilTime(year: 2018, month: 11, day: 15, hour: 14)) == Date(timeIntervalSince1970: 1_542_301_200))
        var ny = CivilTimeConverter(timeZone: newYork)
        // 2018-03-11 01:30 EST (-5) and 03:30 EDT (-4).
        #expect(ny.date(CivilTime(year: 2018, month: 3, day: 11, hour: 1, minute: 30)).timeIntervalSince1970 == 1_520_749_800)
        #expect(ny.date(CivilTime(year: 2018, month: 3, day: 11, hour: 3, minute: 30)).timeIntervalSince1970 == 1_520_753_400)
        #expect(try TimeParser.instant("2018-07-01T12:00", in: newYork).timeIntervalSince1970 == 1_530_460_800)
    }

    @Test("days since the epoch match Foundation's calendar")
    func epochDays() {
        #expect(CivilTime(year: 1970, month: 1, day: 1).daysSinceEpoch == 0)
        #expect(CivilTime(year: 2000, month: 3, day: 1).daysSinceEpoch == 11_017)
        #expect(CivilTime(year: 1969, month: 12, day: 31).daysSinceEpoch == -1)
    }

    @Test("the standard shifts; noche crosses midnight")
    func shifts() throws {
        let schedule = ShiftSchedule.standard(timeZone: buenosAires)
        let afternoon = schedule.window(containing: try TimeParser.instant("2018-11-15T14:00", in: buenosAires))
        #expect(afternoon.name == "tarde")
        #expect(afternoon.start == (try TimeParser.instant("2018-11-15T14:00", in: buenosAires)))
        #expect(afternoon.end == (try TimeParser.instant("2018-11-15T22:00", in: buenosAires)))
        let night = schedule.window(containing: try TimeParser.instant("2018-11-16T02:30", in: buenosAires))
        #expect(night.name == "noche")
        #expect(night.start == (try TimeParser.instant("2018-11-15T22:00", in: buenosAires)))
        #expect(night.end == (try TimeParser.instant("2018-11-16T06:00", in: buenosAires)))
    }

    @Test("shift schedules must tile the day")
    func scheduleValidation() throws {
        let ok = try ShiftSchedule(parsing: "dia=07:00-19:00,noche=19:00-07:00", timeZone: buenosAires)
        #expect(ok.shifts.map(\.name) == ["dia", "noche"])
        #expect(throws: ShiftScheduleError.self) { try ShiftSchedule(parsing: "a=06-14,b=15-06", timeZone: buenosAires) }
        #expect(throws: ShiftScheduleError.self) { try ShiftSchedule(parsing: "a=06-14,b=13-06", timeZone: buenosAires) }
        #expect(throws: ShiftScheduleError.self) { try ShiftSchedule(parsing: "a=6", timeZone: buenosAires) }
    }

    @Test("a replay clock runs at its speed from its start")
    func replay() {
        let wall = MovableTime(Date(timeIntervalSince1970: 1000))
        let clock = ReplayClock(start: Date(timeIntervalSince1970: 50_000), speed: 60, wall: wall)
        #expect(clock.now() == Date(timeIntervalSince1970: 50_000))
        wall.advance(by: 2)
        #expect(clock.now() == Date(timeIntervalSince1970: 50_120))
    }
}

/// A wall clock the test moves by hand.
final class MovableTime: TimeSource, @unchecked Sendable {
    // Only touched from one test at a time; the lock keeps Sendable honest.
    private let lock = NSLock()
    private var current: Date
    init(_ start: Date) { current = start }
    func now() -> Date { lock.withLock { current } }
    func advance(by seconds: Double) { lock.withLock { current += seconds } }
}
