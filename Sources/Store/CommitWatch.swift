import Foundation
import GRDB
import Synchronization
import VigiaCore

/// `PRAGMA data_version` on a connection of its own: SQLite changes it on
/// that connection whenever any other connection, in this process or
/// another, commits to the file. Polling it costs no I/O beyond the WAL
/// index, so a console can ask twice a second (issue 19: commits from
/// other processes show within a second, without a key press).
public final class CommitWatch: ChangeCounter {
    private let path: String
    private let connection = Mutex<DatabaseQueue?>(nil)

    public init(path: String) {
        self.path = path
    }

    public func changeCount() throws -> Int {
        try connection.withLock { queue in
            if queue == nil {
                // Not read-only: if this connection is the last to close, it
                // checkpoints and removes the WAL as the pool would have
                // (a read-only one could not, and would leave the WAL behind).
                // It never writes, and never holds a transaction open.
                var config = Configuration()
                config.label = "vigia.commit-watch"
                queue = try DatabaseQueue(path: path, configuration: config)
            }
            return try queue!.inDatabase { try Int.fetchOne($0, sql: "PRAGMA data_version") ?? 0 }
        }
    }
}
