import ArgumentParser
import Engine
import Foundation

struct QuarantineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quarantine", abstract: "List rejected input with its file, line and reason.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var signIn: SignInOptions
    @Option(help: "Only this feed (incidents, …).") var feed: String?
    @Option(help: "At most this many rows.") var limit: Int = 50
    @Option(help: "text or json") var format: OutputFormat = .text

    func run() throws {
        let engine = try database.openEngine()
        let principal = try signIn.signIn(engine, purpose: "reading the quarantine")
        let items = try engine.quarantined(feed: feed, limit: limit, as: principal)
        for q in items {
            if format == .json {
                print(CanonicalJSON.object([
                    "feed": .string(q.feed), "source": .string(q.source), "line": .int(Int64(q.line)),
                    "field": q.field.map(CanonicalJSON.string) ?? .null, "reason": .string(q.reason),
                    "excerpt": .string(q.excerpt),
                ]).text)
            } else {
                print("\(q.source):\(q.line)\(q.field.map { " (\($0))" } ?? ""): \(q.reason)")
            }
        }
    }
}
