import Foundation
import GRDB
import VigiaCore

/// Alerts, their transitions, feed counters and feed positions.
public struct AlertStore: AlertRepository {
    let database: VigiaDatabase

    @discardableResult
    public func commit(_ batch: FeedBatch, counterPeriod: String) throws -> [Int64] {
        let now = database.clock.now()
        return try database.write(audit: nil) { db in
            var ids: [Int64] = []
            if !batch.alerts.isEmpty {
                let insert = try BulkInsert(db, sql: """
                    INSERT INTO alert (rule_id, camera_id, priority, state, created_at, title, dedup_key, details, escalate_after, procedure)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
                for s in batch.alerts {
                    insert.bind(1, s.alert.ruleID)
                    insert.bind(2, s.alert.cameraID)
                    insert.bind(3, Int64(s.alert.priority))
                    insert.bind(4, s.alert.state.rawValue)
                    insert.bind(5, s.alert.createdAt.timeIntervalSince1970)
                    insert.bind(6, s.alert.title)
                    insert.bind(7, s.dedupeKey)
                    insert.bind(8, CanonicalJSON.object(["evidence": .object(s.evidence.mapValues(CanonicalJSON.string))]).text)
                    insert.bind(9, s.escalateAfterSeconds)
                    insert.bind(10, s.procedure)
                    _ = try insert.step()
                    ids.append(db.lastInsertedRowID)
                }
            }
            for e in batch.ends {
                // The alert the review raised: same camera and review track (`review:ID`), raised within a day before the end.
                try db.execute(sql: """
                    UPDATE alert SET ended_at = ?1
                    WHERE camera_id = ?2 AND ended_at IS NULL AND created_at <= ?1 AND created_at >= ?1 - 86400
                      AND json_valid(details) AND json_extract(details, '$.evidence.track') = ?3
                    """, arguments: [e.at.timeIntervalSince1970, e.cameraID, e.trackID])
            }
            if let due = batch.escalateDueBy { _ = try Self.recordEscalations(dueBy: due, database: database, in: db) }
            try QuarantineStore.insert(batch.quarantine, at: now.timeIntervalSince1970, in: db)
            try SocialStore.insert(batch.flags, in: db)
            for (name, n) in batch.counters where n != 0 {
                try db.execute(sql: """
                    INSERT INTO counter (name, period, value) VALUES (?, ?, ?)
                    ON CONFLICT(name, period) DO UPDATE SET value = value + excluded.value
                    """, arguments: [name, counterPeriod, n])
            }
            if let p = batch.position {
                try db.execute(sql: "INSERT OR REPLACE INTO feed_position (source, position) VALUES (?, ?)", arguments: [p.source, p.line])
            }
            // Hits and their audit records in the same transaction as the feed position: a kill cannot skip them.
            try FaceSearchStore.insert(batch.hits, by: .feed, database: database, in: db)
            try FaceSearchStore.record(batch.uses, in: db)
            for (key, value) in batch.settings {
                try db.execute(sql: "INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)", arguments: [key, value])
            }
            if let audit = batch.audit { try database.appendAudit(audit, in: db) }
            return ids
        }
    }

    public func alert(id: Int64) throws -> StoredAlert? {
        try database.read { db in try Row.fetchOne(db, sql: "SELECT * FROM alert WHERE id = ?", arguments: [id]).map(Self.stored) }
    }

    public func openAlerts() throws -> [StoredAlert] {
        try database.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM alert WHERE state != 'closed' ORDER BY created_at, id").map(Self.stored)
        }
    }

    public func alerts(asOf t: Date) throws -> [StoredAlert] {
        try database.read { db in
            try Row.fetchAll(db, sql: """
                SELECT a.*, coalesce((SELECT x.to_state FROM alert_transition x WHERE x.alert_id = a.id AND x.at <= ?1
                                      ORDER BY x.at DESC, x.id DESC LIMIT 1), 'new') AS state_then
                FROM alert a WHERE a.created_at <= ?1 ORDER BY a.created_at, a.id
                """, arguments: [t.timeIntervalSince1970]).map { r in
                var s = Self.stored(r)
                s.alert.state = AlertState(rawValue: r["state_then"]) ?? .new
                if s.alert.state != .closed { s.disposition = nil }
                if s.alert.state != .snoozed { s.snoozeUntil = nil }
                return s
            }
        }
    }

    public func latestAlertTime() throws -> Date? {
        try database.read { db in
            try Double.fetchOne(db, sql: "SELECT max(created_at) FROM alert").map(Date.init(timeIntervalSince1970:))
        }
    }

    public func countsByState() throws -> [AlertState: Int] {
        try database.read { db in
            var out: [AlertState: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT state, count(*) FROM alert GROUP BY state") {
                if let s = AlertState(rawValue: row[0]) { out[s] = row[1] }
            }
            return out
        }
    }

    public func transitions(alertID: Int64?) throws -> [AlertTransition] {
        try database.read { db in
            try Row.fetchAll(db, sql: """
                SELECT *, coalesce(CASE WHEN json_valid(details) THEN json_extract(details, '$.undo') END, 0) AS is_undo FROM alert_transition
                WHERE (?1 IS NULL OR alert_id = ?1) ORDER BY id
                """, arguments: [alertID]).map { r in
                AlertTransition(alertID: r["alert_id"], from: AlertState(rawValue: r["from_state"]) ?? .new,
                                to: AlertState(rawValue: r["to_state"]) ?? .new, operatorName: r["operator"],
                                at: Date(timeIntervalSince1970: r["at"]), note: r["note"], isUndo: (r["is_undo"] as Int64? ?? 0) != 0)
            }
        }
    }

    public func transition(_ t: AlertTransition, disposition: Disposition?, snoozeUntil: Date?, assignedTo: String?,
                           details: CanonicalJSON, audit: AuditEntry) throws -> Bool {
        try database.write(audit: nil) { db in
            try db.execute(sql: """
                UPDATE alert SET state = ?, disposition = coalesce(?, disposition), snooze_until = ?, assigned_to = coalesce(?, assigned_to)
                WHERE id = ? AND state = ?
                """, arguments: [t.to.rawValue, disposition?.rawValue, snoozeUntil?.timeIntervalSince1970, assignedTo, t.alertID, t.from.rawValue])
            guard db.changesCount == 1 else { return false }
            try db.execute(sql: """
                INSERT INTO alert_transition (alert_id, from_state, to_state, operator, at, note, details) VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [t.alertID, t.from.rawValue, t.to.rawValue, t.operatorName, t.at.timeIntervalSince1970, t.note, details.text])
            try database.appendAudit(audit, in: db)
            return true
        }
    }

    public func lastTransition(alertID: Int64) throws -> LastTransition? {
        try database.read { db in
            try Row.fetchOne(db, sql: """
                SELECT id, alert_id, from_state, to_state, operator, at, note,
                       coalesce(CASE WHEN json_valid(details) THEN json_extract(details, '$.undo') END, 0) AS is_undo, CASE WHEN json_valid(details) THEN json_extract(details, '$.previous_assigned') END AS previous
                FROM alert_transition WHERE alert_id = ? ORDER BY id DESC LIMIT 1
                """, arguments: [alertID]).map { r in
                LastTransition(id: r["id"], transition: AlertTransition(
                    alertID: r["alert_id"], from: AlertState(rawValue: r["from_state"]) ?? .new, to: AlertState(rawValue: r["to_state"]) ?? .new,
                    operatorName: r["operator"], at: Date(timeIntervalSince1970: r["at"]), note: r["note"]),
                               isUndo: (r["is_undo"] as Int64? ?? 0) != 0, previousAssignee: r["previous"])
            }
        }
    }

    public func revert(_ last: LastTransition, by operatorName: String, at: Date, details: CanonicalJSON, audit: AuditEntry) throws -> Bool {
        let t = last.transition
        return try database.write(audit: nil) { db in
            // Still the newest transition, and the alert still where it left it.
            let newest = try Int64.fetchOne(db, sql: "SELECT max(id) FROM alert_transition WHERE alert_id = ?", arguments: [t.alertID])
            guard newest == last.id else { return false }
            try db.execute(sql: """
                UPDATE alert SET state = ?,
                    disposition = CASE WHEN ? = 'closed' THEN NULL ELSE disposition END,
                    snooze_until = NULL,
                    assigned_to = CASE WHEN ? = 'forwarded' THEN ? ELSE assigned_to END
                WHERE id = ? AND state = ?
                """, arguments: [t.from.rawValue, t.to.rawValue, t.to.rawValue, last.previousAssignee, t.alertID, t.to.rawValue])
            guard db.changesCount == 1 else { return false }
            try db.execute(sql: """
                INSERT INTO alert_transition (alert_id, from_state, to_state, operator, at, note, details) VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [t.alertID, t.to.rawValue, t.from.rawValue, operatorName, at.timeIntervalSince1970,
                                   "undo of \(t.from.rawValue) → \(t.to.rawValue)", details.text])
            try database.appendAudit(audit, in: db)
            return true
        }
    }

    public func tick(_ tick: ProcedureTick, audit: AuditEntry) throws -> Bool {
        try database.write(audit: nil) { db in
            // In the same transaction as the check: a tick never lands on an alert closed meanwhile.
            try db.execute(sql: """
                INSERT OR IGNORE INTO alert_step (alert_id, step, operator, at)
                SELECT ?1, ?2, ?3, ?4 WHERE EXISTS (SELECT 1 FROM alert WHERE id = ?1 AND state != 'closed')
                """, arguments: [tick.alertID, tick.step, tick.operatorName, tick.at.timeIntervalSince1970])
            guard db.changesCount == 1 else { return false }
            try database.appendAudit(audit, in: db)
            return true
        }
    }

    public func ticks(alertIDs: [Int64]) throws -> [ProcedureTick] {
        guard !alertIDs.isEmpty else { return [] }
        return try database.read { db in
            // The ids go in as one JSON array argument, read back by json_each: nothing is spliced into the SQL.
            try Row.fetchAll(db, sql: "SELECT * FROM alert_step WHERE alert_id IN (SELECT value FROM json_each(?)) ORDER BY alert_id, step",
                             arguments: [Self.idList(alertIDs)]).map { r in
                ProcedureTick(alertID: r["alert_id"], step: r["step"], operatorName: r["operator"], at: Date(timeIntervalSince1970: r["at"]))
            }
        }
    }

    public func addNote(_ note: AlertNote, audit: AuditEntry) throws {
        try database.write(audit: audit) { db in
            try db.execute(sql: "INSERT INTO alert_note (alert_id, operator, at, text) VALUES (?, ?, ?, ?)",
                           arguments: [note.alertID, note.operatorName, note.at.timeIntervalSince1970, note.text])
        }
    }

    public func notes(alertIDs: [Int64]) throws -> [AlertNote] {
        guard !alertIDs.isEmpty else { return [] }
        return try database.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM alert_note WHERE alert_id IN (SELECT value FROM json_each(?)) ORDER BY id",
                             arguments: [Self.idList(alertIDs)]).map { r in
                AlertNote(alertID: r["alert_id"], operatorName: r["operator"], at: Date(timeIntervalSince1970: r["at"]), text: r["text"])
            }
        }
    }

    public func addHandover(_ note: HandoverNote, audit: AuditEntry) throws {
        try database.write(audit: audit) { db in
            try db.execute(sql: "INSERT INTO handover_note (operator, at, text) VALUES (?, ?, ?)",
                           arguments: [note.operatorName, note.at.timeIntervalSince1970, note.text])
        }
    }

    public func handovers(since: Date, until: Date, limit: Int) throws -> [HandoverNote] {
        try database.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM handover_note WHERE at >= ? AND at <= ? ORDER BY at DESC, id DESC LIMIT ?",
                             arguments: [since.timeIntervalSince1970, until.timeIntervalSince1970, limit]).map { r in
                HandoverNote(operatorName: r["operator"], at: Date(timeIntervalSince1970: r["at"]), text: r["text"])
            }
        }
    }

    /// Alert ids as one JSON array, for `json_each`.
    static func idList(_ ids: [Int64]) -> String { CanonicalJSON.array(ids.map { .int($0) }).text }

    public func recordEscalations(dueBy: Date) throws -> Int {
        try database.write(audit: nil) { db in try Self.recordEscalations(dueBy: dueBy, database: database, in: db) }
    }

    static func recordEscalations(dueBy: Date, database: VigiaDatabase, in db: Database) throws -> Int {
        let due = try Row.fetchAll(db, sql: """
            SELECT id, priority, created_at, escalate_after FROM alert a
            WHERE state = 'new' AND escalate_after IS NOT NULL AND created_at + escalate_after <= ?
              AND NOT EXISTS (SELECT 1 FROM alert_transition t WHERE t.alert_id = a.id AND t.from_state = 'new' AND t.to_state = 'new'
                              AND json_valid(t.details) AND json_extract(t.details, '$.escalated'))
            ORDER BY created_at + escalate_after, id
            """, arguments: [dueBy.timeIntervalSince1970])
        for r in due {
            let id: Int64 = r["id"], priority: Int = r["priority"], after: Double = r["escalate_after"], created: Double = r["created_at"]
            let to = max(1, priority - 1)
            let details: CanonicalJSON = ["from": "new", "to": "new", "escalated": true, "priority_from": .int(Int64(priority)),
                                          "priority_to": .int(Int64(to)), "after_seconds": .int(Int64(after.rounded()))]
            try db.execute(sql: """
                INSERT INTO alert_transition (alert_id, from_state, to_state, operator, at, note, details) VALUES (?, 'new', 'new', ?, ?, ?, ?)
                """, arguments: [id, Principal.feed.name, created + after,
                                   "escalated: unacknowledged after \(Int(after.rounded())) s, P\(priority) → P\(to)", details.text])
            try database.appendAudit(AuditEntry(principal: .feed, action: .alertEscalate, subject: String(id), details: details), in: db)
        }
        return due.count
    }

    public func counters(period: String?) throws -> [String: Int] {
        try database.read { db in
            var out: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT name, sum(value) FROM counter WHERE (?1 IS NULL OR period = ?1) GROUP BY name",
                                        arguments: [period]) {
                out[row[0]] = row[1]
            }
            return out
        }
    }

    public func counters(fromPeriod: String, toPeriod: String) throws -> [String: Int] {
        try database.read { db in
            var out: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT name, sum(value) FROM counter WHERE period >= ? AND period < ? GROUP BY name",
                                        arguments: [fromPeriod, toPeriod]) {
                out[row[0]] = row[1]
            }
            return out
        }
    }

    public func alerts(activeFrom from: Date, to: Date) throws -> [StoredAlert] {
        try database.read { db in
            try Row.fetchAll(db, sql: """
                SELECT * FROM alert WHERE created_at < ?2 AND (state != 'closed' OR id IN
                    (SELECT alert_id FROM alert_transition WHERE to_state = 'closed' AND at >= ?1))
                ORDER BY created_at, id
                """, arguments: [from.timeIntervalSince1970, to.timeIntervalSince1970]).map(Self.stored)
        }
    }

    /// Claims `source` for `holder` unless a live holder has it: compare and
    /// set in one write transaction. Returns the live holder that keeps it, or nil when the claim is ours.
    public func claimFeed(source: String, holder: String, isAlive: (String) -> Bool) throws -> String? {
        let now = database.clock.now().timeIntervalSince1970
        return try database.write(audit: nil) { db in
            if let current = try String.fetchOne(db, sql: "SELECT holder FROM feed_claim WHERE source = ?", arguments: [source]),
               current != holder, isAlive(current) {
                return current
            }
            try db.execute(sql: "INSERT OR REPLACE INTO feed_claim (source, holder, claimed_at) VALUES (?, ?, ?)", arguments: [source, holder, now])
            return nil
        }
    }

    public func releaseFeed(source: String, holder: String) throws {
        try database.write(audit: nil) { db in
            try db.execute(sql: "DELETE FROM feed_claim WHERE source = ? AND holder = ?", arguments: [source, holder])
        }
    }

    public func feedPosition(source: String) throws -> Int? {
        try database.read { db in try Int.fetchOne(db, sql: "SELECT position FROM feed_position WHERE source = ?", arguments: [source]) }
    }

    static func stored(_ r: Row) -> StoredAlert {
        let details = (try? JSONSerialization.jsonObject(with: Data((r["details"] as String).utf8))) as? [String: Any]
        return StoredAlert(
            alert: Alert(id: r["id"], ruleID: r["rule_id"], cameraID: r["camera_id"], priority: r["priority"],
                         state: AlertState(rawValue: r["state"]) ?? .new, createdAt: Date(timeIntervalSince1970: r["created_at"]), title: r["title"]),
            dedupeKey: r["dedup_key"], procedure: r["procedure"], evidence: details?["evidence"] as? [String: String] ?? [:],
            escalateAfterSeconds: r["escalate_after"], snoozeUntil: (r["snooze_until"] as Double?).map(Date.init(timeIntervalSince1970:)),
            assignedTo: r["assigned_to"], disposition: (r["disposition"] as String?).flatMap(Disposition.init(rawValue:)),
            endedAt: (r["ended_at"] as Double?).map(Date.init(timeIntervalSince1970:)))
    }
}

public struct CameraStore: CameraRepository {
    let database: VigiaDatabase

    public func replace(_ cameras: [Camera], audit: AuditEntry) throws {
        try database.write(audit: audit) { db in
            for c in cameras {
                let zones = CanonicalJSON.array(c.zones.map(CanonicalJSON.string)).text
                try db.execute(sql: """
                    INSERT OR REPLACE INTO camera (id, name, lat, lon, district, parent_district, zones, heartbeat_seconds)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [c.id, c.name, c.location.latitude, c.location.longitude, c.district, c.parentDistrict, zones, c.heartbeatSeconds])
                try db.execute(sql: "INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)",
                               arguments: ["camera.extra." + c.id, CanonicalJSON.object([
                                   "frigate_name": c.frigateName.map(CanonicalJSON.string) ?? .null, "face_analytics": .bool(c.faceAnalytics)]).text])
            }
        }
    }

