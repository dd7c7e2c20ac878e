import Foundation
import GRDB
import VigiaCore

/// The one SQLite file that holds everything: opened in WAL mode, created
/// readable by its owner only (0600), migrated to the current schema.
public final class VigiaDatabase: Sendable {
    public let path: String
    public let clock: any TimeSource
    let pool: DatabasePool

    /// Opens (creating if needed) the database at `path`. `maximumPageCount`
    /// caps the file's size (SQLite's `max_page_count`): a write past it fails
    /// as a full disk does, which is how the tests make a disk fill up.
    public init(path: String, clock: any TimeSource = SystemTimeSource(), maximumPageCount: Int? = nil) throws {
        self.path = path
        self.clock = clock
        try Self.createIfMissing(path)
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

    /// Runs `body` in one write transaction and appends `audit` to the chain in
    /// the same transaction.
    func write<T>(audit entry: AuditEntry?, _ body: (Database) throws -> T) throws -> T {
        let now = clock.now()
        return try pool.write { db in
            let result = try body(db)
            if let entry { try AuditChainStore.append(entry, at: now, in: db) }
            return result
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
