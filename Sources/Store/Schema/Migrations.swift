import GRDB

/// The schema, one registered migration per released version. Never edit a
/// released migration: add a new one. Tests migrate from an empty file and
/// from every earlier version.
enum Migrations {
    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1-foundation", migrate: v1)
        m.registerMigration("v2-model-cache", migrate: v2)
        m.registerMigration("v3-alert-lifecycle", migrate: v3)
        m.registerMigration("v4-social-flags", migrate: v4)
        m.registerMigration("v5-foreign-key-indexes", migrate: v5)
        m.registerMigration("v6-audit-and-access", migrate: v6)
        m.registerMigration("v7-patrol-dosage", migrate: v7)
        m.registerMigration("v8-feed-claim", migrate: v8)
        m.registerMigration("v9-alert-work", migrate: v9)
        m.registerMigration("v10-shift-handover", migrate: v10)
        return m
    }

    /// What one shift leaves for the next, shown at sign-in; purged with closed alerts.
    private static func v10(_ db: Database) throws {
        try db.create(table: "handover_note") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("operator", .text).notNull()
            t.column("at", .double).notNull().indexed()
            t.column("text", .text).notNull()
        }
    }

    /// Sign-in attempts, reserved before the passphrase is checked so that
    /// parallel guesses count; who created an operator and who last changed
    /// its status (deactivation, separation of duties).
    private static func v6(_ db: Database) throws {
        try db.create(table: "sign_in_attempt") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("name", .text).notNull()
            t.column("source", .text).notNull()
            t.column("started_at", .double).notNull()
            t.column("outcome", .text).notNull()
        }
        try db.create(index: "sign_in_attempt_name", on: "sign_in_attempt", columns: ["name", "started_at"])
        try db.alter(table: "operator") { t in
            t.add(column: "created_by", .text)
            t.add(column: "status_changed_by", .text)
            t.add(column: "status_changed_at", .double)
        }
        // Face search: wide authorisations wait for a second supervisor; who
        // closed a watchlist entry (a reinstatement needs someone else); the
        // record of each use of face search (EU AI Act art. 12(3)).
        try db.alter(table: "authorisation") { t in
            t.add(column: "needs_second", .boolean).notNull().defaults(to: false)
            t.add(column: "created_at", .double)
        }
        try db.execute(sql: """
            UPDATE authorisation SET created_at = (SELECT CAST(value AS REAL) FROM setting WHERE key = 'authorisation.created.' || authorisation.id)
            """)
        try db.alter(table: "watchlist_entry") { t in
            t.add(column: "status_changed_by", .text)
            t.add(column: "status_changed_at", .double)
        }
        try db.create(table: "authorisation_use") { t in
            t.column("authorisation_id", .integer).notNull().references("authorisation")
            // SHA-256 of the entries in force when the index was built (ids, orders, expiries).
            t.column("watchlist_version", .text).notNull()
            t.column("entries", .integer).notNull()
            t.column("first_probe", .double).notNull()
            t.column("last_probe", .double).notNull()
            t.column("probes", .integer).notNull()
            t.column("hits", .integer).notNull()
            t.primaryKey(["authorisation_id", "watchlist_version"])
        }
    }

    /// The work on an alert beyond its state: procedure steps ticked off (one
    /// row per step, first tick stands), notes, and when what raised it ended
    /// at the edge (Frigate review `end`), found by camera and time.
    private static func v9(_ db: Database) throws {
        try db.create(table: "alert_step") { t in
            t.column("alert_id", .integer).notNull().references("alert", onDelete: .cascade)
            t.column("step", .integer).notNull()
            t.column("operator", .text).notNull()
            t.column("at", .double).notNull()
            t.primaryKey(["alert_id", "step"])
        }
        try db.alter(table: "alert") { t in t.add(column: "ended_at", .double) }
        // Notes an operator adds to an alert: kept with who and when, audited.
        try db.create(table: "alert_note") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("alert_id", .integer).notNull().indexed().references("alert", onDelete: .cascade)
            t.column("operator", .text).notNull()
            t.column("at", .double).notNull()
            t.column("text", .text).notNull()
        }
        try db.create(index: "alert_camera_time", on: "alert", columns: ["camera_id", "created_at"])
    }

    /// Which process is reading each feed source, so two runners on one file
    /// cannot both ingest it (a claim whose process is gone is taken over).
    private static func v8(_ db: Database) throws {
        try db.create(table: "feed_claim") { t in
            t.primaryKey("source", .text)
            t.column("holder", .text).notNull()
            t.column("claimed_at", .double).notNull()
        }
    }

    /// Patrol boxes a supervisor handed to units for a window (`vigia patrol
    /// --issue`), so reports can show where patrols went ("dosage") and
    /// what was recorded there.
    private static func v7(_ db: Database) throws {
        try db.create(table: "patrol_issue") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("issued_at", .double).notNull()
            t.column("issued_by", .text).notNull()
            t.column("window_from", .double).notNull()
            t.column("window_to", .double).notNull()
            t.column("model", .text).notNull()
            t.column("grid", .text).notNull()
        }
        try db.create(index: "patrol_issue_window", on: "patrol_issue", columns: ["window_from", "window_to"])
        try db.create(table: "patrol_box") { t in
            t.column("issue_id", .integer).notNull().references("patrol_issue", onDelete: .cascade)
            t.column("unit", .integer).notNull()
            t.column("lat", .double).notNull()
            t.column("lon", .double).notNull()
            t.column("side_m", .double).notNull()
            t.column("expected", .double).notNull()
            t.column("district", .text)
            t.column("cells", .text).notNull()
            t.primaryKey(["issue_id", "unit"])
        }
    }

    /// Rows looked up by their parent: a candidate's watchlist entry (with
    /// its template count) and decisions, an alert's transitions, a flag's
    /// decisions, and the cascades that purge them. Without these each
    /// lookup scanned its whole table: 78 candidates took 80-115 ms to list.
    private static func v5(_ db: Database) throws {
        try db.create(index: "watchlist_template_entry", on: "watchlist_template", columns: ["entry_id"])
        try db.create(index: "hit_decision_hit", on: "hit_decision", columns: ["hit_id"])
        try db.create(index: "alert_transition_alert", on: "alert_transition", columns: ["alert_id"])
        try db.create(index: "flag_decision_flag", on: "flag_decision", columns: ["flag_id"])
    }

    /// Flags need their district (for surges and the map) and language;
    /// reviewing them needs them by state.
    private static func v4(_ db: Database) throws {
        try db.alter(table: "flag") { t in
            t.add(column: "district", .text)
            t.add(column: "language", .text)
        }
        try db.create(index: "flag_state", on: "flag", columns: ["state", "post_time"])
    }

    /// Fitted forecast models, so a forecast after new incidents refits from
    /// where the last fit stopped instead of from scratch.
    private static func v2(_ db: Database) throws {
        try db.create(table: "model_cache") { t in
            t.primaryKey("key", .text)
            t.column("fitted_before", .double).notNull()
            t.column("parameters", .blob).notNull()
        }
    }

    /// What the alert life cycle needs beyond v1: snoozes, forwarding,
    /// dispositions, escalation, and the details of each transition.
    private static func v3(_ db: Database) throws {
        try db.alter(table: "alert") { t in
            t.add(column: "snooze_until", .double)
            t.add(column: "assigned_to", .text)
            t.add(column: "disposition", .text)
            t.add(column: "escalate_after", .double)
            t.add(column: "procedure", .text).notNull().defaults(to: "")
        }
        try db.alter(table: "alert_transition") { t in
            t.add(column: "details", .text).notNull().defaults(to: "{}")
        }
        try db.create(index: "alert_open", on: "alert", columns: ["state", "priority", "created_at"])
    }

    private static func v1(_ db: Database) throws {
        try db.create(table: "setting") { t in
            t.primaryKey("key", .text)
            t.column("value", .text).notNull()
        }
        try db.create(table: "operator") { t in
            t.primaryKey("name", .text)
            t.column("role", .text).notNull()
            t.column("passphrase_hash", .text).notNull()
            t.column("created_at", .double).notNull()
            t.column("active", .boolean).notNull().defaults(to: true)
        }
        try db.create(table: "audit_log") { t in
            t.primaryKey("seq", .integer)
            t.column("time_us", .integer).notNull()
            t.column("operator", .text).notNull()
            t.column("role", .text).notNull()
            t.column("action", .text).notNull()
            t.column("subject", .text).notNull()
            t.column("details", .text).notNull()
            t.column("prev_hash", .text).notNull()
            t.column("hash", .text).notNull()
        }
        try db.create(table: "incident") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("fingerprint", .integer).notNull().unique()
            t.column("occurred_at", .double).notNull()
            t.column("precision", .text).notNull()
            t.column("lat", .double).notNull()
            t.column("lon", .double).notNull()
            t.column("type", .text).notNull()
            t.column("subtype", .text)
            t.column("source", .text).notNull()
            t.column("external_id", .text)
            t.column("district", .text)
            t.column("parent_district", .text)
        }
        try db.create(index: "incident_time", on: "incident", columns: ["occurred_at"])
        try db.create(table: "quarantine") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("feed", .text).notNull()
            t.column("source", .text).notNull()
            t.column("line", .integer).notNull()
            t.column("field", .text)
            t.column("reason", .text).notNull()
            t.column("excerpt", .text).notNull()
            t.column("created_at", .double).notNull()
        }
        try db.create(table: "camera") { t in
            t.primaryKey("id", .text)
            t.column("name", .text).notNull()
            t.column("lat", .double).notNull()
            t.column("lon", .double).notNull()
            t.column("district", .text)
            t.column("parent_district", .text)
            t.column("zones", .text).notNull().defaults(to: "[]")
            t.column("heartbeat_seconds", .integer).notNull()
        }
        try db.create(table: "alert") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("rule_id", .text).notNull()
            t.column("camera_id", .text)
            t.column("priority", .integer).notNull()
            t.column("state", .text).notNull()
            t.column("created_at", .double).notNull()
            t.column("title", .text).notNull()
            t.column("dedup_key", .text)
            t.column("details", .text).notNull().defaults(to: "{}")
        }
        try db.create(table: "alert_transition") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("alert_id", .integer).notNull().references("alert", onDelete: .cascade)
            t.column("from_state", .text).notNull()
            t.column("to_state", .text).notNull()
            t.column("operator", .text).notNull()
            t.column("at", .double).notNull()
            t.column("note", .text)
        }
        try db.create(table: "watchlist_entry") { t in
            t.primaryKey("id", .text)
            t.column("display_name", .text).notNull()
            t.column("order_reference", .text).notNull()
            t.column("issuing_court", .text).notNull()
            t.column("offence_category", .text).notNull()
            t.column("issued_on", .double).notNull()
            t.column("expires_on", .double).notNull()
            t.column("status", .text).notNull()
        }
        try db.create(table: "watchlist_template") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("entry_id", .text).notNull().references("watchlist_entry", onDelete: .cascade)
            t.column("dimension", .integer).notNull()
            t.column("vector", .blob).notNull()
        }
        try db.create(table: "authorisation") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("entries", .text).notNull()
            t.column("cameras", .text).notNull()
            t.column("valid_from", .double).notNull()
            t.column("valid_to", .double).notNull()
            t.column("reason", .text).notNull()
            t.column("approved_by", .text).notNull()
            t.column("urgent", .boolean).notNull()
            t.column("confirmed_by", .text)
            t.column("revoked_at", .double)
        }
        try db.create(table: "hit") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("entry_id", .text).notNull()
            t.column("similarity", .double).notNull()
            t.column("rank", .integer).notNull()
            t.column("camera_id", .text).notNull()
            t.column("time", .double).notNull()
            t.column("state", .text).notNull()
            t.column("authorisation_id", .integer).references("authorisation")
        }
        try db.create(table: "hit_decision") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("hit_id", .integer).notNull().references("hit", onDelete: .cascade)
            t.column("operator", .text).notNull()
            t.column("decision", .text).notNull()
            t.column("reason", .text).notNull()
            t.column("at", .double).notNull()
        }
        try db.create(table: "flag") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("post_id", .text).notNull()
            t.column("post_time", .double).notNull()
            t.column("platform", .text).notNull()
            t.column("author", .text).notNull()
            t.column("text", .text).notNull()
            t.column("lat", .double)
            t.column("lon", .double)
            t.column("category", .text).notNull()
            t.column("score", .double).notNull()
            t.column("phrases", .text).notNull()
            t.column("state", .text).notNull()
        }
        try db.create(table: "flag_decision") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("flag_id", .integer).notNull().references("flag", onDelete: .cascade)
            t.column("operator", .text).notNull()
            t.column("decision", .text).notNull()
            t.column("reason", .text).notNull()
            t.column("at", .double).notNull()
        }
        try db.create(table: "boundary") { t in
            t.primaryKey("layer", .text)
            t.column("name_key", .text).notNull()
            t.column("parent_key", .text)
            t.column("geojson", .blob).notNull()
            t.column("features", .integer).notNull()
            t.column("source", .text).notNull()
        }
        // Safeguards 1 and 6 keep only counts of what matched nothing.
        try db.create(table: "counter") { t in
            t.column("name", .text).notNull()
            t.column("period", .text).notNull()
            t.column("value", .integer).notNull()
            t.primaryKey(["name", "period"])
        }
        // Where each feed stopped, committed with its effects.
        try db.create(table: "feed_position") { t in
            t.primaryKey("source", .text)
            t.column("position", .integer).notNull()
        }
    }
}
