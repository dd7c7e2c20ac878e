import Foundation
import Testing
@testable import CameraAlerts
import VigiaCore

/// Camera health for Frigate cameras from Frigate's own signals (issue 21):
/// frame rates in frigate/stats start the watch, and then any event or
/// review is a sign of life too; an offline alert says which signal it used.
@Suite("Frigate signs of life")
struct FrigateSignOfLifeTests {
    let zone = TimeZone(identifier: "America/Argentina/Buenos_Aires")!
    let t0 = 1_542_301_200.0

    func engine(frigate: Bool) throws -> RuleEngine {
        let rules = try RuleFile.parse("[rule off]\nkind = offline\nmissed_heartbeats = 3\n[rule det]\nkind = detection\nlabels = car\n", file: "r")
        let cameras = ["C1", "C2"].map { Camera(id: $0, name: $0, location: GeoPoint(latitude: -34.6, longitude: -58.4), heartbeatSeconds: 60) }
        return RuleEngine(rules: rules, cameras: cameras, timeZone: zone, watchAfterFirstHeartbeat: frigate)
    }

    func at(_ s: Double, _ camera: String, _ kind: CameraEvent.Kind) -> CameraEvent {
        CameraEvent(cameraID: camera, time: Date(timeIntervalSince1970: t0 + s), trackID: "r1", kind: kind)
    }

    @Test("after frigate/stats reported it, an event keeps a camera alive; the offline alert comes 180 s after its last sign of life and names the signal")
    func eventsAreSignsOfLife() throws {
        var e = try engine(frigate: true)
        _ = e.process(at(0, "C1", .heartbeat))
        _ = e.process(at(150, "C1", .detection(label: "car", zone: nil, score: 0.9)))
        #expect(e.advance(to: t0 + 300).isEmpty, "the event at 150 s was a sign of life")
        #expect(e.health["C1"] == .online)
        let down = e.advance(to: t0 + 331)
        #expect(down.map(\.cameraID) == ["C1"] && down.first?.time == Date(timeIntervalSince1970: t0 + 330))
        #expect(down.first?.evidence["signal"] == "frigate/stats camera_fps, events and reviews")
        _ = e.process(at(400, "C1", .ended))
        #expect(e.health["C1"] == .online, "a review's end is a sign of life as well")
        // C2 only ever sent events, never stats: not watched, so its sparse events never make it look down.
        _ = e.process(at(10, "C2", .detection(label: "car", zone: nil, score: 0.9)))
        #expect(e.advance(to: t0 + 5_000).allSatisfy { $0.cameraID != "C2" })
    }

    @Test("with Vigía's own schema only heartbeats count, and the evidence says so")
    func vigiaHeartbeats() throws {
        var e = try engine(frigate: false)
        _ = e.process(at(0, "C1", .heartbeat))
        _ = e.process(at(0, "C2", .heartbeat))
        _ = e.process(at(150, "C1", .detection(label: "car", zone: nil, score: 0.9)))
        _ = e.process(at(150, "C2", .heartbeat))
        let down = e.advance(to: t0 + 200)
        #expect(down.map(\.cameraID) == ["C1"] && down.first?.evidence["signal"] == "Vigía heartbeats")
    }
}
