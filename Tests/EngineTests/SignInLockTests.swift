import Foundation
import Testing
@testable import Engine
import VigiaCore

/// Passphrase guessing is slowed down and every attempt is audited.
@Suite("Sign-in lock")
struct SignInLockTests {
    @Test("five failures lock a name (even with the right passphrase); the lock doubles, lapses, and is audited")
    func locks() throws {
        let f = try EngineFixture()
        _ = try f.admin()
        let clock = ManualTimeSource(Date(timeIntervalSince1970: 1_542_301_200))
        let engine = try Engine(databasePath: f.databasePath, clock: clock)
        for _ in 0..<5 { #expect(throws: EngineError.signInFailed(name: "root")) { _ = try engine.signIn(name: "root", passphrase: "guess-guess") } }
        #expect(throws: EngineError.signInLocked(name: "root", retryAfterSeconds: 30)) { _ = try engine.signIn(name: "root", passphrase: "root-passphrase") }
        clock.set(clock.now().addingTimeInterval(31))
        #expect(throws: EngineError.signInFailed(name: "root")) { _ = try engine.signIn(name: "root", passphrase: "guess-again") }
        #expect(throws: EngineError.signInLocked(name: "root", retryAfterSeconds: 60), "the 6th failure doubles the lock") {
            _ = try engine.signIn(name: "root", passphrase: "root-passphrase")
        }
        clock.set(clock.now().addingTimeInterval(61))
        #expect(try engine.signIn(name: "root", passphrase: "root-passphrase").role == .admin)
        // A success clears the count.
        #expect(throws: EngineError.signInFailed(name: "root")) { _ = try engine.signIn(name: "root", passphrase: "guess-guess") }
        #expect(try engine.signIn(name: "root", passphrase: "root-passphrase").name == "root")
        let actions = try engine.audit.records(from: nil, to: nil).map(\.action)
        #expect(actions.filter { $0 == "login.locked" }.count == 2 && actions.filter { $0 == "login.failed" }.count == 7)

        // Unknown names lock the same way, so a lock says nothing about who exists.
        for _ in 0..<5 { _ = try? engine.signIn(name: "nobody", passphrase: "whatever-1") }
        #expect(throws: EngineError.signInLocked(name: "nobody", retryAfterSeconds: 30)) { _ = try engine.signIn(name: "nobody", passphrase: "whatever-1") }
        // Other names are not affected.
        #expect(try engine.signIn(name: "root", passphrase: "root-passphrase").name == "root")
    }
}
