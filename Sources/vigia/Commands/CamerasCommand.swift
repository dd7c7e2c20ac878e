import ArgumentParser
import Engine
import Foundation

struct CamerasCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cameras", abstract: "List the registered cameras, or register a Frigate's cameras from its config.yml.",
        subcommands: [List.self, Import.self], defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The registered cameras: id, Frigate name, zones, heartbeat, place.")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var signIn: SignInOptions
        @Option(help: "text or json") var format: OutputFormat = .text
        func run() throws {
            let engine = try database.openEngine()
            let cameras = try engine.cameraRegistry(as: try signIn.reader(engine, purpose: "listing cameras"))
            if format == .json { print(try Output.json(cameras)); return }
            for c in cameras {
                let place = [c.district, c.parentDistrict.map { "comuna \($0)" }].compactMap { $0 }.joined(separator: ", ")
                print("\(TerminalSafe.line(c.id, limit: 64))  \(TerminalSafe.line(c.name, limit: 60))  frigate \(c.frigateName.map { TerminalSafe.line($0, limit: 64) } ?? "-")  "
                      + "zones \(c.zones.map { TerminalSafe.line($0, limit: 64) }.joined(separator: ",").nilIfEmpty ?? "-")  heartbeat \(c.heartbeatSeconds) s"
                      + (place.isEmpty ? "" : "  \(TerminalSafe.line(place, limit: 80))"))
            }
            print("\(cameras.count) cameras")
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Register the cameras of a Frigate config.yml, placed by a CSV (supervisor or admin; audited).",
            discussion: """
                Camera names and zones come from Frigate's config.yml, and its mqtt.stats_interval (60 s by default) \
                becomes each camera's heartbeat: Frigate's frigate/stats messages are the sign that a camera's frames arrive. \
                Positions come from --places, a CSV the integrator writes: frigate_name,lat,lon[,name]. The barrio and comuna \
                come from the stored boundaries. Cameras disabled in Frigate are not registered. The import is refused whole, \
                with every problem's file and line, and nothing is stored; imported cameras replace any camera of the same id \
                or Frigate name, and the others stay.
                """)
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var signIn: SignInOptions
        @Option(name: .customLong("frigate-config"), help: "Frigate's config.yml.", completion: .file()) var frigateConfig: String
        @Option(help: "CSV: frigate_name,lat,lon[,name].", completion: .file()) var places: String
        @Option(help: "text or json") var format: OutputFormat = .text
        func run() throws {
            let engine = try database.openEngine()
            let principal = try signIn.signIn(engine, purpose: "importing cameras")
            let report = try engine.importFrigateCameras(config: URL(fileURLWithPath: frigateConfig), places: URL(fileURLWithPath: places), by: principal)
            if format == .json { print(try Output.json(report)); return }
            print("\(frigateConfig): \(report.imported.count) cameras registered (heartbeat: frigate/stats every \(report.statsIntervalSeconds) s), "
                  + "\(report.kept) others kept" + (report.disabled.isEmpty ? "" : "; disabled in Frigate, not registered: \(report.disabled.joined(separator: ", "))"))
        }
    }
}

private extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
