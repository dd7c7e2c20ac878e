import Crypto
import Foundation

/// A signed statement that the audit chain had `sequence` records ending in
/// `hash` at `time` (safeguard 9, anchored outside the database). Signed with
/// Ed25519 by a key kept outside the database, and appended to a log outside
/// it, so that whoever can rewrite the database file cannot also rewrite what
/// the checkpoints say unnoticed (unless they hold the key too).
public struct AuditCheckpoint: Hashable, Sendable {
    public static let version = 1

    public var sequence: Int64
    public var hash: String
    /// The time of record `sequence`, microseconds since the epoch.
    public var recordTimeMicros: Int64
    /// When the checkpoint was written (wall clock), microseconds since the epoch.
    public var writtenMicros: Int64
    /// The signer's Ed25519 public key, base64 of its 32 raw bytes.
    public var publicKey: String
    /// Base64 of the 64-byte Ed25519 signature over `signedText`.
    public var signature: String

    public init(sequence: Int64, hash: String, recordTimeMicros: Int64, writtenMicros: Int64, publicKey: String, signature: String) {
        self.sequence = sequence
        self.hash = hash
        self.recordTimeMicros = recordTimeMicros
        self.writtenMicros = writtenMicros
        self.publicKey = publicKey
        self.signature = signature
    }

    /// The exact bytes the signature covers.
    public var signedText: String {
        "vigia-audit-checkpoint v\(Self.version)\n\(sequence)\n\(hash)\n\(recordTimeMicros)\n\(writtenMicros)"
    }

    /// Signs the head `(sequence, hash)` of a chain with `key`.
    public static func signing(sequence: Int64, hash: String, recordTimeMicros: Int64, writtenAt: Date,
                               key: Curve25519.Signing.PrivateKey) throws -> AuditCheckpoint {
        var c = AuditCheckpoint(sequence: sequence, hash: hash, recordTimeMicros: recordTimeMicros,
                                writtenMicros: Int64((writtenAt.timeIntervalSince1970 * 1_000_000).rounded()),
                                publicKey: key.publicKey.rawRepresentation.base64EncodedString(), signature: "")
        c.signature = try key.signature(for: Data(c.signedText.utf8)).base64EncodedString()
        return c
    }

    /// True when the signature is valid for `key` (or for the key the line names, when `key` is nil).
    public func isValid(for key: Curve25519.Signing.PublicKey? = nil) -> Bool {
        guard let signature = Data(base64Encoded: signature) else { return false }
        let signer: Curve25519.Signing.PublicKey
        if let key {
            guard key.rawRepresentation.base64EncodedString() == publicKey else { return false }
            signer = key
        } else {
            guard let raw = Data(base64Encoded: publicKey), let named = try? Curve25519.Signing.PublicKey(rawRepresentation: raw) else { return false }
            signer = named
        }
        return signer.isValidSignature(signature, for: Data(signedText.utf8))
    }

    /// One JSON line for the checkpoint log.
    public var line: String {
        CanonicalJSON.object([
            "v": .int(Int64(Self.version)), "seq": .int(sequence), "hash": .string(hash), "record_time_us": .int(recordTimeMicros),
            "written_us": .int(writtenMicros), "public_key": .string(publicKey), "signature": .string(signature),
        ]).text
    }

    /// Reads one line of the checkpoint log; nil when it is not one.
    public static func parse(line: Substring) -> AuditCheckpoint? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
              (object["v"] as? NSNumber)?.intValue == version,
              let seq = (object["seq"] as? NSNumber)?.int64Value, let hash = object["hash"] as? String,
              let recordTime = (object["record_time_us"] as? NSNumber)?.int64Value,
              let written = (object["written_us"] as? NSNumber)?.int64Value,
              let key = object["public_key"] as? String, let signature = object["signature"] as? String else { return nil }
        return AuditCheckpoint(sequence: seq, hash: hash, recordTimeMicros: recordTime, writtenMicros: written, publicKey: key, signature: signature)
    }

    /// The first 16 hex digits of SHA-256 of the public key: how a report names the key.
    public static func fingerprint(ofPublicKey base64: String) -> String {
        let digest = SHA256.hash(data: Data(base64: base64))
        return digest.prefix(8).map { String(format: "%02x", $0) }.joined()
    }
}

extension AuditCheckpoint {
    /// Whether `base64` is an Ed25519 public key (32 raw bytes).
    public static func isPublicKey(_ base64: String) -> Bool {
        Data(base64Encoded: base64).flatMap { try? Curve25519.Signing.PublicKey(rawRepresentation: $0) } != nil
    }
}

/// How the stored chain compares with a checkpoint log.
public struct CheckpointCheck: Hashable, Sendable {
    public enum Problem: String, Hashable, Sendable {
        /// The line is not a checkpoint or its signature does not verify.
        case badSignature = "bad_signature"
        /// The chain has no record at the checkpoint's sequence: it was cut short or wiped.
        case missing
        /// The record at the checkpoint's sequence has another hash: the chain was rewritten.
        case rewritten
    }

    public struct Failure: Hashable, Sendable {
        /// 1-based line of the checkpoint log.
        public var line: Int
        public var sequence: Int64?
        public var problem: Problem
    }

    public var checkpoints: Int
    /// Checkpoints whose mismatch an `audit.repair` record explains.
    public var acknowledged: Int
    public var firstFailure: Failure?
    /// The newest valid checkpoint.
    public var latest: AuditCheckpoint?

    public var holds: Bool { firstFailure == nil }

    /// Compares `lines` of a checkpoint log with the chain's hashes by
    /// sequence. A checkpoint must name a record the chain still has, with the
    /// same hash, unless a repair acknowledged the loss of the records it names.
    public static func check(lines: [Substring], chainHashes: [Int64: String], repairs: [AuditRepair],
                             trustedKey base64: String?) -> CheckpointCheck {
        let trustedKey = base64.flatMap { Data(base64Encoded: $0) }.flatMap { try? Curve25519.Signing.PublicKey(rawRepresentation: $0) }
        var result = CheckpointCheck(checkpoints: 0, acknowledged: 0, firstFailure: nil, latest: nil)
        for (i, raw) in lines.enumerated() {
            let text = raw.trimmingCharacters(in: .whitespaces)
            if text.isEmpty { continue }
            guard let c = AuditCheckpoint.parse(line: Substring(text)), c.isValid(for: trustedKey) else {
                if result.firstFailure == nil { result.firstFailure = Failure(line: i + 1, sequence: nil, problem: .badSignature) }
                continue
            }
            result.checkpoints += 1
            if result.latest.map({ c.sequence >= $0.sequence }) ?? true { result.latest = c }
            let stored = chainHashes[c.sequence]
            if stored == c.hash { continue }
            // A chain cut short and then repaired reuses the lost sequence numbers:
            // the repair's record number and the head it found bracket them.
            if repairs.contains(where: { r in r.record <= c.sequence && (r.headBeforeSequence ?? 0) >= c.sequence }) {
                result.acknowledged += 1
                continue
            }
            if result.firstFailure == nil {
                result.firstFailure = Failure(line: i + 1, sequence: c.sequence, problem: stored == nil ? .missing : .rewritten)
            }
        }
        return result
    }
}

private extension Data {
    init(base64: String) { self = Data(base64Encoded: base64) ?? Data() }
}
