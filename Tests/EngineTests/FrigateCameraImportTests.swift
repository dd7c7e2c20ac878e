import Foundation
import Testing
@testable import Engine
@_spi(SignIn) import VigiaCore

/// `vigia cameras import`: a Frigate's own config.yml and the integrator's
/// places CSV instead of a hand-written cameras JSON (issue 21).
@Suite("Cameras from Frigate's config.yml")
struct FrigateCameraImportTests {
    static let config = """
    mqtt:
      host: 10.0.0.5
      stats_interval: 30
    cameras:
      plaza_mayo:
        ffmpeg:
          inputs:
            - path: rtsp://10.0.0.20:554/stream
              roles: [detect]
        zones:
          sidewalk:
            coordinates: 0,461,3,0,1919,0,1919,843
          plaza:
            coordinates: 10,10,20,20,30,30
      retiro_hall:
        detect: {fps: 5}
      old_cam:
        enabled: false
    """
    static let places = "frigate_name,lat,lon,name\nplaza_mayo,-34.6083,-58.3712,\"Plaza de Mayo, Casa Rosada\"\nretiro_hall,-34.5910,-58.3747,\n"

    func setUp() throws -> (EngineFixture, Principal) {
        let f = try EngineFixture()
        let admin = try f.admin()
        try f.engine.addOperator(name: "sergio", role: .supervisor, passphrase: "sergio-passphrase", by: admin)
        try f.engine.addOperator(name: "dina", role: .dispatcher, passphrase: "dina-passphrase", by: admin)
        try f.loadSquareDistrict()
        return (f, Principal(name: "sergio", role: .supervisor))
    }

    @Test("names, zones, stats_interval as heartbeat, positions and districts; a disabled camera is left out; audited with both files' hashes")
    func imports() throws {
        let (f, sergio) = try setUp()
        _ = try f.engine.ingestCameras(at: try f.file("cameras.json", """
            {"schema":"vigia.cameras/1","cameras":[{"id":"C-9","name":"Vieja","lat":-34.6,"lon":-58.4,"zones":[],"heartbeat_seconds":60},
            {"id":"plaza_mayo","name":"old","lat":-34.6,"lon":-58.4,"zones":[],"heartbeat_seconds":60}]}
            """))
        let report = try f.engine.importFrigateCameras(config: try f.file("config.yml", Self.config), places: try f.file("places.csv", Self.places), by: sergio)
        #expect(report.imported == ["plaza_mayo", "retiro_hall"] && report.disabled == ["old_cam"] && report.kept == 1 && report.statsIntervalSeconds == 30)
        let cameras = Dictionary(uniqueKeysWithValues: try f.engine.cameraRegistry(as: sergio).map { ($0.id, $0) })
        #expect(cameras.keys.sorted() == ["C-9", "plaza_mayo", "retiro_hall"])
        let plaza = try #require(cameras["plaza_mayo"])
        #expect(plaza.name == "Plaza de Mayo, Casa Rosada" && plaza.zones == ["sidewalk", "plaza"] && plaza.heartbeatSeconds == 30)
        #expect(plaza.frigateName == "plaza_mayo" && plaza.district == "CENTRO" && plaza.parentDistrict == "1")
        #expect(plaza.location == GeoPoint(latitude: -34.6083, longitude: -58.3712))
        #expect(cameras["retiro_hall"]?.zones == [] && cameras["retiro_hall"]?.name == "retiro_hall")
        let record = try #require(try f.engine.audit.records(from: nil, to: nil).last)
        #expect(record.action == "cameras.import" && record.operatorName == "sergio")
        let details = try #require(try JSONSerialization.jsonObject(with: Data(record.details.utf8)) as? [String: Any])
        #expect((details["config_sha256"] as? String)?.count == 64 && (details["places_sha256"] as? String)?.count == 64)
        #expect(details["imported"] as? Int == 2 && details["disabled"] as? Int == 1 && details["kept"] as? Int == 1)
    }

    @Test("refused whole with every problem's file and line, nothing stored; a dispatcher may not import")
    func refusals() throws {
        let (f, sergio) = try setUp()
        let bad = """
        cameras:
          plaza_mayo:
            zones:
              side walk:
                coordinates: 1
          unplaced: {}
        """
        let csv = "frigate_name,lat,lon\nplaza_mayo,-134.6,-58.3\nghost,-34.6,-58.4\nplaza_mayo,1,1\n"
        do {
            _ = try f.engine.importFrigateCameras(config: try f.file("bad.yml", bad), places: try f.file("bad.csv", csv), by: sergio)
            Issue.record("a bad import was accepted")
        } catch let e as EngineError {
            let text = e.description
            for expected in ["bad.yml:4 (cameras.plaza_mayo.zones)", "bad.yml:6 (cameras.unplaced): camera unplaced has no line in bad.csv",
                             "bad.csv:2 (lat)", "bad.csv:3 (frigate_name): ghost is not a camera in bad.yml", "bad.csv:4 (frigate_name)"] {
                #expect(text.contains(expected), "\(expected) in \(text)")
            }
            #expect(text.hasPrefix("camera import refused, nothing stored: "))
        }
        #expect(try f.engine.cameraRegistry(as: sergio).isEmpty)
        do {
            _ = try f.engine.importFrigateCameras(config: try f.file("syntax.yml", "cameras:\n  a: [1, 2\n"), places: try f.file("p.csv", Self.places), by: sergio)
            Issue.record("a YAML syntax error was accepted")
        } catch let e as EngineError { #expect(e.description.contains("syntax.yml:") && e.description.contains("not valid YAML"), "\(e)") }
        for (name, text) in [("empty.yml", ""), ("list.yml", "- a\n- b\n"), ("nocams.yml", "mqtt:\n  host: x\n"), ("interval.yml", "mqtt:\n  stats_interval: 2\ncameras:\n  a: {}\n")] {
            #expect(throws: EngineError.self, "\(name)") {
                try f.engine.importFrigateCameras(config: try f.file(name, text), places: try f.file("p.csv", "frigate_name,lat,lon\na,-34.6,-58.4\n"), by: sergio)
            }
        }
        #expect(throws: EngineError.self) {
            try f.engine.importFrigateCameras(config: try f.file("c.yml", Self.config), places: try f.file("h.csv", "name,lat,lon\n"), by: sergio)
        }
        #expect(throws: EngineError.forbidden(principal: "dina", role: .dispatcher, permission: .manageRules)) {
            try f.engine.importFrigateCameras(config: try f.file("c.yml", Self.config), places: try f.file("p.csv", Self.places), by: Principal(name: "dina", role: .dispatcher))
        }
        #expect(try f.engine.cameraRegistry(as: sergio).isEmpty)
    }
}
