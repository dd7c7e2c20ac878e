import ArgumentParser
import Engine
import Foundation
import SocialFlags
import VigiaCore

struct SocialCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "social", abstract: "Threat-of-violence flags on public posts (safeguard 6).",
        subcommands: [Classify.self, Evaluate.self, Flags.self, Review.self, Config.self])

    struct Flags: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Flags waiting for review (or --all), with their phrases.")
        @ArgumentParser.Flag(help: "Reviewed flags too.") var all = false
        @Option(help: "text or json") var format: OutputFormat = .text
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var signIn: SignInOptions

        func run() throws {
            let engine = try database.openEngine()
            let flags = try engine.flagViews(states: all ? nil : [.pending], as: try signIn.signIn(engine, purpose: "reading flags"))
            if format == .json { print(try Output.json(flags)); return }
            if flags.isEmpty { print(all ? "no flags" : "no flags waiting for review"); return }
            let f = TimestampFormatter(timeZone: engine.timeZone)
            for x in flags {
                print("#\(x.flag.id) \(x.flag.state.rawValue) \(x.flag.category.rawValue) \(String(format: "%.2f", x.flag.score)) \(f.string(from: x.post.time)) \(x.district ?? "-")")
                print("    \(TerminalSafe.line(x.post.text, limit: 200))")
                print("    phrases: \(x.flag.phrases.joined(separator: " · "))")
            }
        }
    }

    struct Review: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Decide a flag: --credible raises an alert; --not-credible deletes it (only a count remains).")
        @Argument(help: "The flag id.") var id: Int64
        @ArgumentParser.Flag(help: "The threat is credible.") var credible = false
        @ArgumentParser.Flag(name: .customLong("not-credible"), help: "The threat is not credible.") var notCredible = false
        @Option(help: "Why (required).") var reason: String
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var signIn: SignInOptions

        func validate() throws {
            guard credible != notCredible else { throw ValidationError("give exactly one of --credible and --not-credible") }
        }

        func run() throws {
            let engine = try database.openEngine()
            let alert = try engine.reviewFlag(id: id, credible: credible, reason: reason, by: try signIn.signIn(engine, purpose: "reviewing a flag"))
            print(credible ? "flag \(id): credible; alert #\(alert ?? 0) raised" : "flag \(id): not credible; deleted, only a count remains")
        }
    }

    struct Config: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check (and with --load, store) the social feed configuration.",
            discussion: "Allowed keys: \(ProtectedSpeechGuard.allowedKeys.sorted().joined(separator: ", ")). Following handles, filtering by hashtag or keyword and geofencing places are refused (safeguard 6).")
        @Argument(help: "The configuration file (key = value lines).", completion: .file()) var file: String
        @ArgumentParser.Flag(help: "Store it (supervisor or admin; audited).") var load = false
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var signIn: SignInOptions

        func run() throws {
            guard let data = FileManager.default.contents(atPath: file) else { throw ValidationError("\(file): cannot read the file") }
            let text = String(decoding: data, as: UTF8.self)
            if load {
                let engine = try database.openEngine()
                try engine.loadSocialConfig(text: text, source: URL(fileURLWithPath: file).lastPathComponent,
                                            by: try signIn.signIn(engine, purpose: "loading the social configuration"))
                print("\(file): stored")
            } else {
                do { let keys = try ProtectedSpeechGuard.check(text); print("\(file): \(keys.count) settings, all allowed") }
                catch let r as ProtectedSpeechGuard.Refusal { throw ValidationError("\(file):\(r.line): \(r.key): \(r.reason)") }
            }
        }
    }

    struct Classify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Classify posts (JSON lines on stdin or --input); one JSON line out per post.",
            discussion: "Output: id, flagged, category, score, phrases, rule (and cleared: why violent words were not a threat; protest_shaped). The optional in_reply_to text is read as context. Nothing is stored.")
        @Option(help: "Posts file (default: stdin).", completion: .file()) var input: String?
        @Option(help: "auto, es or en (the rules cover both; this only checks the post's own lang field).", completion: .list(["auto", "es", "en"])) var lang: String = "auto"

        func run() throws {
            guard ["auto", "es", "en"].contains(lang) else { throw ValidationError("--lang must be auto, es or en") }
            let handle: FileHandle
            if let input {
                guard let h = FileHandle(forReadingAtPath: input) else { throw ValidationError("\(input): cannot read the file") }
                handle = h
            } else { handle = .standardInput }
            let decoder = PostDecoder(timeZone: try TimeZone.named(TimeParser.defaultTimeZoneIdentifier))
            let classifier = ThreatClassifier()
            var reader = LineReader(handle: handle)
            var out = FileHandle.standardOutput, buffer = ""
            var bad = 0
            while let (line, oversize) = reader.next() {
                if line.isEmpty { continue }
                let source = input ?? "stdin"
                guard !oversize, let post = try? decoder.decode(line: line) else {
                    bad += 1
                    Output.warning("\(source):\(reader.lineNumber): not a valid post line; skipped")
                    continue
                }
                if lang != "auto", let l = post.language, l != lang { continue }
                let a = classifier.assess(post.text, inReplyTo: post.inReplyTo)
                buffer += SocialJSON.line(id: post.id, a) + "\n"
                if buffer.utf8.count > 1 << 16 { out.write(buffer.data(using: .utf8)!); buffer = "" }
            }
            out.write(buffer.data(using: .utf8)!)
            _ = out
            if bad > 0 { throw ExitCode(2) }
        }
    }

    struct Evaluate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Score the classifier: on the generator's labels, or on any CSV/TSV of real posts with named columns.",
            discussion: """
            Generator labels: --labels posts-labels.csv [--posts posts.jsonl] [--split dev|holdout|all].
            A table of real posts: --posts F.csv|F.tsv --text-column text [--label-column CALLS] [--context-column context_tweet] \
            [--group-column HATEFUL]. Rates come with 95 % Wilson intervals; without a label column every row counts as a \
            post that must not be flagged (protected speech).
            """)
        @Option(help: "Gold labels CSV: id,label,category,protected[,family,split].", completion: .file(extensions: ["csv"])) var labels: String?
        @Option(help: "Posts: JSON lines beside the labels, or a CSV/TSV with --text-column.", completion: .file()) var posts: String?
        @Option(help: "Which labelled split: dev, holdout or all.") var split: String = "all"
        @Option(name: .customLong("text-column"), help: "Table mode: the column with the post's text.") var textColumn: String?
        @Option(name: .customLong("label-column"), help: "Table mode: the 0/1 column that marks a threat or call.") var labelColumn: String?
        @Option(name: .customLong("context-column"), help: "Table mode: the text each post answers (repeatable).") var contextColumns: [String] = []
        @Option(name: .customLong("group-column"), help: "Table mode: also report flag rates by this column's values.") var groupColumn: String?
        @ArgumentParser.Flag(name: .customLong("no-context"), help: "Table mode: ignore the context column.") var noContext = false
        @Option(help: "Table mode: print this many missed and falsely flagged posts.") var examples: Int = 0
        @Option(help: "text or json") var format: OutputFormat = .text

        func validate() throws {
            guard (labels != nil) != (textColumn != nil) else {
                throw ValidationError("give either --labels (generator labels) or --posts with --text-column (a table of posts)")
            }
            if textColumn != nil && posts == nil { throw ValidationError("--text-column needs --posts F.csv") }
            guard examples >= 0, examples <= 1_000 else { throw ValidationError("--examples must be 0…1000") }
        }

        func run() throws {
            if let textColumn, let posts { try table(posts, textColumn: textColumn); return }
            guard let labels else { return }
            let postsPath = posts ?? URL(fileURLWithPath: labels).deletingLastPathComponent().appendingPathComponent("posts.jsonl").path
            let gold = try SocialLabels.read(labels)
            guard let data = FileManager.default.contents(atPath: postsPath) else { throw ValidationError("\(postsPath): cannot read the file") }
            let decoder = PostDecoder(timeZone: try TimeZone.named(TimeParser.defaultTimeZoneIdentifier))
            let classifier = ThreatClassifier()
            var evaluation = ThreatEvaluation()
            var lineNumber = 0
            for line in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
                lineNumber += 1
                if line.isEmpty { continue }
                let post: Post
                do { post = try decoder.decode(line: line) } catch { throw ValidationError("\(postsPath):\(lineNumber): \(error)") }
                guard let g = gold[post.id], split == "all" || g.split == split else { continue }
                evaluation.add(predicted: classifier.assess(post.text, inReplyTo: post.inReplyTo).category, gold: g.category, protected: g.protected)
            }
            if format == .json { print(try Output.json(evaluation)); return }
            print("\(evaluation.posts) posts (split: \(split))")
            func row(_ name: String, _ s: ThreatEvaluation.Scores) -> String {
                String(format: "  %-14@ precision %.3f  recall %.3f  F1 %.3f  (tp %d, fp %d, fn %d)", name, s.precision, s.recall, s.f1,
                       s.truePositives, s.falsePositives, s.falseNegatives)
            }
            print(row("any threat", evaluation.flagged))
            for (name, s) in evaluation.categories.sorted(by: { $0.key < $1.key }) { print(row(name, s)) }
            print("  protected speech flagged: " + Proportion(count: evaluation.protectedFlagged, total: evaluation.protectedPosts).summary)
        }

        func table(_ path: String, textColumn: String) throws {
            guard let data = FileManager.default.contents(atPath: path) else { throw ValidationError("\(path): cannot read the file") }
            let columns = LabelledPostTable.Columns(text: textColumn, label: labelColumn, context: contextColumns, group: groupColumn)
            let table: LabelledPostTable
            do { table = try LabelledPostTable.read(bytes: [UInt8](data), columns: columns) } catch let e as LabelledPostTable.ReadError {
                throw ValidationError("\(path): \(e)")
            }
            let e = TableEvaluation.run(table, useContext: !noContext, groupName: groupColumn, labelName: labelColumn)
            if format == .json { print(try Output.json(e)); return }
            print("\(e.rows) posts in \(URL(fileURLWithPath: path).lastPathComponent)" + (e.usedContext ? " (with context)" : ""))
            if labelColumn != nil {
                print("  recall (\(labelColumn ?? "")=1 flagged):       " + e.positives.summary)
                print("  false flags (\(labelColumn ?? "")=0 flagged):  " + e.negatives.summary)
            } else {
                print("  flagged (every row must stay unflagged): " + e.negatives.summary)
            }
            for (key, p) in e.groups.sorted(by: { $0.key < $1.key }) { print("  \(key) flagged: " + p.summary) }
            if !e.categories.isEmpty {
                print("  categories: " + e.categories.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
            }
            if !e.clearing.isEmpty {
                print("  cleared: " + e.clearing.sorted { $0.value > $1.value }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
            }
            guard examples > 0 else { return }
            let byLine = Dictionary(table.rows.map { ($0.line, $0) }, uniquingKeysWith: { a, _ in a })
            let classifier = ThreatClassifier()
            for (title, lines) in [("missed", e.missedLines), ("falsely flagged", e.falseFlagLines)] where !lines.isEmpty {
                print("  \(title):")
                for line in lines.prefix(examples) {
                    guard let r = byLine[line] else { continue }
                    let a = classifier.assess(r.text, inReplyTo: noContext ? nil : r.context)
                    let why = a.flagged ? " [\(a.rule ?? ""): \(a.phrases.joined(separator: " · "))]" : a.cleared.isEmpty ? "" : " [cleared: \(a.cleared.joined(separator: ", "))]"
                    print("    line \(line): \(TerminalSafe.line(r.text, limit: 160))\(why)")
                }
            }
        }
    }
}

