import ArgumentParser
import Engine
import Foundation

/// `vigia handover`: the note one shift leaves for the next, and the notes a
/// shift was left (the console shows them at sign-in).
struct HandoverCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "handover", abstract: "The shift handover note: write one for the next shift, or show the ones this shift was left.",
        subcommands: [Show.self, Write.self], defaultSubcommand: Show.self)

    struct Write: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Leave a note for the next shift (open matters, a camera to watch, a call to return).",
            discussion: "Needs an operator who handles alerts. Stored with who and when, audited (shift.handover, with the text's SHA-256), shown to the next shift's operators when they sign in to the console. At most 4,000 bytes; kept as long as closed alerts (retention).")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var signIn: SignInOptions
        @Option(help: "The note.") var text: String
        func run() throws {
            let engine = try database.openEngine()
            try engine.perform(.handover(text), by: try signIn.signIn(engine, purpose: "writing a handover note"))
            print("handover note saved: the next shift sees it at sign-in")
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The notes written since the previous shift began, newest first (at most 10).")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var signIn: SignInOptions
        @Option(help: "As at this time (default: now), e.g. 2018-11-15T22:05.") var at: String?
        @Option(help: "text or json") var format: OutputFormat = .text
        func run() throws {
            let engine = try database.openEngine()
            let instant = try at.map { try TimeParser.instant($0, in: engine.timeZone) }
            let notes = try engine.handoverNotes(at: instant, as: try signIn.reader(engine, purpose: "reading the handover notes"))
            if format == .json { print(try Output.json(notes)); return }
            if notes.isEmpty { print("no handover notes since the previous shift began"); return }
            let f = TimestampFormatter(timeZone: engine.timeZone)
            for n in notes {
                print("\(f.string(from: n.at))  \(TerminalSafe.line(n.operatorName, limit: 64))")
                for line in TerminalSafe.text(n.text).split(separator: "\n", omittingEmptySubsequences: false) { print("  \(line)") }
            }
        }
    }
}
