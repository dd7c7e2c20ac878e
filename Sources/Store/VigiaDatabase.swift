import Foundation
import GRDB
import Synchronization
import VigiaCore

/// The one SQLite file that holds everything: opened in WAL mode, created
/// readable by its owner only (0600), migrated to the current schema.
public final class VigiaDatabase: Sendable {
    public let path: String
    public let clock: any TimeSource
    /// Signs the audit chain's head outside the file, when configured.
    public let anchor: AuditAnchor?
    let pool: DatabasePool
    /// Whether the write transaction now running began on a wiped audit log.
    private let startedWiped = Mutex<Bool>(false)

    /// Opens the database at `path`, creating it only when `create` says so
    /// (a read must never make a new, empty, "intact" database out of a
    /// mistyped path). A zero-byte file, or an SQLite file of another
    /// program, is refused. `maximumPageCount` caps the file's size (SQLite's
    /// `max_page_count`): a write past it fails as a full disk does, which is
    /// how the tests make a disk fill up.
    public init(path: String, clock: any TimeSource = SystemTimeSource(), maximumPageCount: Int? = nil,
                create: Bool = true, anchor: AuditAnchorSettings? = nil) throws {
        self.path = path
        self.clock = clock
        self.anchor = anchor.map(AuditAnchor.init(settings:))
        var info = stat()
        if stat(path, &info) == 0 {
            guard (info.st_mode & S_IFMT) == S_IFREG else { throw StoreError.notAVigiaDatabase(path: path, reason: "it is not a regular file") }
            guard info.st_size > 0 else { throw StoreError.notAVigiaDatabase(path: path, reason: "the file is empty") }
        } else if create {
            try Self.createIfMissing(path)
        } else {
            throw StoreError.missingDatabase(path: path)
        }
        var config = Configuration()
        config.busyMode = .timeout(10)
        config.foreignKeysEnabled = true
        config.label = "vigia"
        config.prepareDatabase { db in
            // Bulk ingest writes tens of MB per transaction: a 64 MiB page cache
            // keeps it from spilling dirty pages mid-transaction.
            try db.execute(sql: "PRAGMA cache_size = -65536")
            // Deleted rows (purged templates, cleared flags) are overwritten on
            // disk, not left in free pages (safeguards 1, 2 and 6).
            try db.execute(sql: "PRAGMA secure_delete = ON")
            // After a checkpoint the WAL is cut back to at most 4 MiB, so old frames do not linger in a long file.
            _ = try Int.fetchOne(db, sql: "PRAGMA journal_size_limit = 4194304")
            // A PRAGMA takes no bound argument; `pages` is an Int, so nothing but digits is spliced in.
            if let maximumPageCount {
                let pages = max(1, maximumPageCount)
                _ = try Int.fetchOne(db, sql: "PRAGMA max_page_count = \(pages)")
            }
        }
        // A full, read-only or failing disk keeps its SQLite error, so the
        // command line and the console say it in words (and exit 74).
        do {
            pool = try DatabasePool(path: path, configuration: config)
        } catch {
            if StorageProblem.describe(error, path: path) != nil { throw error }
            throw StoreError.cannotOpen(path: path, reason: "\(error)")
        }
        let migrator = Migrations.migrator
        // Tables but no migration record: another program's SQLite file, not to be migrated into.
        let foreign = try pool.read { db in
            try !db.tableExists("grdb_migrations")
                && (Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'") ?? 0) > 0
        }
        if foreign { throw StoreError.notAVigiaDatabase(path: path, reason: "it holds another program's tables") }
        let superseded = try pool.read { try migrator.hasBeenSuperseded($0) }
        if superseded { throw StoreError.newerSchema(path: path) }
        do { try migrator.migrate(pool) } catch {
            if StorageProblem.describe(error, path: path) != nil { throw error }
            throw StoreError.cannotOpen(path: path, reason: "schema migration failed: \(error)")
        }
    }

    /// The migrations this version knows, oldest first.
    public static var schemaVersions: [String] { Migrations.migrator.migrations }

    public var audit: AuditChainStore { AuditChainStore(database: self) }
    public var operators: OperatorStore { OperatorStore(database: self) }
    public var incidents: IncidentStore { IncidentStore(database: self) }
    public var quarantine: QuarantineStore { QuarantineStore(database: self) }
    public var boundaries: BoundaryStore { BoundaryStore(database: self) }
    public var modelCache: ModelCacheStore { ModelCacheStore(database: self) }
    public var alerts: AlertStore { AlertStore(database: self) }
    public var cameras: CameraStore { CameraStore(database: self) }
    public var settings: SettingsStore { SettingsStore(database: self) }
    public var watchlist: WatchlistStore { WatchlistStore(database: self) }
    public var faceSearch: FaceSearchStore { FaceSearchStore(database: self) }
    public var social: SocialStore { SocialStore(database: self) }
    public var retention: RetentionStore { RetentionStore(database: self) }
    public var patrols: PatrolStore { PatrolStore(database: self) }
    /// Changes after every commit by any connection to this file.
    public var commitWatch: CommitWatch { CommitWatch(path: path) }

    /// Runs `body` in one write transaction and appends `audit` to the chain in
    /// the same transaction. No record is appended in a transaction that
    /// began on a wiped audit log (`AuditChainStore.isWiped`). A refusal because the clock went back is
    /// counted (in its own transaction) before it is rethrown.
    func write<T>(audit entry: AuditEntry?, _ body: (Database) throws -> T) throws -> T {
        do {
            return try pool.write { db in
                // The pool has one writer, so transactions run one at a time and this flag is theirs.
                let wiped = try AuditChainStore.isWiped(db)
                startedWiped.withLock { $0 = wiped }
                let result = try body(db)
                if let entry { try appendAudit(entry, in: db) }
                return result
            }
        } catch let error as StoreError {
            if case .auditClockWentBack = error { countRefusal("audit.refused.clock_went_back") }
            throw error
        }
    }

    /// Appends `entry` to the audit chain inside `db`'s transaction, at this
    /// database's clock; after the commit the anchor may sign a checkpoint.
    @discardableResult
    func appendAudit(_ entry: AuditEntry, in db: Database) throws -> AuditRecord {
        if startedWiped.withLock({ $0 }) {
            throw StoreError.auditChainBroken(reason: "the audit log is empty but the database holds data: its records were removed")
        }
        let record = try AuditChainStore.append(entry, at: clock.now(), in: db)
        if let anchor {
            let clock = self.clock
            db.afterNextTransaction(onCommit: { _ in anchor.committed(record, now: clock.now()) })
        }
        return record
    }

    /// Makes a purge final on disk (safeguards 1, 2, 6 and 11): with secure
    /// delete on, the purged rows are zeroed in their pages, but the pages
    /// still sit in the WAL and the main file keeps their old images until a
    /// checkpoint copies the new ones over. `wal_checkpoint(TRUNCATE)` copies
    /// every frame into the file and empties the WAL. It waits for readers in
    /// other processes (a console rebuilding its view) through the busy
    /// timeout, and is retried until the WAL is empty, for up to 30 s.
    public func purgeJournal() throws {
        let wal = path + "-wal"
        let until = Date().addingTimeInterval(30)
        var lastError: (any Error)?
        repeat {
            do {
                _ = try pool.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
                var info = stat()
                if stat(wal, &info) != 0 || info.st_size == 0 { return }
            } catch {
                lastError = error
            }
            Thread.sleep(forTimeInterval: 0.05)
        } while Date() < until
        throw StoreError.writeFailed(what: "the purge of the write-ahead log", reason: lastError.map { "\($0)" } ?? "readers kept it in use for 30 s")
    }

    /// Adds one to a counter of refused appends, for the hour (UTC) it happened.
    private func countRefusal(_ name: String) {
        let hour = String(ISO8601DateFormatter().string(from: clock.now()).prefix(13))
        _ = try? pool.write { db in
            try db.execute(sql: """
                INSERT INTO counter (name, period, value) VALUES (?, ?, 1)
                ON CONFLICT(name, period) DO UPDATE SET value = value + 1
                """, arguments: [name, hour])
        }
    }

    func read<T>(_ body: (Database) throws -> T) throws -> T {
        try pool.read(body)
    }

    private static func createIfMissing(_ path: String) throws {
        let fm = FileManager.default
        if fm.fileExists(atPath: path) { return }
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty, !fm.fileExists(atPath: folder) {
            do {
                try fm.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                       attributes: [.posixPermissions: 0o700])
            } catch {
                throw StoreError.cannotCreate(path: path, reason: "cannot create folder \(folder): \(error.localizedDescription)")
            }
        }
        let fd = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        if fd < 0 {
            if errno == EEXIST { return }
            throw StoreError.cannotCreate(path: path, reason: String(cString: strerror(errno)))
        }
        // umask may have narrowed the mode further; make it exactly 0600.
        fchmod(fd, 0o600)
        close(fd)
    }
}
