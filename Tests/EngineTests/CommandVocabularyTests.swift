import Foundation
import Testing
@testable import Engine
import VigiaCore

/// One command vocabulary (issue 19): every action the console's keys and the
/// CLI's subcommands take is a `Command`, checked by `Engine.perform` against
/// the permission it names before anything is looked up.
@Suite("Command vocabulary")
struct CommandVocabularyTests {
    static let commands: [Command] = [
        .alert(9, .acknowledge), .alert(9, .dispatch), .alert(9, .hold), .alert(9, .resume),
        .alert(9, .close(.falseAlarm, note: nil)), .alert(9, .closeOverriding(.falseAlarm, note: nil, reason: "camera replaced")),
        .alert(9, .snooze(minutes: 5)), .alert(9, .forward(to: "sergio", message: "look")), .alert(9, .tickStep(1)), .alert(9, .note("red car")),
        .undo(alert: 9), .closeAll([9], .falseAlarm, reason: "staff"),
        .decideHit(9, confirm: true, reason: "same face"), .decideHit(9, confirm: false, reason: "not him"), .dispatchHit(9),
        .reviewFlag(9, credible: true, reason: "names a place"), .reviewFlag(9, credible: false, reason: "a joke"),
    ]

    @Test("each role is refused exactly the commands whose permission it lacks, before the item is looked up")
    func permissionMatrix() throws {
        let f = try EngineFixture()
        let root = try f.admin()
        var people: [Principal] = [root]
        for (name, role) in [("dina", Role.dispatcher), ("sergio", .supervisor), ("ana", .auditor)] {
            try f.engine.addOperator(name: name, role: role, passphrase: "\(name)-passphrase-1", by: root)
            people.append(try f.engine.signIn(name: name, passphrase: "\(name)-passphrase-1"))
        }
        var refusedAuditor = 0
        for who in people {
            for command in Self.commands {
                do {
                    let outcome = try f.engine.perform(command, by: who)
                    // A bulk close reports each alert it could not close instead of failing as a whole.
                    #expect(outcome.bulkClose?.refused.map(\.alert) == [9], "\(command) on a missing item went through for \(who.role)")
                    #expect(who.role.allows(command.permission))
                } catch EngineError.forbidden(_, let role, let permission) {
                    #expect(role == who.role)
                    #expect(permission == command.permission, "\(command)")
                    #expect(!who.role.allows(command.permission), "\(who.role) was refused \(command) though it has \(permission)")
                    if who.role == .auditor { refusedAuditor += 1 }
                } catch {
                    // Allowed, so it got as far as looking the item up: there is none.
                    #expect(who.role.allows(command.permission), "\(who.role) got past the role check for \(command): \(error)")
                }
            }
        }
        #expect(refusedAuditor == Self.commands.count, "an auditor reads; it acts on nothing")
        #expect(!Role.dispatcher.allows(Command.alert(9, .closeOverriding(.falseAlarm, note: nil, reason: "x")).permission))
    }

    @Test("each command names the audit action it writes, from the one AuditAction vocabulary; only alert actions within 10 s undo")
    func auditActions() {
        // Each command writes an action of its own: an auditor can tell every one apart.
        #expect(Set(Self.commands.map(\.auditAction)).count == Self.commands.count)
        #expect(Command.alert(1, .closeOverriding(.falseAlarm, note: nil, reason: "r")).auditAction == .alertCloseOverride)
        #expect(Command.decideHit(1, confirm: false, reason: "r").auditAction == .hitReject)
        #expect(Self.commands.filter(\.undoable).map(\.auditAction) == [.alertAcknowledge, .alertClose, .alertSnooze, .alertForward])
        // The raw values are the dotted verbs the chain has always stored.
        #expect(AuditAction.allCases.allSatisfy { $0.rawValue.range(of: #"^[a-z_]+(\.[a-z_]+)*$"#, options: .regularExpression) != nil })
        #expect(Set(AuditAction.allCases.map(\.rawValue)).count == AuditAction.allCases.count)
    }
}
