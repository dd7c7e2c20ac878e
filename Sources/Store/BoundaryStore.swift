import Foundation
import GRDB
import VigiaCore

/// District boundary layers, stored whole so the database is self-contained.
public struct BoundaryStore: BoundaryRepository {
    let database: VigiaDatabase

    public func save(_ layer: BoundaryLayer, audit: AuditEntry) throws {
        try database.write(audit: audit) { db in
            try db.execute(sql: """
                INSERT OR REPLACE INTO boundary (layer, name_key, parent_key, geojson, source, features) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [layer.layer, layer.nameKey, layer.parentKey, layer.geoJSON, layer.source, layer.featureCount])
        }
    }

    public func layer(named name: String) throws -> BoundaryLayer? {
        try database.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM boundary WHERE layer = ?", arguments: [name]).map {
                BoundaryLayer(layer: $0["layer"], nameKey: $0["name_key"], parentKey: $0["parent_key"],
                              geoJSON: $0["geojson"], source: $0["source"], featureCount: $0["features"])
            }
        }
    }

    public func layerSummaries() throws -> [(layer: String, parentKey: String?, featureCount: Int)] {
        try database.read { db in
            try Row.fetchAll(db, sql: "SELECT layer, parent_key, features FROM boundary ORDER BY layer").map {
                (layer: $0[0], parentKey: $0[1], featureCount: $0[2])
            }
        }
    }

    public func layerNames() throws -> [String] {
        try database.read { db in try String.fetchAll(db, sql: "SELECT layer FROM boundary ORDER BY layer") }
    }
}
