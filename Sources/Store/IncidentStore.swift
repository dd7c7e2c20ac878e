import Foundation
import GRDB
import VigiaCore

/// Incidents for the hotspot models. A unique fingerprint per row makes
/// ingesting the same data twice add nothing.
public struct IncidentStore: IncidentRepository {
    let database: VigiaDatabase

    public func insert(_ records: [IncidentRecord], quarantine: [QuarantineItem], audit: AuditEntry) throws -> Int {
        let now = database.clock.now().timeIntervalSince1970
        var inserted = 0
        var entry = audit
        try database.write(audit: nil) { db in
            let insert = try BulkInsert(db, sql: """
                INSERT OR IGNORE INTO incident
                  (fingerprint, occurred_at, precision, lat, lon, type, subtype, source, external_id, district, parent_district)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for r in records {
                let i = r.incident
                insert.bind(1, r.fingerprint)
                insert.bind(2, i.occurredAt.timeIntervalSince1970)
                insert.bind(3, i.precision.rawValue)
                insert.bind(4, i.location.latitude)
                insert.bind(5, i.location.longitude)
                insert.bind(6, i.type)
                insert.bind(7, i.subtype)
                insert.bind(8, i.source.rawValue)
                insert.bind(9, i.externalID)
                insert.bind(10, i.district)
                insert.bind(11, i.parentDistrict)
                inserted += try insert.step()
            }
            try QuarantineStore.insert(quarantine, at: now, in: db)
            if case .object(var details) = entry.details {
                details["inserted"] = .int(Int64(inserted))
                details["duplicates"] = .int(Int64(records.count - inserted))
                entry.details = .object(details)
            }
            try database.appendAudit(entry, in: db)
        }
        return inserted
    }

    public func incidents(from: Date? = nil, to: Date? = nil) throws -> [Incident] {
        let lower = from?.timeIntervalSince1970 ?? -Double.greatestFiniteMagnitude
        let upper = to?.timeIntervalSince1970 ?? Double.greatestFiniteMagnitude
        return try database.read { db in
            let cursor = try Row.fetchCursor(db, sql: """
                SELECT occurred_at, precision, lat, lon, type, subtype, source, external_id, district, parent_district
                FROM incident WHERE occurred_at >= ? AND occurred_at < ? ORDER BY occurred_at, id
                """, arguments: [lower, upper])
            var result: [Incident] = []
            while let row = try cursor.next() {
                result.append(Incident(
                    occurredAt: Date(timeIntervalSince1970: row[0]), precision: TimePrecision(rawValue: row[1]) ?? .exact,
                    location: GeoPoint(latitude: row[2], longitude: row[3]), type: row[4], subtype: row[5],
                    source: ReportSource(rawValue: row[6]) ?? .unknown, externalID: row[7], district: row[8],
                    parentDistrict: row[9]))
            }
            return result
        }
    }

    public func summary() throws -> IncidentSummary {
        try database.read { db in
            func counts(_ column: String) throws -> [String: Int] {
                var out: [String: Int] = [:]
                for row in try Row.fetchAll(db, sql: "SELECT coalesce(\(column), '?'), count(*) FROM incident GROUP BY 1") {
                    out[row[0]] = row[1]
                }
                return out
            }
            let range = try Row.fetchOne(db, sql: "SELECT count(*), min(occurred_at), max(occurred_at) FROM incident")
            return IncidentSummary(
                total: range?[0] ?? 0,
                first: (range?[1] as Double?).map(Date.init(timeIntervalSince1970:)),
                last: (range?[2] as Double?).map(Date.init(timeIntervalSince1970:)),
                byType: try counts("type"), bySource: try counts("source"),
                byParentDistrict: try counts("parent_district"))
        }
    }
}