enum SocialJSON {
    static func line(id: String, _ a: ThreatAssessment) -> String {
        var fields: [String: CanonicalJSON] = ["id": .string(id), "flagged": .bool(a.flagged), "score": .double((a.score * 1000).rounded() / 1000),
                                               "phrases": .array(a.phrases.map { .string($0) })]
        fields["category"] = a.category.map { .string($0.rawValue) } ?? .null
        if !a.cleared.isEmpty { fields["cleared"] = .array(a.cleared.map { .string($0) }) }
        if let rule = a.rule { fields["rule"] = .string(rule) }
        if a.protestShaped { fields["protest_shaped"] = .bool(true) }
        return CanonicalJSON.object(fields).text
    }
}

/// The gold labels file: id,label,category,protected[,family,split].
enum SocialLabels {
    struct Gold { var category: ThreatCategory?; var protected: Bool; var split: String }

    static func read(_ path: String) throws -> [String: Gold] {
        guard let data = FileManager.default.contents(atPath: path) else { throw ValidationError("\(path): cannot read the file") }
        var out: [String: Gold] = [:]
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        guard let header = lines.first?.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespacesAndNewlines) }),
              let id = header.firstIndex(of: "id"), let cat = header.firstIndex(of: "category"), let prot = header.firstIndex(of: "protected") else {
            throw ValidationError("\(path):1: the header needs id, category and protected columns")
        }
        let split = header.firstIndex(of: "split")
        for (n, line) in lines.enumerated().dropFirst() where !line.isEmpty {
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            guard f.count >= header.count else { throw ValidationError("\(path):\(n + 1): \(f.count) fields, the header has \(header.count)") }
            let category: ThreatCategory?
            if f[cat] == "none" || f[cat].isEmpty { category = nil }
            else if let c = ThreatCategory(rawValue: f[cat]) { category = c }
            else { throw ValidationError("\(path):\(n + 1): field category: unknown category \"\(f[cat])\"") }
            guard ["yes", "no"].contains(f[prot]) else { throw ValidationError("\(path):\(n + 1): field protected: must be yes or no") }
            out[f[id]] = Gold(category: category, protected: f[prot] == "yes", split: split.map { f[$0] } ?? "all")
        }
        return out
    }
}
