import Foundation
import GRDB
import Testing

/// A room made through the command line: root and olga (admins), ana
/// (auditor), sergio and marta (supervisors), dina and diego
/// (dispatchers), the sample cameras and rules; its own signing key and
/// checkpoint log, with a checkpoint every 3 records.
final class Room {
    let scratch: Scratch
    var db: String { scratch.db }
    var key: String { scratch.folder.appendingPathComponent("audit.key").path }
    var checkpoints: String { db + ".checkpoints" }
    let passphrases = ["root": "root-passphrase", "olga": "olga-passphrase", "ana": "ana-passphrase", "sergio": "sergio-passphrase",
                       "marta": "marta-passphrase", "dina": "dina-passphrase", "diego": "diego-passphrase"]

    init() throws {
        scratch = try Scratch()
        #expect(try run(["operator", "add", "root", "--role", "admin"], new: "root-passphrase").status == 0)
        for (name, role) in [("olga", "admin"), ("ana", "auditor"), ("sergio", "supervisor"), ("marta", "supervisor"),
                             ("dina", "dispatcher"), ("diego", "dispatcher")] {
            let r = try run(["operator", "add", name, "--role", role, "--operator", "root"], as: "root", new: passphrases[name])
            #expect(r.status == 0, "\(r.stderr)")
        }
        #expect(try run(["ingest", "--cameras", "sample-data/cameras.json"]).status == 0)
        #expect(try run(["rules", "load", "sample-data/alert-rules.conf", "--operator", "root"], as: "root").status == 0)
    }

    func environment(as name: String? = nil, new: String? = nil) -> [String: String] {
        var env = ["VIGIA_AUDIT_KEY": key, "VIGIA_AUDIT_CHECKPOINT_RECORDS": "3"]
        if let name { env["VIGIA_PASSPHRASE"] = passphrases[name] ?? "wrong-passphrase" }
        if let new { env["VIGIA_NEW_PASSPHRASE"] = new }
        return env
    }

    @discardableResult
    func run(_ args: [String], as name: String? = nil, new: String? = nil) throws -> VigiaProcess.Result {
        try VigiaProcess.run(args + ["--db", db], environment: environment(as: name, new: new))
    }

    func verify() throws -> VigiaProcess.Result { try run(["audit", "verify", "--operator", "ana"], as: "ana") }

    func raw<T>(_ body: (Database) throws -> T) throws -> T { try DatabaseQueue(path: db).write(body) }
    func count(_ sql: String) throws -> Int { try raw { try Int.fetchOne($0, sql: sql) ?? 0 } }

    /// The date `days` from today, as YYYY-MM-DD (the command line runs on the real clock).
    static func day(_ days: Int) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withFullDate]
        f.timeZone = TimeZone(identifier: "America/Argentina/Buenos_Aires")
        return f.string(from: Date().addingTimeInterval(Double(days) * 86_400))
    }

    /// A time `minutes` from now, as ISO 8601 in Buenos Aires.
    static func time(_ minutes: Double) -> String {
        let f = ISO8601DateFormatter()
        f.timeZone = TimeZone(identifier: "America/Argentina/Buenos_Aires")
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: Date().addingTimeInterval(minutes * 60))
    }
}