    public func cameras() throws -> [Camera] {
        try database.read { db in
            var extras: [String: [String: Any]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT key, value FROM setting WHERE key LIKE 'camera.extra.%'") {
                let key: String = row[0]
                extras[String(key.dropFirst(13))] = (try? JSONSerialization.jsonObject(with: Data((row[1] as String).utf8))) as? [String: Any]
            }
            return try Row.fetchAll(db, sql: "SELECT * FROM camera ORDER BY id").map { r in
                let id: String = r["id"]
                let zones = (try? JSONSerialization.jsonObject(with: Data((r["zones"] as String).utf8))) as? [String] ?? []
                return Camera(id: id, name: r["name"], location: GeoPoint(latitude: r["lat"], longitude: r["lon"]), district: r["district"],
                              parentDistrict: r["parent_district"], zones: zones, heartbeatSeconds: r["heartbeat_seconds"],
                              frigateName: extras[id]?["frigate_name"] as? String, faceAnalytics: extras[id]?["face_analytics"] as? Bool ?? false)
            }
        }
    }
}

public struct SettingsStore: SettingsRepository {
    let database: VigiaDatabase

    public func value(_ key: String) throws -> String? {
        try database.read { db in try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [key]) }
    }

    public func set(_ key: String, _ value: String, audit: AuditEntry?) throws {
        try database.write(audit: audit) { db in
            try db.execute(sql: "INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)", arguments: [key, value])
        }
    }
}
