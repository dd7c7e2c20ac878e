import Foundation
import GRDB
import Testing

/// A database ready for the sample shift's camera events, made through the
/// command line: an admin `root`, the sample cameras and the alert rules.
enum FeedDatabase {
    static let root = ["VIGIA_PASSPHRASE": "root-passphrase"]
    /// Every alert as one comparable line, in a stable order.
    static let alertsSQL = "SELECT rule_id || '|' || coalesce(camera_id, '') || '|' || created_at || '|' || title FROM alert ORDER BY 1"
    /// Every counter's total.
    static let countersSQL = "SELECT name || '=' || sum(value) FROM counter GROUP BY name ORDER BY name"

    static func prepare(_ db: String) throws {
        #expect(try VigiaProcess.run(["operator", "add", "root", "--role", "admin", "--db", db], environment: ["VIGIA_NEW_PASSPHRASE": "root-passphrase"]).status == 0)
        #expect(try VigiaProcess.run(["ingest", "--cameras", "sample-data/cameras.json", "--db", db]).status == 0)
        let rules = try VigiaProcess.run(["rules", "load", "sample-data/alert-rules.conf", "--operator", "root", "--db", db], environment: root)
        #expect(rules.status == 0, "\(rules.stderr)")
    }

    static func rows(_ db: String, _ sql: String) throws -> [String] {
        try DatabaseQueue(path: db).read { try String.fetchAll($0, sql: sql) }
    }
}
