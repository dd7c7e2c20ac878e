import Foundation
import Hotspots
@_spi(SignIn) import VigiaCore

/// Camera events from JSON lines through the rules into the database:
/// the demo shift's 60,942 lines (1,600 of them face probes), read as a
/// stream and committed in batches of 10,000 lines.
public enum IngestEventsBench {
    public static func run(sampleData: URL, repeats: Int) throws -> BenchReport {
        let file = sampleData.appendingPathComponent("camera-events.jsonl")
        var rates: [Double] = [], events = 0, alerts = 0
        let rssBefore = residentKilobytes()
        for _ in 0..<repeats {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vigia-bench-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: folder) }
            let engine = try Engine(databasePath: folder.appendingPathComponent("bench.sqlite").path)
            _ = try engine.ingestCameras(at: sampleData.appendingPathComponent("cameras.json"))
            try engine.addOperator(name: "bench", role: .admin, passphrase: "bench-passphrase", by: nil)
            let admin = Principal(name: "bench", role: .admin)
            _ = try engine.loadRules(text: try String(contentsOf: sampleData.appendingPathComponent("alert-rules.conf"), encoding: .utf8),
                                     source: "alert-rules.conf", by: admin)
            guard let handle = FileHandle(forReadingAtPath: file.path) else { throw EngineError.badInput(file: file.path, line: nil, field: nil, reason: "cannot open the file") }
            let report = try engine.ingestEvents(from: handle, source: file.lastPathComponent)
            rates.append(report.eventsPerSecond)
            events = report.events
            alerts = report.alerts
        }
        let params: [String: BenchParam] = ["events": .int(events), "alerts": .int(alerts), "file": .string(file.lastPathComponent),
                                            "batch_lines": .int(10_000), "threads": .int(1), "repeats": .int(repeats)]
        return BenchReport(suite: "ingest-events", results: [
            BenchResult(name: "events_through_rules_to_database", unit: "events/s", value: median(rates), params: params),
            BenchResult(name: "resident_memory_growth", unit: "KiB", value: Double(residentKilobytes() - rssBefore),
                        params: params),
        ])
    }

    /// VmRSS of this process, from /proc (0 where unavailable).
    static func residentKilobytes() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }) else { return 0 }
        return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
    }
}
