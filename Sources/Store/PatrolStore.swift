import Foundation
import GRDB
import VigiaCore

/// Issued patrol boxes (dosage): one row per issue, one per box.
public struct PatrolStore: PatrolRepository {
    let database: VigiaDatabase

    @discardableResult
    public func issue(_ patrol: IssuedPatrol, audit: AuditEntry) throws -> Int64 {
        try database.write(audit: audit) { db in
            try db.execute(sql: """
                INSERT INTO patrol_issue (issued_at, issued_by, window_from, window_to, model, grid) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [patrol.issuedAt.timeIntervalSince1970, patrol.issuedBy, patrol.from.timeIntervalSince1970,
                                 patrol.to.timeIntervalSince1970, patrol.model, patrol.grid])
            let id = db.lastInsertedRowID
            for b in patrol.boxes {
                try db.execute(sql: """
                    INSERT INTO patrol_box (issue_id, unit, lat, lon, side_m, expected, district, cells) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [id, b.unit, b.centre.latitude, b.centre.longitude, b.sideMetres, b.expected, b.district,
                                     CanonicalJSON.array(b.cells.map { .int(Int64($0)) }).text])
            }
            return id
        }
    }

    public func issued(overlapping from: Date, to: Date) throws -> [IssuedPatrol] {
        try database.read { db in
            let issues = try Row.fetchAll(db, sql: """
                SELECT * FROM patrol_issue WHERE window_from < ? AND window_to > ? ORDER BY issued_at, id
                """, arguments: [to.timeIntervalSince1970, from.timeIntervalSince1970])
            return try issues.map { r in
                let id: Int64 = r["id"]
                let boxes = try Row.fetchAll(db, sql: "SELECT * FROM patrol_box WHERE issue_id = ? ORDER BY unit", arguments: [id]).map { b in
                    let cells = (try? JSONSerialization.jsonObject(with: Data((b["cells"] as String).utf8))) as? [Int] ?? []
                    return IssuedPatrolBox(unit: b["unit"], centre: GeoPoint(latitude: b["lat"], longitude: b["lon"]), sideMetres: b["side_m"],
                                           expected: b["expected"], district: b["district"], cells: cells)
                }
                return IssuedPatrol(id: id, issuedAt: Date(timeIntervalSince1970: r["issued_at"]), issuedBy: r["issued_by"],
                                    from: Date(timeIntervalSince1970: r["window_from"]), to: Date(timeIntervalSince1970: r["window_to"]),
                                    model: r["model"], grid: r["grid"], boxes: boxes)
            }
        }
    }
}
