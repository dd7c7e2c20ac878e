/// A list of word sequences indexed by first word, so finding any of them in
/// a post costs one hash lookup per word instead of one comparison per phrase.
struct Phrases: Sendable, ExpressibleByArrayLiteral {
    let list: [[String]]
    let byFirst: [String: [[String]]]

    init(_ list: [[String]]) {
        self.list = list
        // Longest first, so "hay que ir a" wins over "hay".
        byFirst = Dictionary(grouping: list.filter { !$0.isEmpty }, by: { $0[0] }).mapValues { $0.sorted { $0.count > $1.count } }
    }

    init(arrayLiteral elements: [String]...) { self.init(elements) }

    static func + (a: Phrases, b: Phrases) -> Phrases { Phrases(a.list + b.list) }

    /// The longest phrase that starts at `i` in `words`.
    func match(at i: Int, in words: [String]) -> [String]? {
        guard i >= 0, i < words.count, let candidates = byFirst[words[i]] else { return nil }
        for p in candidates where i + p.count <= words.count {
            var ok = true
            for k in 1..<max(1, p.count) where words[i + k] != p[k] { ok = false; break }
            if ok { return p }
        }
        return nil
    }

    /// Whether any phrase contains `word`.
    func mentions(_ word: String) -> Bool { list.contains { $0.contains(word) } }
}
