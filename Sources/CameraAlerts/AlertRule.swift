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
    public var procedure: String = ""
    /// Every alert of the rule needs a unit sent (`dispatch = required`), so
    /// the summary holds it to the dispatch target even when nobody dispatched it.
    public var requiresDispatch = false
    /// Where the rule was defined, for messages.
    public var line: Int = 0

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
}
