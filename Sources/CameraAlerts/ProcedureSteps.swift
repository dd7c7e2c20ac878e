import Foundation

/// A rule's procedure as the numbered steps a dispatcher ticks off. The rules
/// file writes them in one value: `1. Look at the camera 2. Call the unit`,
/// `1) … 2) …`, or `Look at the camera | Call the unit`. A text in neither
/// form is one step.
public enum ProcedureSteps {
    /// More steps than this are kept as the last one, so a step number always fits a key and a line.
    public static let maximumSteps = 20

    public static func split(_ text: String) -> [String] {
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { return [] }
        var steps: [String]
        if text.contains("|") {
            steps = text.split(separator: "|").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        } else if let numbered = numbered(text) {
            steps = numbered
        } else {
            steps = [text]
        }
        if steps.count > maximumSteps {
            steps = Array(steps.prefix(maximumSteps - 1)) + [steps.dropFirst(maximumSteps - 1).joined(separator: " ")]
        }
        return steps
    }

    /// `1. a 2. b` or `1) a 2) b`: each marker is the next number, after a
    /// space, with its punctuation and a space after it.
    static func numbered(_ text: String) -> [String]? {
        let chars = Array(text)
        guard chars.count > 2, chars[0] == "1", chars[1] == "." || chars[1] == ")", chars[2] == " " else { return nil }
        let mark = chars[1]
        var steps: [String] = [], start = 3, next = 2, i = 3
        while i < chars.count {
            let digits = Array(String(next))
            let end = i + digits.count
            if chars[i - 1] == " ", end + 1 < chars.count, Array(chars[i..<end]) == digits, chars[end] == mark, chars[end + 1] == " " {
                steps.append(String(chars[start..<i]).trimmingCharacters(in: .whitespaces))
                start = end + 2
                next += 1
                i = start
                continue
            }
            i += 1
        }
        steps.append(String(chars[start...]).trimmingCharacters(in: .whitespaces))
        let kept = steps.filter { !$0.isEmpty }
        return kept.isEmpty ? nil : kept
    }
}
