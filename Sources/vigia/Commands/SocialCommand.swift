import ArgumentParser
import Engine
import Foundation

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
            let alert = try engine.perform(.reviewFlag(id, credible: credible, reason: reason), by: try signIn.signIn(engine, purpose: "reviewing a flag")).raisedAlert
            print(credible ? "flag \(id): credible; alert #\(alert ?? 0) raised" : "flag \(id): not credible; deleted, only a count remains")
        }
    }

    struct Config: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check (and with --load, store) the social feed configuration.",
            discussion: "Allowed keys: \(Engine.socialConfigKeys.joined(separator: ", ")). Following handles, filtering by hashtag or keyword and geofencing places are refused (safeguard 6).")
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
                let count = try Engine.checkSocialConfig(text: text, source: file)
                print("\(file): \(count) settings, all allowed")
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
            let handle: FileHandle
            if let input {
                guard let h = FileHandle(forReadingAtPath: input) else { throw ValidationError("\(input): cannot read the file") }
                handle = h
            } else { handle = .standardInput }
            let out = FileHandle.standardOutput
            let bad = try PostClassifyRun.run(handle, source: input ?? "stdin", lang: lang,
                                              output: { out.write(Data($0.utf8)) }, warning: { Output.warning($0) })
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
            if let textColumn, let posts {
                let run = try SocialEvaluationRun.table(posts, textColumn: textColumn, labelColumn: labelColumn, contextColumns: contextColumns,
                                                        groupColumn: groupColumn, useContext: !noContext)
                print(format == .json ? try Output.json(run.evaluation) : run.text(examples: examples))
                return
            }
            guard let labels else { return }
            let evaluation = try SocialEvaluationRun.labelled(labels: labels, posts: posts, split: split)
            print(format == .json ? try Output.json(evaluation) : SocialEvaluationRun.text(evaluation, split: split))
        }
    }
}
