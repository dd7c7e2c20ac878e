import Foundation

/// A named daily window, e.g. tarde 14:00–22:00; may cross midnight.
public struct ShiftDefinition: Hashable, Sendable, Codable {
    public var name: String
    /// Minutes after local midnight.
    public var startMinute: Int
    public var endMinute: Int

    public init(name: String, startMinute: Int, endMinute: Int) {
        self.name = name
        self.startMinute = startMinute
        self.endMinute = endMinute
    }

    public var durationMinutes: Int {
        endMinute > startMinute ? endMinute - startMinute : 1440 - startMinute + endMinute
    }

    func covers(minuteOfDay m: Int) -> Bool {
        startMinute < endMinute ? (m >= startMinute && m < endMinute) : (m >= startMinute || m < endMinute)
    }
}

/// One occurrence of a shift.
public struct ShiftWindow: Hashable, Sendable {
    public var name: String
    public var start: Date
    public var end: Date
}

public struct ShiftScheduleError: Error, CustomStringConvertible, Equatable {
    public var text: String
    public var reason: String
    public var description: String { "shift schedule \"\(text)\": \(reason)" }
}

/// The room's shifts, covering the whole day without overlap.
public struct ShiftSchedule: Hashable, Sendable {
    public let shifts: [ShiftDefinition]
    public let timeZone: TimeZone

    /// mañana 06–14, tarde 14–22, noche 22–06.
    public static func standard(timeZone: TimeZone) -> ShiftSchedule {
        // The standard shifts tile the day, so this cannot fail.
        ShiftSchedule(validated: [
            ShiftDefinition(name: "mañana", startMinute: 360, endMinute: 840),
            ShiftDefinition(name: "tarde", startMinute: 840, endMinute: 1320),
            ShiftDefinition(name: "noche", startMinute: 1320, endMinute: 360),
        ], timeZone: timeZone)
    }

    private init(validated shifts: [ShiftDefinition], timeZone: TimeZone) {
        self.shifts = shifts
        self.timeZone = timeZone
    }

    /// Checks that the shifts cover every minute of the day exactly once.
    public init(shifts: [ShiftDefinition], timeZone: TimeZone) throws {
        let text = shifts.map { "\($0.name)" }.joined(separator: ",")
        guard !shifts.isEmpty else { throw ShiftScheduleError(text: text, reason: "no shifts") }
        var covered = [Int](repeating: 0, count: 1440)
        for s in shifts {
            guard (0..<1440).contains(s.startMinute), (0...1440).contains(s.endMinute), s.startMinute != s.endMinute % 1440 else {
                throw ShiftScheduleError(text: text, reason: "shift \(s.name) has an empty or out-of-range window")
            }
            for m in 0..<1440 where s.covers(minuteOfDay: m) { covered[m] += 1 }
        }
        if let m = covered.firstIndex(where: { $0 != 1 }) {
            let what = covered[m] == 0 ? "not covered" : "covered twice"
            throw ShiftScheduleError(text: text, reason: String(format: "%02d:%02d is %@", m / 60, m % 60, what))
        }
        self.init(validated: shifts, timeZone: timeZone)
    }

    /// Parses `mañana=06:00-14:00,tarde=14:00-22:00,noche=22:00-06:00` (or `06-14`).
    public init(parsing text: String, timeZone: TimeZone) throws {
        var list: [ShiftDefinition] = []
        for part in text.split(separator: ",") {
            let kv = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            let range = kv.count == 2 ? kv[1].split(separator: "-").map(String.init) : []
            guard kv.count == 2, !kv[0].isEmpty, range.count == 2,
                  let a = Self.minute(range[0]), let b = Self.minute(range[1]) else {
                throw ShiftScheduleError(text: String(part), reason: "expected name=HH:MM-HH:MM")
            }
            list.append(ShiftDefinition(name: kv[0], startMinute: a, endMinute: b))
        }
        try self.init(shifts: list, timeZone: timeZone)
    }

    private static func minute(_ s: String) -> Int? {
        let parts = s.split(separator: ":")
        guard (1...2).contains(parts.count), let h = Int(parts[0]), (0...24).contains(h) else { return nil }
        let m = parts.count == 2 ? Int(parts[1]) : 0
        guard let m, (0..<60).contains(m), h * 60 + m <= 1440 else { return nil }
        return h * 60 + m
    }

    /// The shift occurrence that contains `date`.
    public func window(containing date: Date) -> ShiftWindow {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.hour, .minute], from: date)
        let minute = (c.hour ?? 0) * 60 + (c.minute ?? 0)
        let shift = shifts.first { $0.covers(minuteOfDay: minute) } ?? shifts[0]
        let midnight = calendar.startOfDay(for: date)
        var dayStart = midnight
        if shift.startMinute > shift.endMinute, minute < shift.endMinute {
            dayStart = calendar.date(byAdding: .day, value: -1, to: midnight) ?? midnight
        }
        let start = calendar.date(byAdding: .minute, value: shift.startMinute, to: dayStart) ?? dayStart
        let end = calendar.date(byAdding: .minute, value: shift.durationMinutes, to: start) ?? start
        return ShiftWindow(name: shift.name, start: start, end: end)
    }
}
