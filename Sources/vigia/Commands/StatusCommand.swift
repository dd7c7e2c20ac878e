import ArgumentParser
import Engine
import Foundation

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Show what the database holds and whether its audit chain is intact.")

    @OptionGroup var database: DatabaseOptions
    @Option(help: "text or json") var format: OutputFormat = .text

    func run() throws {
        let engine = try database.openEngine()
        let status = try engine.status(as: .feed)
        if format == .json {
            print(try Output.json(status))
        } else {
            print(StatusText.render(status, timeZone: engine.timeZone))
        }
    }
}

enum StatusText {
    static func render(_ s: DatabaseStatus, timeZone: TimeZone) -> String {
        let f = TimestampFormatter(timeZone: timeZone)
        var lines = ["Database: \(s.database)"]
        let ops = s.operators.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
        lines.append("Operators: \(ops.isEmpty ? "none yet (create the first admin: vigia operator add NAME --role admin)" : ops)")
        lines.append("Boundary layers: \(s.boundaryLayers.isEmpty ? "none" : s.boundaryLayers.joined(separator: ", "))")
        var incidents = "Incidents: \(s.incidents.total)"
        if let first = s.incidents.first, let last = s.incidents.last {
            incidents += " from \(f.string(from: first)) to \(f.string(from: last))"
        }
        lines.append(incidents)
        for (type, n) in s.incidents.byType.sorted(by: { $0.value > $1.value }) {
            lines.append("  \(pad(String(n), 8)) \(type)")
        }
        let sources = s.incidents.bySource.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
        if !sources.isEmpty { lines.append("  reported by: \(sources)") }
        let districts = s.incidents.byParentDistrict.sorted { $0.value > $1.value }
        if !districts.isEmpty {
            let label = s.parentDistrictLabel ?? "district"
            lines.append("  by \(label): " + districts.prefix(20).map { "\($0.key): \($0.value)" }.joined(separator: " · "))
        }
        lines.append("Quarantined input rows: \(s.quarantined)")
        lines.append("Audit chain: \(s.auditRecords) records, " + (s.auditIntact ? "intact" : "BROKEN: \(s.auditProblem ?? "?")"))
        return lines.joined(separator: "\n")
    }

    static func pad(_ s: String, _ n: Int) -> String {
        String(repeating: " ", count: max(0, n - s.count)) + s
    }
}
