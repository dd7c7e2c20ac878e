import Foundation
import VigiaCore

/// One alert rule, as a supervisor writes it in the rules file.
public struct AlertRule: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        case detection, loitering, crowd, offline, tamper
    }

    /// What makes two triggers the same alert for de-duplication.
    public enum DedupeField: String, Hashable, Sendable, CaseIterable {
        case camera, zone, label, track
    }

    public var id: String
    public var kind: Kind
    /// Object classes; empty means any.
    public var labels: Set<String> = []
    /// Zones; empty means any (or none given).
    public var zones: Set<String> = []
    /// Cameras; empty means all.
    public var cameras: Set<String> = []
    /// Local time window in minutes after midnight, may cross midnight.
    public var hours: (start: Int, end: Int)?
    /// ISO weekdays (1 Monday … 7 Sunday) the rule runs on; empty means every
    /// day. A window that crosses midnight belongs to the day it starts on.
    public var days: Set<Int> = []
    public var minimumScore: Double = 0
    public var minimumDwellSeconds: Double = 0
    public var minimumCount: Int = 0
    public var missedHeartbeats: Int = 3
    /// 1 (highest) to 5.
    public var priority: Int = 3
    public var cooldownSeconds: Double = 300
    public var dedupe: [DedupeField] = [.camera]
    /// Unacknowledged this long, the alert rises one priority level; nil never.
    public var escalateAfterSeconds: Double?
    /// What must hold before an alert of the rule can be closed; nil takes
    /// the kind's default (`camera_online` for offline and tamper rules).
    public var closeWhen: CloseCondition?
    public var procedure: String = ""
    /// Every alert of the rule needs a unit sent (`dispatch = required`), so
    /// the summary holds it to the dispatch target even when nobody dispatched it.
    public var requiresDispatch = false
    /// Where the rule was defined, for messages.
    public var line: Int = 0

    /// A condition on closing, checked by the engine when someone closes.
    public enum CloseCondition: String, Hashable, Sendable, CaseIterable {
        /// The alert's camera is sending again (not offline).
        case cameraOnline = "camera_online"
        /// No condition.
        case none
    }

    /// The condition in force: the rule's own, else the kind's default.
    public var effectiveCloseWhen: CloseCondition {
        closeWhen ?? ((kind == .offline || kind == .tamper) ? .cameraOnline : .none)
    }

    public init(id: String, kind: Kind) {
        self.id = id
        self.kind = kind
    }

    public static func == (a: AlertRule, b: AlertRule) -> Bool { a.id == b.id && a.line == b.line }
    public func hash(into h: inout Hasher) { h.combine(id); h.combine(line) }

    func coversHour(minuteOfDay m: Int) -> Bool {
        guard let hours else { return true }
        return hours.start < hours.end ? (m >= hours.start && m < hours.end) : (m >= hours.start || m < hours.end)
    }

    /// Whether local time (`m` minutes after midnight on ISO `weekday`) falls in the rule's days and hours.
    func covers(minuteOfDay m: Int, weekday: Int) -> Bool {
        guard coversHour(minuteOfDay: m) else { return false }
        guard !days.isEmpty else { return true }
        // 02:00 inside 22:00-06:00 belongs to the evening before.
        let crossing = hours.map { $0.start > $0.end && m < $0.end } ?? false
        return days.contains(crossing ? (weekday + 5) % 7 + 1 : weekday)
    }

    /// Day names the `days` key accepts, English and Spanish, to ISO weekdays.
    public static let dayNames: [String: Int] = [
        "mon": 1, "tue": 2, "wed": 3, "thu": 4, "fri": 5, "sat": 6, "sun": 7,
        "lun": 1, "mar": 2, "mie": 3, "mié": 3, "jue": 4, "vie": 5, "sab": 6, "sáb": 6, "dom": 7,
    ]

    /// `mon-fri`, `sat,sun`, `lun-vie`, `fri-mon` (wraps): the ISO weekdays, or nil when a name is unknown.
    public static func parseDays(_ text: String) -> Set<Int>? {
        var out = Set<Int>()
        for part in text.lowercased().split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            let ends = part.split(separator: "-", omittingEmptySubsequences: false).map { String($0).trimmingCharacters(in: .whitespaces) }
            guard (1...2).contains(ends.count), let a = dayNames[ends[0]] else { return nil }
            guard ends.count == 2 else { out.insert(a); continue }
            guard let b = dayNames[ends[1]] else { return nil }
            var d = a
            while true { out.insert(d); if d == b { break }; d = d % 7 + 1 }
        }
        return out.isEmpty ? nil : out
    }
}
