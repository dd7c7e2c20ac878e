import Foundation
import GRDB
import VigiaCore

/// District boundary layers, stored whole so the database is self-contained.
public struct BoundaryStore: BoundaryRepository {
    let database: VigiaDatabase

    public func save(_ layer: BoundaryLayer, audit: AuditEntry) throws {
        try database.write(audit: audit) { db in
            try db.execute(sql: """
                INSERT OR REPLACE INTO boundary (layer, name_key, parent_key, geojson, source) VALUES (?, ?, ?, ?, ?)
                """, arguments: [layer.layer, layer.nameKey, layer.parentKey, layer.geoJSON, layer.source])
        }
    }

    public func layer(named name: String) throws -> BoundaryLayer? {
        try database.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM boundary WHERE layer = ?", arguments: [name]).map {
                BoundaryLayer(layer: $0["layer"], nameKey: $0["name_key"], parentKey: $0["parent_key"],
                              geoJSON: $0["geojson"], source: $0["source"])
            }
        }
    }

    public func layerNames() throws -> [String] {
        try database.read { db in try String.fetchAll(db, sql: "SELECT layer FROM boundary ORDER BY layer") }
    }
}
