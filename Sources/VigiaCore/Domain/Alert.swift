import Foundation

/// An alert's place in its life cycle.
public enum AlertState: String, Hashable, Sendable, Codable, CaseIterable {
    case new, acknowledged, dispatched, closed, onHold = "on_hold", snoozed, forwarded
}

/// How a closed alert ended.
public enum Disposition: String, Hashable, Sendable, Codable, CaseIterable {
    case attended, falseAlarm = "false_alarm", duplicate, noActionNeeded = "no_action"
}

/// Something a dispatcher must look at, raised by a rule.
public struct Alert: Hashable, Sendable, Codable {
    public var id: Int64
    public var ruleID: String
    public var cameraID: String?
    /// 1 (highest) to 5.
    public var priority: Int
    public var state: AlertState
    public var createdAt: Date
    public var title: String

    public init(id: Int64, ruleID: String, cameraID: String?, priority: Int, state: AlertState = .new,
                createdAt: Date, title: String) {
        self.id = id
        self.ruleID = ruleID
        self.cameraID = cameraID
        self.priority = priority
        self.state = state
        self.createdAt = createdAt
        self.title = title
    }
}
