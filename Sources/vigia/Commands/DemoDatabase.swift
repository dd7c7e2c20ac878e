import ArgumentParser
import Engine
import Foundation
import SampleData

/// The demo's database up to the start of its shift: boundaries, operators,
/// real incidents, cameras, rules and face search set up. The demo then
/// replays or ingests the shift's feeds; the render bench ingests them too.
struct DemoDatabase {
    var engine: Engine
    var people: [OperatorsFile.Entry]
    var incidents: [IngestReport]
    var faces: DemoFaces?
    /// Cameras and rules are loaded, so the shift's events can be fed.
    var feedsReady: Bool

    static func prepare(path: String, data: URL) throws -> DemoDatabase {
        // The demo reuses only a database it created: it writes sample data and dated records into it.
        let isNew = !FileManager.default.fileExists(atPath: path)
        if !isNew, try !Engine(databasePath: path, create: false).isDemoDatabase() {
            throw ValidationError("\(path) was not created by the demo: the demo writes sample incidents, cameras, operators and 2018-dated records into the database it runs on, so it only reuses its own. Give --db a new path")
        }
        // The demo lives at the start of its sample shift: orders in force, authorisations, replay.
        let engine = try Engine(databasePath: path, clock: FixedTimeSource(SampleGenerator.shiftStart),
                                anchor: AuditAnchorSettings.standard(databasePath: path))
        if isNew { try engine.markAsDemoDatabase() }
        let layers: [(file: String, layer: String, name: String, parent: String?)] = [
            ("ba-barrios.geojson", "barrios", "barrio", "comuna"),
            ("ba-comunas.geojson", "comunas", "comuna", nil),
            ("ba-perimetro.geojson", "perimetro", "perimetro", nil),
        ]
        for l in layers where FileManager.default.fileExists(atPath: data.appendingPathComponent(l.file).path) {
            _ = try engine.ingestBoundaries(at: data.appendingPathComponent(l.file), layer: l.layer,
                                            nameKey: l.name, parentKey: l.parent)
        }
        // The demo operators, read once (none when the file is missing).
        let people = try DemoOperators.read(from: data)
        if try engine.awaitsFirstAdmin() { try DemoOperators.create(people, in: engine) }
        var reports: [IngestReport] = []
        for file in ["ba-robos-2017-2018.csv", "ba-delitos-2020.csv"] {
            let url = data.appendingPathComponent(file)
            guard FileManager.default.fileExists(atPath: url.path) else { continue }
            reports.append(try engine.ingestIncidents(at: url, options: .init(timeZone: engine.timeZone)))
        }
        var prepared = DemoDatabase(engine: engine, people: people, incidents: reports, faces: nil, feedsReady: false)
        let cameras = data.appendingPathComponent("cameras.json"), rules = data.appendingPathComponent("alert-rules.conf")
        if FileManager.default.fileExists(atPath: cameras.path), FileManager.default.fileExists(atPath: rules.path),
           let admin = people.first(where: { $0.role == .admin }) {
            _ = try engine.ingestCameras(at: cameras)
            let root = try engine.signIn(name: admin.name, passphrase: admin.passphrase)
            _ = try engine.loadRules(text: try String(contentsOf: rules, encoding: .utf8), source: rules.lastPathComponent, by: root)
            prepared.faces = try DemoFaces.prepare(engine: engine, data: data, people: people)
            prepared.feedsReady = true
        }
        return prepared
    }
}
