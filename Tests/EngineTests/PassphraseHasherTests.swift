import Foundation
import Testing
@testable import Engine

@Suite("Passphrases")
struct PassphraseTests {
    @Test("a salted hash verifies the right passphrase only, and differs each time")
    func hashing() throws {
        let a = try PassphraseHasher.hash("correct horse", rounds: 1_000)
        let b = try PassphraseHasher.hash("correct horse", rounds: 1_000)
        #expect(a != b)
        #expect(a.hasPrefix("pbkdf2-sha256$1000$"))
        #expect(PassphraseHasher.verify("correct horse", against: a) == true)
        #expect(PassphraseHasher.verify("correct horsE", against: a) == false)
        #expect(PassphraseHasher.verify("x", against: "md5$abc") == nil)
    }

    @Test("the default cost is the OWASP figure for PBKDF2-SHA256")
    func cost() {
        #expect(PassphraseHasher.rounds >= 600_000)
    }
}
