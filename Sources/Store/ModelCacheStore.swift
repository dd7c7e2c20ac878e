import Foundation
import GRDB
import VigiaCore

public struct ModelCacheStore: ModelCacheRepository {
    let database: VigiaDatabase

    public func load(key: String) throws -> (fittedBefore: Date, parameters: Data)? {
        try database.read { db in
            try Row.fetchOne(db, sql: "SELECT fitted_before, parameters FROM model_cache WHERE key = ?", arguments: [key]).map {
                (Date(timeIntervalSince1970: $0[0]), $0[1])
            }
        }
    }

    public func save(key: String, fittedBefore: Date, parameters: Data) throws {
        try database.write(audit: nil) { db in
            try db.execute(sql: "INSERT OR REPLACE INTO model_cache (key, fitted_before, parameters) VALUES (?, ?, ?)",
                           arguments: [key, fittedBefore.timeIntervalSince1970, parameters])
        }
    }
}
