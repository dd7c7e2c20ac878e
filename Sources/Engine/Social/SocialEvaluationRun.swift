import Foundation
import SocialFlags
import VigiaCore

/// `vigia social evaluate`: the classifier scored on the generator's gold
/// labels, or on any CSV/TSV of real posts with named columns, with 95 %
/// Wilson intervals. Reads files only.
public enum SocialEvaluationRun {
    /// The generator's labels (`posts-labels.csv`) against its posts; `split` is dev, holdout or all.
    public static func labelled(labels: String, posts: String?, split: String) throws -> ThreatEvaluation {
        let postsPath = posts ?? URL(fileURLWithPath: labels).deletingLastPathComponent().appendingPathComponent("posts.jsonl").path
        let gold = try SocialLabels.read(labels)
        guard let data = FileManager.default.contents(atPath: postsPath) else {
            throw EngineError.badInput(file: postsPath, line: nil, field: nil, reason: "cannot read the file")
        }
        let decoder = PostDecoder(timeZone: try TimeZone.named(TimeParser.defaultTimeZoneIdentifier))
        let classifier = ThreatClassifier()
        var evaluation = ThreatEvaluation()
        var lineNumber = 0
        for line in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            if line.isEmpty { continue }
            let post: Post
            do { post = try decoder.decode(line: line) } catch { throw EngineError.badInput(file: postsPath, line: lineNumber, field: nil, reason: "\(error)") }
            guard let g = gold[post.id], split == "all" || g.split == split else { continue }
            evaluation.add(predicted: classifier.assess(post.text, inReplyTo: post.inReplyTo).category, gold: g.category, protected: g.protected)
        }
        return evaluation
    }

    public static func text(_ evaluation: ThreatEvaluation, split: String) -> String {
        func row(_ name: String, _ s: ThreatEvaluation.Scores) -> String {
            String(format: "  %-14@ precision %.3f  recall %.3f  F1 %.3f  (tp %d, fp %d, fn %d)", name, s.precision, s.recall, s.f1,
                   s.truePositives, s.falsePositives, s.falseNegatives)
        }
        var lines = ["\(evaluation.posts) posts (split: \(split))", row("any threat", evaluation.flagged)]
        for (name, s) in evaluation.categories.sorted(by: { $0.key < $1.key }) { lines.append(row(name, s)) }
        lines.append("  protected speech flagged: " + Proportion(count: evaluation.protectedFlagged, total: evaluation.protectedPosts).summary)
        return lines.joined(separator: "\n")
    }

    /// A table of real posts, scored; keeps the table for examples.
    public struct TableRun {
        public var evaluation: TableEvaluation
        public var file: String
        public var labelColumn: String?
        public var useContext: Bool
        let table: LabelledPostTable

        /// The summary, then up to `examples` missed and falsely flagged posts with why.
        public func text(examples: Int) -> String {
            let e = evaluation
            var lines = ["\(e.rows) posts in \(URL(fileURLWithPath: file).lastPathComponent)" + (e.usedContext ? " (with context)" : "")]
            if let labelColumn {
                lines.append("  recall (\(labelColumn)=1 flagged):       " + e.positives.summary)
                lines.append("  false flags (\(labelColumn)=0 flagged):  " + e.negatives.summary)
            } else {
                lines.append("  flagged (every row must stay unflagged): " + e.negatives.summary)
            }
            for (key, p) in e.groups.sorted(by: { $0.key < $1.key }) { lines.append("  \(key) flagged: " + p.summary) }
            if !e.categories.isEmpty {
                lines.append("  categories: " + e.categories.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
            }
            if !e.clearing.isEmpty {
                lines.append("  cleared: " + e.clearing.sorted { $0.value > $1.value }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
            }
            guard examples > 0 else { return lines.joined(separator: "\n") }
            let byLine = Dictionary(table.rows.map { ($0.line, $0) }, uniquingKeysWith: { a, _ in a })
            let classifier = ThreatClassifier()
            for (title, numbers) in [("missed", e.missedLines), ("falsely flagged", e.falseFlagLines)] where !numbers.isEmpty {
                lines.append("  \(title):")
                for line in numbers.prefix(examples) {
                    guard let r = byLine[line] else { continue }
                    let a = classifier.assess(r.text, inReplyTo: useContext ? r.context : nil)
                    let why = a.flagged ? " [\(a.rule ?? ""): \(a.phrases.joined(separator: " · "))]" : a.cleared.isEmpty ? "" : " [cleared: \(a.cleared.joined(separator: ", "))]"
                    lines.append("    line \(line): \(TerminalSafe.line(r.text, limit: 160))\(why)")
                }
            }
            return lines.joined(separator: "\n")
        }
    }

    public static func table(_ path: String, textColumn: String, labelColumn: String?, contextColumns: [String], groupColumn: String?,
                             useContext: Bool) throws -> TableRun {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw EngineError.badInput(file: path, line: nil, field: nil, reason: "cannot read the file")
        }
        let columns = LabelledPostTable.Columns(text: textColumn, label: labelColumn, context: contextColumns, group: groupColumn)
        let table: LabelledPostTable
        do { table = try LabelledPostTable.read(bytes: [UInt8](data), columns: columns) } catch let e as LabelledPostTable.ReadError {
            throw EngineError.badInput(file: path, line: nil, field: nil, reason: "\(e)")
        }
        let e = TableEvaluation.run(table, useContext: useContext, groupName: groupColumn, labelName: labelColumn)
        return TableRun(evaluation: e, file: path, labelColumn: labelColumn, useContext: useContext, table: table)
    }
}

/// The gold labels file: id,label,category,protected[,family,split].
enum SocialLabels {
    struct Gold { var category: ThreatCategory?; var protected: Bool; var split: String }

    static func read(_ path: String) throws -> [String: Gold] {
        guard let data = FileManager.default.contents(atPath: path) else { throw EngineError.badInput(file: path, line: nil, field: nil, reason: "cannot read the file") }
        var out: [String: Gold] = [:]
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        guard let header = lines.first?.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespacesAndNewlines) }),
              let id = header.firstIndex(of: "id"), let cat = header.firstIndex(of: "category"), let prot = header.firstIndex(of: "protected") else {
            throw EngineError.badInput(file: path, line: 1, field: nil, reason: "the header needs id, category and protected columns")
        }
        let split = header.firstIndex(of: "split")
        for (n, line) in lines.enumerated().dropFirst() where !line.isEmpty {
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            guard f.count >= header.count else { throw EngineError.badInput(file: path, line: n + 1, field: nil, reason: "\(f.count) fields, the header has \(header.count)") }
            let category: ThreatCategory?
            if f[cat] == "none" || f[cat].isEmpty { category = nil }
            else if let c = ThreatCategory(rawValue: f[cat]) { category = c }
            else { throw EngineError.badInput(file: path, line: n + 1, field: "category", reason: "unknown category \"\(f[cat])\"") }
            guard ["yes", "no"].contains(f[prot]) else { throw EngineError.badInput(file: path, line: n + 1, field: "protected", reason: "must be yes or no") }
            out[f[id]] = Gold(category: category, protected: f[prot] == "yes", split: split.map { f[$0] } ?? "all")
        }
        return out
    }
}
