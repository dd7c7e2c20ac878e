import ArgumentParser
import Engine
import Foundation

struct OperatorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "operator", abstract: "Manage the people who can sign in.",
        discussion: "Names are 2–32 ASCII characters (a letter, then letters, digits, '.', '_', '-'), unique ignoring case and look-alikes.",
        subcommands: [Add.self, List.self, Deactivate.self, Reactivate.self, Unlock.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add an operator (admin only; the first operator of a new database must be an admin).",
            discussion: "The new operator's passphrase is read from VIGIA_NEW_PASSPHRASE or asked for twice. Only this command creates a database at --db when none is there (for the first admin).")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var signIn: SignInOptions
        @Argument(help: "The operator's name.") var name: String
        @Option(help: "dispatcher, supervisor, auditor or admin") var role: String

        func run() throws {
            guard let role = Role(rawValue: role), Role.assignable.contains(role) else {
                throw ValidationError("unknown role \"\(role)\"; use dispatcher, supervisor, auditor or admin")
            }
            let engine = try database.openEngine(create: signIn.operatorName == nil)
            let principal = try engine.awaitsFirstAdmin() && signIn.operatorName == nil
                ? nil : try signIn.signIn(engine, purpose: "adding an operator")
            let passphrase = try Self.newPassphrase(for: name)
            try engine.addOperator(name: name, role: role, passphrase: passphrase, by: principal)
            print(principal == nil
                  ? "\(name) added as the first admin of \(engine.location)"
                  : "\(name) added as \(role.rawValue)")
        }

        static func newPassphrase(for name: String) throws -> String {
            if let value = ProcessInfo.processInfo.environment["VIGIA_NEW_PASSPHRASE"] { return value }
            let first = try Passphrase.read(prompt: "New passphrase for \(name): ", environmentKey: "VIGIA_NEW_PASSPHRASE")
            let second = try Passphrase.read(prompt: "Repeat it: ", environmentKey: "VIGIA_NEW_PASSPHRASE")
            guard first == second else { throw ValidationError("the two passphrases differ") }
            return first
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List operators and their roles.")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var signIn: SignInOptions
        @Option(help: "text or json") var format: OutputFormat = .text

        func run() throws {
            let engine = try database.openEngine()
            let principal = try signIn.signIn(engine, purpose: "listing operators")
            let list = try engine.listOperators(by: principal)
            if format == .json {
                print(try Output.json(list))
            } else {
                for op in list { print("\(op.name)\t\(op.role.rawValue)\(op.active ? "" : "\t(inactive)")") }
            }
        }
    }

    struct Deactivate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Deactivate an operator who left (admin; audited): they cannot sign in, their history stays.")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var signIn: SignInOptions
        @Argument(help: "The operator's name.") var name: String
        @Option(help: "Why.") var reason: String
        func run() throws {
            let engine = try database.openEngine()
            try engine.setOperatorActive(name: name, active: false, reason: reason, by: try signIn.signIn(engine, purpose: "deactivating an operator"))
            print("\(name) deactivated")
        }
    }

    struct Reactivate: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Reactivate an operator (admin; audited).")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var signIn: SignInOptions
        @Argument(help: "The operator's name.") var name: String
        @Option(help: "Why.") var reason: String
        func run() throws {
            let engine = try database.openEngine()
            try engine.setOperatorActive(name: name, active: true, reason: reason, by: try signIn.signIn(engine, purpose: "reactivating an operator"))
            print("\(name) reactivated")
        }
    }

    struct Unlock: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Clear a name's counted sign-in failures (admin; audited), when a guesser has locked it.")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var signIn: SignInOptions
        @Argument(help: "The operator's name.") var name: String
        func run() throws {
            let engine = try database.openEngine()
            let n = try engine.unlockOperator(name: name, by: try signIn.signIn(engine, purpose: "unlocking an operator"))
            print("\(name): \(n) counted failures cleared")
        }
    }
}
