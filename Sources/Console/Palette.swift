import Foundation

/// The `:` palette's words and their completion (Tab), kept pure: what the
/// reducer runs is `Reducer.command`; this only finishes what was typed.
enum Palette {
    /// The commands, and the values each takes (nil: a free word, such as an operator's name).
    static func values(of command: String, themes: [String]) -> [String]? {
        switch command {
        case "lang": return ["en", "es"]
        case "theme": return themes.sorted()
        case "model": return UIState.models
        case "horizon": return UIState.horizons.map { String(Int($0)) }
        default: return nil
        }
    }

    static let commands = ["handover", "help", "horizon", "lang", "login", "model", "quit", "theme"]
    /// Commands that take a word after them.
    static let takesWord: Set<String> = ["handover", "horizon", "lang", "login", "model", "theme"]

    /// `text` completed at its end, and the choices when more than one fits
    /// (then the text runs to what they share). No choice: the text as it was.
    static func complete(_ text: String, themes: [String]) -> (text: String, choices: [String]) {
        let words = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        let typing = text.last == " " ? "" : (words.last ?? "")
        let done = text.last == " " ? words : Array(words.dropLast())
        let candidates: [String]
        switch done.count {
        case 0: candidates = commands
        case 1: candidates = values(of: done[0], themes: themes) ?? []
        default: candidates = []
        }
        let fitting = candidates.filter { $0.hasPrefix(typing) }
        let head = done.isEmpty ? "" : done.joined(separator: " ") + " "
        switch fitting.count {
        case 0: return (text, [])
        case 1:
            let word = fitting[0]
            return (head + word + (done.isEmpty && takesWord.contains(word) ? " " : ""), [])
        default:
            return (head + commonPrefix(fitting), fitting)
        }
    }

    static func commonPrefix(_ words: [String]) -> String {
        guard var prefix = words.first else { return "" }
        for w in words.dropFirst() { while !w.hasPrefix(prefix) { prefix.removeLast() } }
        return prefix
    }
}
