import Foundation
@testable import Store
import VigiaCore

/// A database in a new temporary folder, removed when the test ends.
final class TemporaryDatabase {
    let folder: URL
    let path: String
    let database: VigiaDatabase

    init(clock: any TimeSource = FixedTimeSource(Date(timeIntervalSince1970: 1_542_301_200))) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("vigia-store-\(UUID().uuidString)")
        path = folder.appendingPathComponent("test.sqlite").path
        database = try VigiaDatabase(path: path, clock: clock)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }
}
