import Foundation
import VigiaCore

extension Engine {
    /// Whether `vigia demo` created this database (its `demo.database` mark).
    /// The demo writes sample incidents, cameras, operators and dated audit
    /// records into the database it runs on, so it reuses only its own.
    public func isDemoDatabase() throws -> Bool {
        try settings.value("demo.database") == "true"
    }

    /// Marks a new database as the demo's (audited).
    public func markAsDemoDatabase() throws {
        try settings.set("demo.database", "true", audit: AuditEntry(principal: .feed, action: .demoCreate, subject: location))
    }
}
