import Foundation
import FaceMatch
import VigiaCore

extension SampleGenerator {
    /// One event before it becomes a JSON line; sorted by time, then camera.
    struct TimedLine {
        var time: Double
        var camera: String
        var order: Int
        var line: String
    }

    /// The shift's camera events: heartbeats (with outages and tampering),
    /// detections, loitering, crowd counts and face probes.
    func eventLines(cameras: [Camera], model: SyntheticFaceModel, people: [SamplePerson], random: SeededRandom) -> [String] {
        var random = random
        var events: [TimedLine] = []
        let start = Self.shiftStart.timeIntervalSince1970, end = Self.shiftEnd.timeIntervalSince1970
        var track = 0
        func emit(_ time: Double, _ camera: Camera, _ fields: [String: CanonicalJSON]) {
            var o = fields
            o["camera"] = .string(camera.id)
            o["time"] = .string(timestamp(Date(timeIntervalSince1970: time.rounded(.down))))
            events.append(TimedLine(time: time.rounded(.down), camera: camera.id, order: events.count, line: CanonicalJSON.object(o).text))
        }
        func nextTrack() -> CanonicalJSON {
            track += 1
            return .string("t\(track)")
        }
        /// Busier in the evening: 0.8 at 14:00 rising to 1.4 around 19:00.
        func hourFactor(_ t: Double) -> Double {
            let h = (t - start) / 3600 + 14
            return 0.8 + 0.6 * exp(-pow((h - 19) / 2.2, 2))
        }

        // Outages and tampering, chosen so several rules fire during the shift.
        let outages: [(camera: Int, from: Double, to: Double)] = [
            (20, start + 3_600, start + 5_400), (47, start + 9_000, start + 14_400),
            (88, start + 16_200, start + 17_100), (131, start + 24_000, end),
        ]
        let tampers: [(camera: Int, at: Double, reason: String)] = [
            (63, start + 12_600, "view_blocked"), (109, start + 21_000, "camera_moved"),
        ]
        for (i, camera) in cameras.enumerated() {
            var t = start + Double(random.int(in: 0...(camera.heartbeatSeconds - 1)))
            while t < end {
                if !outages.contains(where: { $0.camera == i && t >= $0.from && t < $0.to }) {
                    emit(t, camera, ["type": "heartbeat"])
                }
                t += Double(camera.heartbeatSeconds)
            }
            for tamper in tampers where tamper.camera == i {
                emit(tamper.at, camera, ["type": "tamper", "reason": .string(tamper.reason)])
            }
        }

        // Detections and loitering, heavier where the camera sees more incidents.
        for camera in cameras {
            let activity = 0.5 + 2.5 * random.unit()
            var t = start
            while true {
                t += random.exponential(mean: 3600 / (7 * activity))
                guard t < end else { break }
                guard random.unit() < hourFactor(t) / 1.4 else { continue }
                let roll = random.unit()
                let label = roll < 0.6 ? "person" : roll < 0.85 ? "car" : roll < 0.95 ? "motorcycle" : "bicycle"
                emit(t, camera, ["type": "detection", "track": nextTrack(), "label": .string(label),
                                 "zone": .string(random.pick(camera.zones)), "score": .double(Self.round(0.5 + 0.49 * random.unit(), 100))])
            }
            t = start
            while true {
                t += random.exponential(mean: 3600 / (0.6 * activity))
                guard t < end else { break }
                let dwell = Self.round(random.logNormal(median: 90, logSD: 0.9), 1)
                emit(t, camera, ["type": "loitering", "track": nextTrack(), "label": "person",
                                 "zone": .string(random.pick(camera.zones)), "dwell_seconds": .double(dwell)])
            }
        }

        // Crowd counts every five minutes at stations and squares, with the
        // evening rush at the big stations.
        for camera in cameras where camera.zones.contains("plaza") || camera.zones.contains("platform") {
            let rush = camera.name.hasPrefix("Estación Constitución") || camera.name.hasPrefix("Plaza Miserere")
            var t = start + 60
            while t < end {
                let h = (t - start) / 3600 + 14
                var expected = camera.name.hasPrefix("Estación") ? 45.0 : 20.0
                if rush { expected += 150 * exp(-pow((h - 18.6) / 0.7, 2)) }
                let count = max(0, Int((expected * (0.8 + 0.4 * random.unit())).rounded()))
                emit(t, camera, ["type": "crowd", "zone": .string(camera.zones.contains("platform") ? "platform" : "plaza"),
                                 "count": .int(Int64(count))])
                t += 300
            }
        }

        // Face probes: about 95 % of passers-by match nobody. Mated probes
        // include a few people seen at several cameras in turn (a trail), some
        // low-quality captures that should miss, and people whose orders have
        // lapsed (who must not match).
        let faceCameras = cameras.filter(\.faceAnalytics)
        let searchable = people.filter(\.searchable)
        let lapsed = people.filter { !$0.searchable && $0.orderReference != nil }
        func probe(_ t: Double, _ camera: Camera, centre: [Double], sigma: Double) {
            let embedding = model.capture(of: centre, sigma: sigma, random: &random)
            emit(t, camera, ["type": "face", "track": nextTrack(), "quality": .double(SyntheticFaceModel.quality(sigma: sigma)),
                             "embedding": .string(EmbeddingCodec.encode(embedding, precision: .float32))])
        }
        let matedCount = options.shiftProbes / 20
        for _ in 0..<(options.shiftProbes - matedCount) {
            let group = model.randomGroup(&random)
            probe(start + random.unit() * (end - start), random.pick(faceCameras),
                  centre: model.identity(group: group, random: &random), sigma: SyntheticFaceModel.sigma(&random))
        }
        var mated = 0
        // Trails: six people, three or four sightings each, 10–40 minutes apart.
        for _ in 0..<6 {
            let person = random.pick(searchable)
            var t = start + random.unit() * (end - start) * 0.6
            for _ in 0..<random.int(in: 3...4) where t < end {
                probe(t, random.pick(faceCameras), centre: person.centre, sigma: random.logNormal(median: 0.55, logSD: 0.2))
                mated += 1
                t += Double(random.int(in: 600...2_400))
            }
        }
        for _ in 0..<5 where !lapsed.isEmpty {
            probe(start + random.unit() * (end - start), random.pick(faceCameras), centre: random.pick(lapsed).centre, sigma: 0.5)
            mated += 1
        }
        while mated < matedCount {
            let lowQuality = random.chance(0.25)
            probe(start + random.unit() * (end - start), random.pick(faceCameras), centre: random.pick(searchable).centre,
                  sigma: lowQuality ? random.logNormal(median: 1.6, logSD: 0.15) : SyntheticFaceModel.sigma(&random))
            mated += 1
        }

        events.sort { ($0.time, $0.camera, $0.order) < ($1.time, $1.camera, $1.order) }
        return events.map(\.line)
    }
}
