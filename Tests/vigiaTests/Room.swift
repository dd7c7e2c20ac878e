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
    static func time(_ minutes: Double) -> String { local(Date().timeIntervalSince1970 + minutes * 60) }

    /// Seconds since 1970 as the city's local ISO 8601 time, for `--at`, `--replay` and `--shift`.
    static func local(_ t: Double) -> String {
        let f = ISO8601DateFormatter()
        f.timeZone = TimeZone(identifier: "America/Argentina/Buenos_Aires")
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: Date(timeIntervalSince1970: t))
    }

    /// One Frigate motorcycle alert raised two days ago, ingested through the command line: its time and id.
    func alertTwoDaysAgo(track: String = "past") throws -> (then: Double, id: Int) {
        let then = Date().timeIntervalSince1970.rounded() - 2 * 86_400
        let file = try scratch.write("old.jsonl", FeedDefectTests.motorcycle(at: then, track: track) + "\n")
        #expect(try run(["ingest", "--events", file, "--events-format", "frigate"]).status == 0)
        let id = try count("SELECT id FROM alert LIMIT 1")
        try #require(id > 0)
        return (then, id)
    }

    /// The console as `name` in a detached 160×45 tmux session, with `args`.
    func console(as name: String, _ args: [String]) throws -> ConsoleEndToEndTests.Tmux {
        let tmux = ConsoleEndToEndTests.Tmux()
        let env = environment(as: name).map { "\($0.key)='\($0.value)'" }.sorted().joined(separator: " ")
        let quoted = args.map { "'\($0)'" }.joined(separator: " ")
        let command = "\(env) LANG=C.UTF-8 TERM=xterm-256color '\(VigiaProcess.executable.path)' --db '\(db)' --operator \(name) --no-bell --lang en \(quoted); sleep 30"
        _ = try tmux.run(["new-session", "-d", "-x", "160", "-y", "45", command])
        return tmux
    }

    /// Quits the console in `tmux`, answering its question if it asks.
    func quit(_ tmux: ConsoleEndToEndTests.Tmux) throws {
        try tmux.keys("q")
        Thread.sleep(forTimeInterval: 1)
        if try tmux.screen().contains("Quit? (y/n)") { try tmux.keys("y") }
        Thread.sleep(forTimeInterval: 1)
    }
}
