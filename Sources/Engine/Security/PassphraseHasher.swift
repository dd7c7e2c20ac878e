import _CryptoExtras
import Crypto
import Foundation

/// Salted, deliberately slow passphrase hashes: PBKDF2-HMAC-SHA256 with
/// 600,000 rounds (OWASP's 2023 figure), stored as
/// `pbkdf2-sha256$ROUNDS$SALT_B64$HASH_B64` so the cost can rise later.
enum PassphraseHasher {
    static let rounds = 600_000
    static let minimumLength = 8
    /// A well-formed hash of no passphrase anyone knows, at the standard
    /// cost: checked against for names that do not exist, so that an unknown
    /// name takes as long as a wrong passphrase.
    static let decoy = "pbkdf2-sha256$\(rounds)$9BXiS+nTT4rPqapimV0YTQ==$JxeCjrIRtO1ozDOZZk6DXv8lxx3ivS244hcHCwWPUVM="

    static func hash(_ passphrase: String, rounds: Int = PassphraseHasher.rounds) throws -> String {
        var salt = [UInt8](repeating: 0, count: 16)
        var rng = SystemRandomNumberGenerator()
        for i in salt.indices { salt[i] = UInt8.random(in: 0...255, using: &rng) }
        let key = try derive(passphrase, salt: salt, rounds: rounds)
        return "pbkdf2-sha256$\(rounds)$\(Data(salt).base64EncodedString())$\(key.base64EncodedString())"
    }

    /// True when `passphrase` matches; nil when `stored` is not a hash this version reads.
    static func verify(_ passphrase: String, against stored: String) -> Bool? {
        let parts = stored.split(separator: "$").map(String.init)
        guard parts.count == 4, parts[0] == "pbkdf2-sha256", let rounds = Int(parts[1]), rounds >= 1,
              let salt = Data(base64Encoded: parts[2]), let expected = Data(base64Encoded: parts[3]),
              let key = try? derive(passphrase, salt: Array(salt), rounds: rounds) else { return nil }
        // Constant-time comparison.
        guard key.count == expected.count else { return false }
        var diff: UInt8 = 0
        for (a, b) in zip(key, expected) { diff |= a ^ b }
        return diff == 0
    }

    private static func derive(_ passphrase: String, salt: [UInt8], rounds: Int) throws -> Data {
        let key = try KDF.Insecure.PBKDF2.deriveKey(from: Array(passphrase.utf8), salt: salt, using: .sha256,
                                                    outputByteCount: 32, unsafeUncheckedRounds: rounds)
        return key.withUnsafeBytes { Data($0) }
    }
}
