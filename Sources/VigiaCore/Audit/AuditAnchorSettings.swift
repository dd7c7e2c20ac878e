import Foundation

/// Where the audit chain is anchored outside the database, and how often.
public struct AuditAnchorSettings: Sendable, Equatable {
    /// The Ed25519 signing key: base64 of its 32 raw bytes, in a file only
    /// its owner may read (0600). Created there when missing.
    public var keyPath: String
    /// The append-only log of signed checkpoints (JSON lines).
    public var logPath: String
    /// A checkpoint after this many records since the last one…
    public var everyRecords: Int
    /// …or this long after it, whichever comes first (checked at each append).
    public var everySeconds: TimeInterval
    /// Also send each checkpoint to syslog (a no-op where none listens).
    public var syslog: Bool

    public init(keyPath: String, logPath: String, everyRecords: Int = 100, everySeconds: TimeInterval = 600, syslog: Bool = true) {
        self.keyPath = keyPath
        self.logPath = logPath
        self.everyRecords = max(1, everyRecords)
        self.everySeconds = max(1, everySeconds)
        self.syslog = syslog
    }

    /// `VIGIA_AUDIT_KEY` (default `$XDG_CONFIG_HOME/vigia/audit-signing.key`),
    /// `VIGIA_AUDIT_CHECKPOINTS` (default: the database path + `.checkpoints`),
    /// `VIGIA_AUDIT_CHECKPOINT_RECORDS` and `VIGIA_AUDIT_CHECKPOINT_MINUTES`.
    public static func standard(databasePath: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> AuditAnchorSettings {
        let config: String
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") { config = xdg } else {
            config = ((environment["HOME"] ?? NSHomeDirectory()) as NSString).appendingPathComponent(".config")
        }
        let key = environment["VIGIA_AUDIT_KEY"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((config as NSString).appendingPathComponent("vigia") as NSString).appendingPathComponent("audit-signing.key")
        let log = environment["VIGIA_AUDIT_CHECKPOINTS"].flatMap { $0.isEmpty ? nil : $0 } ?? databasePath + ".checkpoints"
        let records = environment["VIGIA_AUDIT_CHECKPOINT_RECORDS"].flatMap(Int.init).map { min(max($0, 1), 1_000_000) } ?? 100
        let minutes = environment["VIGIA_AUDIT_CHECKPOINT_MINUTES"].flatMap(Double.init).map { min(max($0, 0.1), 10_080) } ?? 10
        return AuditAnchorSettings(keyPath: key, logPath: log, everyRecords: records, everySeconds: minutes * 60)
    }
}
