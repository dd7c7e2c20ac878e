import Crypto
import Foundation
import Synchronization
import VigiaCore

/// Signs the chain's head into a checkpoint log outside the database, every
/// N records or M minutes. A process that cannot read the key (another
/// user's) writes no checkpoints and says why in `problem`; the feed worker
/// that owns the key keeps them.
public final class AuditAnchor: Sendable {
    public let settings: AuditAnchorSettings
    /// The key's raw bytes (the key type itself is not `Sendable`).
    private let keyBytes: Data?
    private let keyProblem: String?
    private var key: Curve25519.Signing.PrivateKey? { keyBytes.flatMap { try? Curve25519.Signing.PrivateKey(rawRepresentation: $0) } }
    private let state = Mutex<State>(State())

    private struct State {
        var loaded = false
        var last: (sequence: Int64, written: Date)?
        var problem: String?
    }

    public init(settings: AuditAnchorSettings) {
        self.settings = settings
        do {
            keyBytes = try Self.loadOrCreateKey(at: settings.keyPath).rawRepresentation
            keyProblem = nil
        } catch {
            keyBytes = nil
            keyProblem = "\(error)"
        }
    }

    /// The public half of the signing key, base64 of its raw bytes.
    public var publicKey: String? { key?.publicKey.rawRepresentation.base64EncodedString() }

    /// Why checkpoints are not being written, if they are not.
    public var problem: String? { keyProblem ?? state.withLock { $0.problem } }

    /// Called after a commit that appended `record`: writes a checkpoint when one is due.
    func committed(_ record: AuditRecord, now: Date) {
        guard keyBytes != nil else { return }
        let due = state.withLock { s -> Bool in
            if !s.loaded { s.last = Self.lastCheckpoint(in: settings.logPath); s.loaded = true }
            guard let last = s.last else { return true }
            return record.sequence - last.sequence >= Int64(settings.everyRecords) || now.timeIntervalSince(last.written) >= settings.everySeconds
        }
        guard due else { return }
        // Another process may have written one meanwhile: read the log's end again before signing.
        if let other = Self.lastCheckpoint(in: settings.logPath), record.sequence - other.sequence < Int64(settings.everyRecords),
           now.timeIntervalSince(other.written) < settings.everySeconds, other.sequence <= record.sequence {
            state.withLock { $0.last = other }
            return
        }
        do { _ = try checkpoint(record, now: now) } catch { state.withLock { $0.problem = "\(error)" } }
    }

    /// Signs `record` as the chain's head and appends it to the log (and syslog).
    @discardableResult
    public func checkpoint(_ record: AuditRecord, now: Date = Date()) throws -> AuditCheckpoint {
        guard let key else { throw AnchorError(path: settings.keyPath, reason: keyProblem ?? "no key") }
        let checkpoint = try AuditCheckpoint.signing(sequence: record.sequence, hash: record.hash, recordTimeMicros: record.timeMicros,
                                                     writtenAt: now, key: key)
        try Self.append(checkpoint.line + "\n", to: settings.logPath)
        if settings.syslog { Self.sendToSyslog(checkpoint.line) }
        state.withLock { $0.last = (record.sequence, now); $0.loaded = true; $0.problem = nil }
        return checkpoint
    }

    /// The lines of a checkpoint log.
    public static func readLog(at path: String) throws -> [Substring] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw AnchorError(path: path, reason: FileManager.default.fileExists(atPath: path) ? "cannot read it" : "there is no such file")
        }
        return String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// The newest checkpoint at the end of the log, read from its last 16 KiB.
    static func lastCheckpoint(in path: String) -> (sequence: Int64, written: Date)? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        let size = (try? handle.seekToEnd()) ?? 0
        try? handle.seek(toOffset: size > 16_384 ? size - 16_384 : 0)
        let tail = String(decoding: handle.readDataToEndOfFile(), as: UTF8.self)
        for line in tail.split(separator: "\n").reversed() {
            if let c = AuditCheckpoint.parse(line: line) {
                return (c.sequence, Date(timeIntervalSince1970: Double(c.writtenMicros) / 1_000_000))
            }
        }
        return nil
    }

    /// One write with O_APPEND (whole lines from many processes never
    /// interleave), then fsync.
    static func append(_ text: String, to path: String) throws {
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw AnchorError(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
        guard written == bytes.count else { throw AnchorError(path: path, reason: written < 0 ? String(cString: strerror(errno)) : "short write") }
        guard fsync(fd) == 0 else { throw AnchorError(path: path, reason: String(cString: strerror(errno))) }
    }

    static func sendToSyslog(_ line: String) {
        openlog("vigia", LOG_PID, LOG_AUTH)
        withVaList([line]) { vsyslog(LOG_NOTICE, "audit checkpoint %s", $0) }
    }

    /// Reads the key; creates one (0600, in a 0700 folder) when the file is
    /// missing. A key others may read is refused, as ssh refuses such keys.
    static func loadOrCreateKey(at path: String) throws -> Curve25519.Signing.PrivateKey {
        var info = stat()
        if lstat(path, &info) != 0 {
            guard errno == ENOENT else { throw AnchorError(path: path, reason: String(cString: strerror(errno))) }
            try create(at: path)
            guard lstat(path, &info) == 0 else { throw AnchorError(path: path, reason: String(cString: strerror(errno))) }
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw AnchorError(path: path, reason: "not a regular file") }
        guard info.st_mode & 0o077 == 0 else {
            throw AnchorError(path: path, reason: "others may read it (mode \(String(info.st_mode & 0o777, radix: 8))); chmod 600 it")
        }
        guard let data = FileManager.default.contents(atPath: path) else { throw AnchorError(path: path, reason: "cannot read it") }
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let raw = Data(base64Encoded: text), let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: raw) else {
            throw AnchorError(path: path, reason: "not an Ed25519 key (base64 of 32 bytes)")
        }
        return key
    }

    /// Writes a new key beside `path` and links it into place, so that a
    /// reader never sees half a key and two processes cannot both create one.
    static func create(at path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty, !FileManager.default.fileExists(atPath: folder) {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
        let temporary = path + ".new-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw AnchorError(path: path, reason: String(cString: strerror(errno))) }
        defer { unlink(temporary) }
        fchmod(fd, 0o600)
        let bytes = Array((Curve25519.Signing.PrivateKey().rawRepresentation.base64EncodedString() + "\n").utf8)
        let written = bytes.withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
        let synced = fsync(fd) == 0
        close(fd)
        guard written == bytes.count, synced else { throw AnchorError(path: path, reason: "cannot write the new key") }
        if link(temporary, path) != 0 && errno != EEXIST { throw AnchorError(path: path, reason: String(cString: strerror(errno))) }
    }
}

/// Why the anchor could not sign or write.
public struct AnchorError: Error, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "\(path): \(reason)" }
}
