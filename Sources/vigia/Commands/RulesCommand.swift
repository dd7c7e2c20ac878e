import ArgumentParser
import Engine
import Foundation

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules", abstract: "Check and load camera alert rules (loading: supervisor or admin).",
        subcommands: [Check.self, Load.self, Show.self])

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Validate a rules file; every problem with its line.")
        @Argument(help: "The rules file.", completion: .file()) var file: String
        func run() throws {
            let ids = try Engine.checkRules(text: try RulesCommand.read(file), file: file)
            print("\(file): \(ids.count) rules valid: " + ids.joined(separator: ", "))
        }
    }

    struct Load: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Validate and store the rules; the change is audited.")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var signIn: SignInOptions
        @Argument(help: "The rules file.", completion: .file()) var file: String
        func run() throws {
            let engine = try database.openEngine()
            let principal = try signIn.signIn(engine, purpose: "loading rules")
            let text = try RulesCommand.read(file)
            let rules = try engine.loadRules(text: text, source: URL(fileURLWithPath: file).lastPathComponent, by: principal)
            print("loaded \(rules.count) rules from \(file)")
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the stored rules.")
        @OptionGroup var database: DatabaseOptions
        func run() throws {
            guard let rules = try database.openEngine().currentRules() else { print("no rules loaded"); return }
            for r in rules {
                print("\(r.id)\t\(r.kind.rawValue)\tpriority \(r.priority)\tcool-down \(Int(r.cooldownSeconds)) s\t\(r.procedure)")
            }
        }
    }

    static func read(_ file: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: file) else { throw ValidationError("\(file): cannot read the file") }
        guard let text = String(data: data, encoding: .utf8) else { throw ValidationError("\(file): not UTF-8 text") }
        return text
    }

}
