import Foundation
import Testing

/// Reads go through the engine's role checks too (issue 19): `alerts list`
/// and `alerts show` read as the operator `--operator` names, signed in,
/// or else as the audited system actor, never by reaching into storage.
@Suite("Reads as the signed-in operator")
struct ReadAsOperatorTests {
    @Test("alerts list and show with --operator sign in first: a wrong passphrase reads nothing, the right one is audited as a login")
    func alertReadsSignIn() throws {
        let room = try Room()
        let now = Date().timeIntervalSince1970.rounded()
        let file = try room.scratch.write("one.jsonl", FeedDefectTests.motorcycle(at: now, track: "r1") + "\n")
        #expect(try room.run(["ingest", "--events", file, "--events-format", "frigate"]).status == 0)
        let id = try room.count("SELECT id FROM alert LIMIT 1")
        #expect(id > 0)

        for args in [["alerts", "list"], ["alerts", "show", String(id)]] {
            let wrong = try room.run(args + ["--operator", "dina"], as: "nobody")
            #expect(wrong.status != 0, "\(args) read with a wrong passphrase: \(wrong.stdout)")
            #expect(wrong.stderr.contains("sign-in") || wrong.stderr.contains("passphrase"), "\(wrong.stderr)")
            #expect(!wrong.stdout.contains("#\(id)") && !wrong.stdout.contains("alert \(id):"), "\(wrong.stdout)")

            let right = try room.run(args + ["--operator", "dina"], as: "dina")
            #expect(right.status == 0, "\(right.stderr)")
            #expect(right.stdout.contains("\(id)"), "\(right.stdout)")

            let system = try room.run(args)
            #expect(system.status == 0, "\(system.stderr)")
            #expect(system.stdout == right.stdout, "the system actor reads the same queue")
        }
        let logins = try room.count("SELECT count(*) FROM audit_log WHERE action = 'login' AND operator = 'dina'")
        #expect(logins == 2, "one audited sign-in per read that named dina, got \(logins)")
    }
}
