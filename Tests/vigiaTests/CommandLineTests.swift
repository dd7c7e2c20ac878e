import Foundation
import GRDB
import Testing
import VigiaCore

@Suite("The vigia command line", .serialized)
struct CommandLineTests {
    @Test("--help lists the commands that exist")
    func help() throws {
        let r = try VigiaProcess.run(["--help"])
        #expect(r.status == 0)
        for command in ["status", "demo", "ingest", "operator", "audit", "quarantine", "sample", "predict", "patrol", "backtest",
                        "rules", "alerts", "watchlist", "faces", "authorise", "hits", "bench"] {
            #expect(r.stdout.contains(command), "\(command)")
        }
        for sub in [["ingest", "--help"], ["operator", "add", "--help"], ["audit", "verify", "--help"], ["bench", "--help"]] {
            #expect(try VigiaProcess.run(sub).status == 0, "\(sub)")
        }
    }

    @Test("a missing database: status says how to begin and creates nothing; JSON is valid once there is one")
    func freshStatus() throws {
        let s = try Scratch()
        let text = try VigiaProcess.run(["status", "--db", s.db])
        #expect(text.status != 0)
        #expect(text.stderr.contains("there is no database at") && text.stderr.contains("vigia operator add NAME --role admin"), "\(text.stderr)")
        #expect(!FileManager.default.fileExists(atPath: s.db), "a read created a database")
        #expect(try VigiaProcess.run(["operator", "add", "root", "--role", "admin", "--db", s.db],
                                     environment: ["VIGIA_NEW_PASSPHRASE": "root-passphrase"]).status == 0)
        let json = try VigiaProcess.run(["status", "--db", s.db, "--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(object?["auditIntact"] as? Bool == true)
    }

    @Test("operators: bootstrap an admin, sign in from the environment, refuse a wrong passphrase")
    func operators() throws {
        let s = try Scratch()
        let add = try VigiaProcess.run(["operator", "add", "root", "--role", "admin", "--db", s.db],
                                       environment: ["VIGIA_NEW_PASSPHRASE": "root-passphrase"])
        #expect(add.status == 0, "\(add.stderr)")
        let list = try VigiaProcess.run(["operator", "list", "--operator", "root", "--db", s.db],
                                        environment: ["VIGIA_PASSPHRASE": "root-passphrase"])
        #expect(list.status == 0 && list.stdout.contains("root\tadmin"))
        let wrong = try VigiaProcess.run(["operator", "list", "--operator", "root", "--db", s.db],
                                         environment: ["VIGIA_PASSPHRASE": "nope-nope"])
        #expect(wrong.status != 0 && wrong.stderr.contains("sign-in failed for root") && wrong.stdout.isEmpty)
        let noTerminal = try VigiaProcess.run(["operator", "list", "--operator", "root", "--db", s.db])
        #expect(noTerminal.status != 0 && noTerminal.stderr.contains("VIGIA_PASSPHRASE"))
        let dispatcher = try VigiaProcess.run(["operator", "add", "dina", "--role", "dispatcher", "--operator", "root", "--db", s.db],
                                              environment: ["VIGIA_PASSPHRASE": "root-passphrase", "VIGIA_NEW_PASSPHRASE": "dina-passphrase"])
        #expect(dispatcher.status == 0)
        let refused = try VigiaProcess.run(["operator", "add", "eve", "--role", "admin", "--operator", "dina", "--db", s.db],
                                           environment: ["VIGIA_PASSPHRASE": "dina-passphrase", "VIGIA_NEW_PASSPHRASE": "eve-passphrase"])
        #expect(refused.status != 0 && refused.stderr.contains("dina (dispatcher) may not do this"))
    }

    @Test("ingest reports rejects with file and line; bad files fail on stderr with a non-zero exit")
    func ingest() throws {
        let s = try Scratch()
        let good = try s.write("inc.csv", "fecha,franja_horaria,tipo,latitud,longitud\n2018-11-15,14,Robo,-34.6,-58.38\n2018-11-15,14,Robo,x,-58.38\n")
        let r = try VigiaProcess.run(["ingest", "--incidents", good, "--db", s.db, "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let report = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        #expect(report?["inserted"] as? Int == 1 && report?["rejected"] as? Int == 1)
        #expect((report?["examples"] as? [String])?.first?.hasPrefix("inc.csv:3: bad_coordinates") == true)
        let personal = try s.write("people.csv", "fecha,tipo,latitud,longitud,apellido\n")
        let refused = try VigiaProcess.run(["ingest", "--incidents", personal, "--db", s.db])
        #expect(refused.status != 0 && refused.stdout.isEmpty)
        #expect(refused.stderr.contains("people.csv") && refused.stderr.contains("apellido") && refused.stderr.contains("safeguard 7"))
        let missing = try VigiaProcess.run(["ingest", "--incidents", s.folder.appendingPathComponent("nope.csv").path, "--db", s.db])
        #expect(missing.status != 0 && missing.stderr.contains("nope.csv"))
        let nothing = try VigiaProcess.run(["ingest", "--db", s.db])
        #expect(nothing.status != 0 && nothing.stderr.contains("nothing to ingest"))
    }

    @Test("audit verify names the first tampered record and exits non-zero")
    func auditVerify() throws {
        let s = try Scratch()
        _ = try VigiaProcess.run(["operator", "add", "root", "--role", "admin", "--db", s.db], environment: ["VIGIA_NEW_PASSPHRASE": "root-passphrase"])
        let csv = try s.write("inc.csv", "fecha,franja_horaria,tipo,latitud,longitud\n2018-11-15,14,Robo,-34.6,-58.38\n")
        _ = try VigiaProcess.run(["ingest", "--incidents", csv, "--db", s.db])
        let env = ["VIGIA_PASSPHRASE": "root-passphrase"]
        let ok = try VigiaProcess.run(["audit", "verify", "--operator", "root", "--db", s.db], environment: env)
        #expect(ok.status == 0 && ok.stdout.contains("audit chain intact"))
        let export = try VigiaProcess.run(["audit", "export", "--operator", "root", "--db", s.db, "--format", "jsonl"], environment: env)
        #expect(export.status == 0 && export.stdout.split(separator: "\n").count >= 4)
        // Records: 1 operator.add, 2 ingest.incidents, then the logins and the verify and export.
        try DatabaseQueue(path: s.db).write { try $0.execute(sql: "UPDATE audit_log SET subject = 'other.csv' WHERE action = 'ingest.incidents'") }
        let broken = try VigiaProcess.run(["audit", "verify", "--operator", "root", "--db", s.db], environment: env)
        #expect(broken.status == 3)
        #expect(broken.stdout.contains("audit chain BROKEN: record 2 was edited"), "\(broken.stdout)")
    }

    @Test("bench prints the documented JSON shape")
    func bench() throws {
        let r = try VigiaProcess.run(["bench", "--suite", "ingest-incidents", "--format", "json", "--repeats", "1"])
        #expect(r.status == 0, "\(r.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        #expect(object?["suite"] as? String == "ingest-incidents")
        #expect(["debug", "release"].contains(object?["build"] as? String ?? ""))
        let results = object?["results"] as? [[String: Any]] ?? []
        #expect(results.count == 3) // parse, parse + districts, file to database
        for result in results {
            #expect(result["unit"] as? String == "rows/s" && (result["value"] as? Double ?? 0) > 0)
            #expect((result["params"] as? [String: Any])?["rows"] as? Int == 135_880)
        }
    }

    @Test("demo --headless runs the whole scripted shift in time order: the audit clock never runs backwards")
    func headlessDemo() throws {
        let s = try Scratch()
        let r = try VigiaProcess.run(["demo", "--headless", "--db", s.db])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("3000 posts classified, 89 flagged as threats"), "\(r.stdout)")
        #expect(r.stdout.contains("surge alert: CONSTITUCION"), "\(r.stdout)")
        #expect(r.stdout.contains("Scripted operators:") && r.stdout.contains("13 flags credible"), "\(r.stdout)")
        #expect(r.stdout.contains("Audit chain:") && r.stdout.contains("intact"), "\(r.stdout)")
        // One vocabulary: every record the whole shift wrote names an action of `AuditAction`, none a free string.
        let export = try VigiaProcess.run(["audit", "export", "--operator", "ana", "--db", s.db], environment: ["VIGIA_PASSPHRASE": "demo-ana-2018"])
        #expect(export.status == 0, "\(export.stderr)")
        let actions = Set(export.stdout.split(separator: "\n").compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["action"] as? String
        })
        #expect(actions.count >= 15, "\(actions.sorted())")
        #expect(actions.subtracting(AuditAction.allCases.map(\.rawValue)).isEmpty, "\(actions.sorted())")
    }

    @Test("demo builds a database from the sample data; its shift summary and transparency report")
    func demo() throws {
        let s = try Scratch()
        let r = try VigiaProcess.run(["demo", "--db", s.db, "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        let status = object?["status"] as? [String: Any]
        #expect((status?["incidents"] as? [String: Any])?["total"] as? Int == 205_491)
        #expect(status?["boundaryLayers"] as? [String] == ["barrios", "comunas", "perimetro"])
        #expect(status?["operators"] as? [String: Int] == ["admin": 1, "supervisor": 2, "dispatcher": 3, "auditor": 1])
        let predict = try VigiaProcess.run(["predict", "--db", s.db, "--at", "2018-11-15T14:00", "--horizon", "8h", "--top", "3", "--format", "json"])
        #expect(predict.status == 0, "\(predict.stderr)")
        let forecast = try JSONSerialization.jsonObject(with: Data(predict.stdout.utf8)) as? [String: Any]
        #expect((forecast?["cells"] as? [[String: Any]])?.count == 3)
        #expect((forecast?["concentration"] as? [[String: Any]])?.count ?? 0 >= 15)
        // The quality line: the last seven daily forecasts at 5 %, with the hit rate's interval.
        let quality = (forecast?["quality"] as? [String: Any])?["coverage"] as? [String: Any]
        let interval = quality?["hitRateInterval"] as? [String: Double]
        #expect((forecast?["quality"] as? [String: Any])?["days"] as? Int == 7 && quality?["percentOfArea"] as? Double == 5)
        #expect((interval?["lower"] ?? 2) <= (quality?["hitRate"] as? Double ?? -1) && (quality?["hitRate"] as? Double ?? 2) <= (interval?["upper"] ?? -1))
        // The documented demo passphrases work.
        let verify = try VigiaProcess.run(["audit", "verify", "--operator", "ana", "--db", s.db],
                                          environment: ["VIGIA_PASSPHRASE": "demo-ana-2018"])
        #expect(verify.status == 0 && verify.stdout.contains("intact"))
        try DemoReportChecks.run(db: s.db, scratch: s)
    }

    @Test("backtest prints the documented JSON shape; columns about people are refused")
    func backtest() throws {
        let r = try VigiaProcess.run(["backtest", "--incidents", "sample-data/ba-robos-2017-2018.csv", "--from", "2018-10-01",
                                      "--to", "2018-10-03", "--horizon", "1d", "--models", "recency,prior", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let o = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        #expect((o?["valid_cells"] as? Int ?? 0) > 7_000 && (o?["incidents"] as? Int ?? 0) > 400)
        let models = o?["models"] as? [[String: Any]] ?? []
        #expect(models.map { $0["name"] as? String } == ["recency", "prior"])
        let coverage = models.first?["coverage"] as? [[String: Any]] ?? []
        #expect(coverage.map { $0["percent"] as? Double } == [1, 2, 5, 10, 20])
        #expect(coverage.allSatisfy { ($0["hit_rate"] as? Double ?? -1) >= 0 && ($0["hit_rate"] as? Double ?? 2) <= 1 && $0["pai"] != nil && $0["captured"] != nil })
        // Three daily periods: Wilson intervals around each pooled hit rate, and PEI never above 1.
        #expect(coverage.allSatisfy { c in
            let (low, rate, high) = (c["hit_rate_low"] as? Double ?? 2, c["hit_rate"] as? Double ?? -1, c["hit_rate_high"] as? Double ?? -1)
            return low <= rate && rate <= high && c["interval"] as? String == "wilson" && (c["pei"] as? Double ?? 2) <= 1
        })
        let periods = models.first?["periods"] as? [[String: Any]] ?? []
        #expect(periods.first?["start"] as? String == "2018-10-01T00:00:00-03:00" && periods.count == 3)
        let s = try Scratch()
        let people = try s.write("p.csv", "fecha,tipo,latitud,longitud,sospechoso\n2018-01-01,Robo,-34.6,-58.4,x\n")
        let refused = try VigiaProcess.run(["backtest", "--incidents", people, "--from", "2018-01-02", "--to", "2018-01-03"])
        #expect(refused.status != 0 && refused.stderr.contains("safeguard 7"))
    }

    @Test("camera alerts from the command line: cameras, rules, a piped feed, then the life cycle")
    func alerts() throws {
        let s = try Scratch()
        let env = ["VIGIA_NEW_PASSPHRASE": "root-passphrase", "VIGIA_PASSPHRASE": "root-passphrase"]
        _ = try VigiaProcess.run(["operator", "add", "root", "--role", "admin", "--db", s.db], environment: env)
        #expect(try VigiaProcess.run(["ingest", "--cameras", "sample-data/cameras.json", "--db", s.db]).status == 0)
        let bad = try s.write("bad.rules", "[rule x]\nkind = crowd\nmin_count = lots\n")
        let check = try VigiaProcess.run(["rules", "check", bad])
        #expect(check.status != 0 && check.stderr.contains("bad.rules:3: min_count must be a number"))
        let noRules = try VigiaProcess.run(["ingest", "--events", "sample-data/camera-events.jsonl", "--db", s.db])
        #expect(noRules.status != 0 && noRules.stderr.contains("no alert rules loaded"))
        let load = try VigiaProcess.run(["rules", "load", "sample-data/alert-rules.conf", "--operator", "root", "--db", s.db], environment: env)
        #expect(load.status == 0 && load.stdout.contains("loaded 8 rules"))
        let ingest = try VigiaProcess.run(["ingest", "--events", "sample-data/camera-events.jsonl", "--db", s.db, "--format", "json"])
        #expect(ingest.status == 0, "\(ingest.stderr)")
        let report = try JSONSerialization.jsonObject(with: Data(ingest.stdout.utf8)) as? [String: Any]
        #expect((report?["alerts"] as? Int ?? 0) > 40 && report?["faceProbes"] as? Int == 1_600)
        let list = try VigiaProcess.run(["alerts", "list", "--db", s.db, "--at", "2018-11-15T22:00", "--format", "json"])
        let queue = try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [String: Any]
        let first = try #require(((queue?["items"] as? [[String: Any]])?.first?["stored"] as? [String: Any])?["alert"] as? [String: Any])
        let id = String(try #require(first["id"] as? Int))
        #expect(try VigiaProcess.run(["alerts", "act", "acknowledge", id, "--operator", "root", "--db", s.db], environment: env).status == 0)
        // Procedure steps from a script: ticked once, listed with who.
        let tick = try VigiaProcess.run(["alerts", "step", id, "1", "--operator", "root", "--db", s.db], environment: env)
        #expect(tick.status == 0 && tick.stdout.contains("step 1 done (1 of"), "\(tick.stderr)")
        let twice = try VigiaProcess.run(["alerts", "step", id, "1", "--operator", "root", "--db", s.db], environment: env)
        #expect(twice.status != 0 && twice.stderr.contains("step 1 was already ticked by root"))
        let beyond = try VigiaProcess.run(["alerts", "step", id, "99", "--operator", "root", "--db", s.db], environment: env)
        #expect(beyond.status != 0 && beyond.stderr.contains("step 99 does not exist"))
        #expect(try VigiaProcess.run(["alerts", "show", id, "--db", s.db]).stdout.contains("1. [x] root "))
        let note = try VigiaProcess.run(["alerts", "note", id, "--text", "a cleaner, known to the station", "--operator", "root", "--db", s.db], environment: env)
        #expect(note.status == 0, "\(note.stderr)")
        #expect(try VigiaProcess.run(["alerts", "show", id, "--db", s.db]).stdout.contains("by root: a cleaner, known to the station"))
        let refused = try VigiaProcess.run(["alerts", "close", id, "--disposition", "maybe", "--operator", "root", "--db", s.db], environment: env)
        #expect(refused.status != 0 && refused.stderr.contains("--disposition takes attended"))
        let closed = try VigiaProcess.run(["alerts", "close", id, "--disposition", "false_alarm", "--operator", "root", "--db", s.db], environment: env)
        #expect(closed.status == 0 && closed.stdout.contains("closed: false_alarm"))
        let show = try VigiaProcess.run(["alerts", "show", id, "--db", s.db])
        #expect(show.stdout.contains("new → acknowledged  by root") && show.stdout.contains("acknowledged → closed  by root"))
        let again = try VigiaProcess.run(["alerts", "act", "dispatch", id, "--operator", "root", "--db", s.db], environment: env)
        #expect(again.status != 0 && again.stderr.contains("cannot dispatch an alert that is closed"))
        // Bulk close from a script: a filter is required; each matching open alert closes with the one reason.
        let unfiltered = try VigiaProcess.run(["alerts", "close-all", "--disposition", "false_alarm", "--reason", "x", "--operator", "root", "--db", s.db], environment: env)
        #expect(unfiltered.status != 0 && unfiltered.stderr.contains("choose the alerts with --rule"))
        let bulk = try VigiaProcess.run(["alerts", "close-all", "--rule", "motorcycle-on-sidewalk", "--disposition", "false_alarm", "--reason", "delivery riders",
                                         "--operator", "root", "--db", s.db, "--format", "json"], environment: env)
        #expect(bulk.status == 0, "\(bulk.stderr)")
        let result = try JSONSerialization.jsonObject(with: Data(bulk.stdout.utf8)) as? [String: Any]
        #expect(((result?["closed"] as? [Any])?.count ?? 0) > 0, "\(bulk.stdout)")
        let after = try VigiaProcess.run(["alerts", "list", "--db", s.db, "--format", "json"])
        #expect(!after.stdout.contains("motorcycle-on-sidewalk"), "none of that rule left open")
    }

    @Test("--follow reads a growing file and stops cleanly on Ctrl-C, with everything committed")
    func follow() throws {
        let s = try Scratch()
        let env = ["VIGIA_NEW_PASSPHRASE": "root-passphrase", "VIGIA_PASSPHRASE": "root-passphrase"]
        _ = try VigiaProcess.run(["operator", "add", "root", "--role", "admin", "--db", s.db], environment: env)
        _ = try VigiaProcess.run(["ingest", "--cameras", "sample-data/cameras.json", "--db", s.db])
        _ = try VigiaProcess.run(["rules", "load", "sample-data/alert-rules.conf", "--operator", "root", "--db", s.db], environment: env)
        let all = try String(contentsOf: VigiaProcess.repository.appendingPathComponent("sample-data/camera-events.jsonl"), encoding: .utf8)
            .split(separator: "\n")
        let feed = s.folder.appendingPathComponent("feed.jsonl")
        try (all.prefix(500).joined(separator: "\n") + "\n").write(to: feed, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = VigiaProcess.executable
        process.arguments = ["ingest", "--db", s.db, "--events", feed.path, "--follow"]
        let out = Pipe()
        process.standardOutput = out
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Wait for the feed to commit what the file holds, then grow the file
        // and wait for the rest: no fixed sleep that assumes an idle machine.
        func committed() throws -> Int {
            guard FileManager.default.fileExists(atPath: s.db) else { return 0 }
            return try DatabaseQueue(path: s.db).read { db in
                try Int.fetchOne(db, sql: "SELECT max(position) FROM feed_position WHERE source LIKE 'feed.jsonl%'") ?? 0
            }
        }
        func waitFor(_ line: Int) throws {
            let until = Date().addingTimeInterval(120)
            while try committed() < line, process.isRunning, Date() < until { Thread.sleep(forTimeInterval: 0.05) }
        }
        try waitFor(500)
        #expect(try committed() == 500, "the follower did not commit the first 500 lines")
        let handle = try FileHandle(forWritingTo: feed)
        handle.seekToEndOfFile()
        handle.write(Data((all[500..<3000].joined(separator: "\n") + "\n").utf8))
        try handle.close()
        try waitFor(3000)
        kill(process.processIdentifier, SIGINT)
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(text.hasPrefix("feed.jsonl: 3000 lines, 3000 events"), "\(text)")
    }

    @Test("faces calibrate on a small generated set: FPIR at or below the target, per group, lapsed orders left out")
    func facesCalibrate() throws {
        let s = try Scratch()
        let gen = try VigiaProcess.run(["sample", "generate", "--seed", "5", "--out", s.folder.path, "--watchlist-size", "60",
                                        "--probes", "20", "--calibration-size", "2000"])
        #expect(gen.status == 0, "\(gen.stderr)")
        let set = s.folder.appendingPathComponent("face-calibration.jsonl").path, list = s.folder.appendingPathComponent("watchlist.json").path
        let r = try VigiaProcess.run(["faces", "calibrate", "--set", set, "--watchlist", list, "--fpir", "0.01", "--at", "2018-11-15T14:00", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let report = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        #expect((report?["fpir"] as? Double ?? 1) <= 0.01)
        #expect(report?["nonMatedSearches"] as? Int == 2_000)
        #expect((report?["groups"] as? [[String: Any]])?.count == 4)
        #expect((report?["entries"] as? Int ?? 60) < 60, "lapsed and defective entries are not searched")
        let now = try VigiaProcess.run(["faces", "calibrate", "--set", set, "--watchlist", list, "--fpir", "0.01"])
        #expect(now.status != 0 && now.stderr.contains("every order has lapsed"))
    }

    @Test("watchlist: refused without a court order; revoke purges; a dispatcher is refused")
    func watchlist() throws {
        let s = try Scratch()
        let env = ["VIGIA_NEW_PASSPHRASE": "root-passphrase", "VIGIA_PASSPHRASE": "root-passphrase"]
        _ = try VigiaProcess.run(["operator", "add", "root", "--role", "admin", "--db", s.db], environment: env)
        _ = try VigiaProcess.run(["operator", "add", "dina", "--role", "dispatcher", "--operator", "root", "--db", s.db],
                                 environment: ["VIGIA_PASSPHRASE": "root-passphrase", "VIGIA_NEW_PASSPHRASE": "dina-passphrase"])
        let t = Data((0..<512).flatMap { i -> [UInt8] in withUnsafeBytes(of: Float(i % 7 + 1).bitPattern.littleEndian) { Array($0) } }).base64EncodedString()
        let base = ["watchlist", "add", "--id", "W9", "--name", "Persona Ficticia", "--offence", "robo", "--issued", Room.day(-30),
                    "--expires", Room.day(365), "--template", t, "--operator", "root", "--db", s.db]
        let refused = try VigiaProcess.run(base, environment: env)
        #expect(refused.status != 0 && refused.stderr.contains("no order reference or issuing court") && refused.stderr.contains("safeguard 2"))
        let added = try VigiaProcess.run(base + ["--order", "Causa 9/2026", "--court", "Juzgado N.º 9"], environment: env)
        #expect(added.status == 0, "\(added.stderr)")
        let dina = try VigiaProcess.run(["watchlist", "list", "--operator", "dina", "--db", s.db], environment: ["VIGIA_PASSPHRASE": "dina-passphrase"])
        #expect(dina.status != 0 && dina.stderr.contains("may not do this"))
        let revoke = try VigiaProcess.run(["watchlist", "revoke", "W9", "--reason", "order annulled", "--operator", "root", "--db", s.db], environment: env)
        #expect(revoke.status == 0 && revoke.stdout.contains("templates deleted"))
        let list = try VigiaProcess.run(["watchlist", "list", "--operator", "root", "--db", s.db], environment: env)
        #expect(list.stdout.contains("W9\trevoked\t0 templates"))
    }

    @Test("authorise and hits: a dispatcher cannot authorise; dispatch on an unconfirmed candidate is refused")
    func authoriseAndHits() throws {
        let s = try Scratch()
        let env = ["VIGIA_NEW_PASSPHRASE": "root-passphrase", "VIGIA_PASSPHRASE": "root-passphrase"]
        _ = try VigiaProcess.run(["operator", "add", "root", "--role", "admin", "--db", s.db], environment: env)
        _ = try VigiaProcess.run(["operator", "add", "dina", "--role", "dispatcher", "--operator", "root", "--db", s.db],
                                 environment: ["VIGIA_PASSPHRASE": "root-passphrase", "VIGIA_NEW_PASSPHRASE": "dina-passphrase"])
        let args = ["authorise", "--entries", "all", "--cameras", "all", "--from", Room.time(1), "--to", Room.time(6 * 60),
                    "--reason", "Causa 9/2026, orden de captura", "--db", s.db]
        let dina = try VigiaProcess.run(args + ["--operator", "dina"], environment: ["VIGIA_PASSPHRASE": "dina-passphrase"])
        #expect(dina.status != 0 && dina.stderr.contains("may not do this"))
        let root = try VigiaProcess.run(args + ["--operator", "root", "--urgent"], environment: env)
        #expect(root.status == 0 && root.stdout.contains("confirms within 24 h"), "\(root.stdout)")
        let selfConfirm = try VigiaProcess.run(["authorise", "confirm", "1", "--operator", "root", "--db", s.db], environment: env)
        #expect(selfConfirm.status != 0 && selfConfirm.stderr.contains("a second, different person must"), "\(selfConfirm.stderr)")
        let list = try VigiaProcess.run(["hits", "list", "--operator", "dina", "--db", s.db], environment: ["VIGIA_PASSPHRASE": "dina-passphrase"])
        #expect(list.status == 0 && list.stdout.contains("0 candidates"))
        let missing = try VigiaProcess.run(["hits", "dispatch", "1", "--operator", "dina", "--db", s.db], environment: ["VIGIA_PASSPHRASE": "dina-passphrase"])
        #expect(missing.status != 0 && missing.stderr.contains("no hit 1"))
    }

    @Test("sample check passes the shipped folder and fails a missing one with reasons on stderr")
    func sampleCheck() throws {
        let ok = try VigiaProcess.run(["sample", "check", "sample-data"])
        #expect(ok.status == 0 && ok.stdout.contains("sample data valid"))
        #expect(ok.stdout.contains("5 × watchlist.json: no court order reference"))
        let s = try Scratch()
        let bad = try VigiaProcess.run(["sample", "check", s.folder.path])
        #expect(bad.status == 1 && bad.stderr.contains("cameras.json: missing or unreadable"))
    }
}
