import Foundation

/// What a watchlist entry's court order must look like (safeguard 2): real
/// text, not a placeholder, and an expiry that is not forever.
public enum CourtOrderRule {
    /// The latest expiry accepted, from now (an admin may lower it).
    public static let maximumYears = 5.0

    /// An order reference: 5 to 120 characters, at least one digit and two
    /// letters (case numbers carry both), no control characters.
    public static func orderProblem(_ text: String) -> String? {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard !t.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || TerminalSafe.isUnsafe($0) }) else {
            return "the order reference contains control characters"
        }
        guard (5...120).contains(t.count), t.contains(where: \.isNumber), t.filter(\.isLetter).count >= 2 else {
            return "the order reference must be the order's own reference (5–120 characters with its number, e.g. \"Causa N.º 1234/2024\")"
        }
        return nil
    }

    /// An issuing court: 8 to 200 characters with at least 6 letters and a
    /// word of 4 or more ("Juzgado N.º 1"), no control characters.
    public static func courtProblem(_ text: String) -> String? {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard !t.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || TerminalSafe.isUnsafe($0) }) else {
            return "the issuing court contains control characters"
        }
        let words = t.split(whereSeparator: { !$0.isLetter })
        guard (8...200).contains(t.count), t.filter(\.isLetter).count >= 6, words.contains(where: { $0.count >= 4 }) else {
            return "the issuing court must be named (8–200 characters, e.g. \"Juzgado Criminal N.º 3\")"
        }
        return nil
    }

    /// An expiry after the issue date and at most `years` from now.
    public static func expiryProblem(issued: Date, expires: Date, now: Date, years: Double = maximumYears) -> String? {
        guard issued < expires else { return "the order expires before it was issued" }
        guard expires <= now.addingTimeInterval(years * 365.25 * 86_400) else {
            return "the order expires more than \(Int(years)) years from now; give the order's own expiry (renew it when it is extended)"
        }
        return nil
    }
}
