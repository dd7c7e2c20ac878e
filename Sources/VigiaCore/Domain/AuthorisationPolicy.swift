import Foundation

/// The limits on a live face-search authorisation (safeguard 3). Defaults
/// can be changed by an admin (`vigia authorise policy`); the window and the
/// reason rule cannot be switched off.
public struct AuthorisationPolicy: Hashable, Sendable, Codable {
    /// The longest window one authorisation may cover.
    public var maximumHours: Double = 12
    /// How far before now a window may start (a clerk typing the current hour).
    public var pastToleranceMinutes: Double = 10
    /// A window longer than this needs a second supervisor, like an urgent one.
    public var secondApprovalOverHours: Double = 8

    public init() {}

    /// The most an admin may set the limits to.
    public static let ceilingHours: Double = 72

    /// Why an authorisation with these terms is refused, if it is; and
    /// whether it needs a second supervisor before it is in force.
    public func check(entries: [String]?, cameras: [String]?, from: Date, to: Date, reason: String,
                      now: Date) -> (problem: String?, needsSecondApproval: Bool) {
        guard from < to else { return ("the window must end after it starts", false) }
        let hours = to.timeIntervalSince(from) / 3600
        if hours > maximumHours {
            return ("the window is \(Self.format(hours)) h; an authorisation covers at most \(Self.format(maximumHours)) h (authorise again when it ends)", false)
        }
        if from < now.addingTimeInterval(-pastToleranceMinutes * 60) {
            return ("the window starts in the past; an authorisation cannot cover searches that already ran (at most \(Int(pastToleranceMinutes)) min before now)", false)
        }
        if let problem = Self.reasonProblem(reason) { return (problem, false) }
        let wide = hours > secondApprovalOverHours || (entries == nil && cameras == nil)
        return (nil, wide)
    }

    /// The reason must say something: at least 20 characters, 3 different
    /// words of two or more letters, 6 different letters, and no control
    /// characters. So "xxxxxxxxxx" or "urgente urgente urgente" are refused; a
    /// case number with the order and what is sought is not.
    public static func reasonProblem(_ reason: String) -> String? {
        let text = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            return "the reason contains control characters"
        }
        let words = Set(text.lowercased().split(whereSeparator: { !$0.isLetter }).filter { $0.count >= 2 })
        let letters = Set(text.lowercased().filter(\.isLetter))
        guard text.count >= 20, words.count >= 3, letters.count >= 6 else {
            return "give the legal reason (case, order, what is sought) in at least 20 characters and 3 words"
        }
        return nil
    }

    static func format(_ hours: Double) -> String {
        hours == hours.rounded() ? String(Int(hours)) : String(format: "%.1f", hours)
    }
}
