import ArgumentParser
import Console

/// Prints the console's key table, from the one key registry.
struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "keys", abstract: "The console's keys, from the key registry.")
    @ArgumentParser.Flag(help: "As the README's Markdown table.") var markdown = false

    func run() {
        if markdown { print(KeyRegistry.markdownTable()); return }
        for b in KeyRegistry.bindings {
            print("\(b.keyLabel.padding(toLength: 12, withPad: " ", startingAt: 0)) \((b.context?.rawValue ?? "anywhere").padding(toLength: 9, withPad: " ", startingAt: 0)) \(b.english)")
        }
    }
}
