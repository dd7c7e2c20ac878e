import Foundation
@testable import Engine
import VigiaCore

/// An engine on a new temporary database, and helpers to write input files.
final class EngineFixture {
    let folder: URL
    let engine: Engine

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("vigia-engine-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        engine = try Engine(databasePath: folder.appendingPathComponent("t.sqlite").path,
                            clock: FixedTimeSource(Date(timeIntervalSince1970: 1_542_301_200)))
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    var databasePath: String { folder.appendingPathComponent("t.sqlite").path }

    func file(_ name: String, _ text: String) throws -> URL {
        try file(name, Data(text.utf8))
    }

    func file(_ name: String, _ data: Data) throws -> URL {
        let url = folder.appendingPathComponent(name)
        try data.write(to: url)
        return url
    }

    var options: IncidentCSVParser.Options {
        IncidentCSVParser.Options(timeZone: TimeZone(identifier: "America/Argentina/Buenos_Aires")!)
    }

    /// A 2 km square around the Obelisco, as a one-district boundary layer.
    func loadSquareDistrict() throws {
        let json = """
        {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"barrio":"CENTRO","comuna":"1"},
        "geometry":{"type":"Polygon","coordinates":[[[-58.392,-34.612],[-58.370,-34.612],[-58.370,-34.594],[-58.392,-34.594],[-58.392,-34.612]]]}}]}
        """
        _ = try engine.ingestBoundaries(at: try file("square.geojson", json), layer: "barrios", nameKey: "barrio", parentKey: "comuna")
    }

    /// Adds the first admin and returns them signed in.
    func admin() throws -> Principal {
        try engine.addOperator(name: "root", role: .admin, passphrase: "root-passphrase", by: nil)
        return try engine.signIn(name: "root", passphrase: "root-passphrase")
    }

    static var sampleData: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("sample-data")
    }
}
