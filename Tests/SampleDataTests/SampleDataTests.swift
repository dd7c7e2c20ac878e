import Foundation
import Testing
import Engine
import FaceMatch
import CameraAlerts
import SocialFlags
import SampleData
import VigiaCore

@Suite("Sample data", .serialized)
struct SampleDataTests {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("sample-data")
    let zone = TimeZone(identifier: "America/Argentina/Buenos_Aires")!

    @Test("the generator rebuilds every shipped synthetic file byte for byte")
    func reproducible() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("vigia-gen-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        try SampleGenerator(options: .init(), realData: folder).generate(into: out)
        for name in SampleGenerator.files {
            let generated = try Data(contentsOf: out.appendingPathComponent(name))
            let shipped = try Data(contentsOf: folder.appendingPathComponent(name))
            #expect(generated == shipped, "\(name) differs from the generator's output; regenerate with: vigia sample generate --seed 2018 --out sample-data")
        }
    }

    @Test("the shipped folder passes the check, with the sizes the scenario needs")
    func shippedFolderIsValid() {
        let report = SampleChecker(timeZone: zone, ordersAt: SampleGenerator.shiftStart).check(folder)
        #expect(report.errors.isEmpty, "\(report.errors.prefix(5))")
        #expect(report.counts["cameras"] == 150)
        #expect(report.counts["watchlist_entries"] == 2_000)
        #expect((report.counts["camera-events.jsonl"] ?? 0) > 20_000)
        #expect(report.counts["face-calibration.jsonl"] == 22_000)
        #expect(report.counts["posts.jsonl"] == 3_000)
        // The deliberately defective entries are there for the engine to refuse.
        #expect(report.notices.filter { $0.message.contains("no court order reference") }.count >= 3)
        #expect(report.notices.contains { $0.message.contains("order expired") })
        #expect(report.notices.contains { $0.message.contains("order revoked") })
    }

    @Test("the check names file and line of every bad record")
    func checkReportsLines() throws {
        let bad = FileManager.default.temporaryDirectory.appendingPathComponent("vigia-badsample-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: bad, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: bad) }
        for name in ["cameras.json", "watchlist.json", "operators.json"] {
            try FileManager.default.copyItem(at: folder.appendingPathComponent(name), to: bad.appendingPathComponent(name))
        }
        try """
        {"type":"heartbeat","camera":"CAM-001","time":"2018-11-15T14:00:00-03:00"}
        {"type":"heartbeat","camera":"CAM-001","time":
        {"type":"heartbeat","camera":"CAM-999","time":"2018-11-15T14:00:00-03:00"}
        {"type":"detection","camera":"CAM-001","time":"2018-11-15T14:00:00-03:00","label":"person","score":1.5}
        {"type":"face","camera":"CAM-001","time":"2018-11-15T14:00:00-03:00","embedding":"AAAA","quality":0.5}

        """.write(to: bad.appendingPathComponent("camera-events.jsonl"), atomically: true, encoding: .utf8)
        try #"{"probe":"C1","mated":"W-99999","group":"A","embedding_f16":"\#(EmbeddingCodec.encode([Float](repeating: 0.1, count: 512), precision: .float16))","quality":0.5}"#
            .appending("\n").write(to: bad.appendingPathComponent("face-calibration.jsonl"), atomically: true, encoding: .utf8)
        try """
        {"id":"p1","time":"2018-11-15T14:00:00-03:00","platform":"x","author":"@a","text":"hola"}
        {"id":"p2","time":"ayer","platform":"x","author":"@a","text":"hola"}
        {"id":"p3","time":"2018-11-15T14:00:00-03:00","platform":"x","author":"@a","text":"hola","lat":-34.6}
        {"id":"p4","time":"2018-11-15T14:00:00-03:00","platform":"x","author":"@a","text":"chau"}

        """.write(to: bad.appendingPathComponent("posts.jsonl"), atomically: true, encoding: .utf8)
        try "id,label,category,protected,family,split\np1,threat,none,no,threat,dev\n"
            .write(to: bad.appendingPathComponent("posts-labels.csv"), atomically: true, encoding: .utf8)
        let report = SampleChecker(timeZone: zone, ordersAt: SampleGenerator.shiftStart).check(bad)
        let errors = report.errors.map(\.description)
        for expected in ["camera-events.jsonl:2: not valid JSON",
                         "camera-events.jsonl:3: camera: no camera CAM-999 in the registry",
                         "camera-events.jsonl:4: score: 1.5 is outside 0.0…1.0",
                         "camera-events.jsonl:5: embedding: embedding has 3 bytes",
                         "face-calibration.jsonl:1: mated: no watchlist entry W-99999",
                         "posts.jsonl:2: time:", "posts.jsonl:3: lon: a position needs both lat and lon",
                         "posts-labels.csv:2: a threat needs a category", "posts-labels.csv: post p4 has no label"] {
            #expect(errors.contains { $0.hasPrefix(expected) }, "missing: \(expected) in \(errors)")
        }
    }

    @Test("synthetic embeddings behave like a face model's: genuine ≈ 0.61 ± 0.12, impostor ≈ 0 ± 0.04")
    func embeddingStatistics() throws {
        let watchlist = try WatchlistFile.decode(try Data(contentsOf: folder.appendingPathComponent("watchlist.json")),
                                                 source: "watchlist.json", timeZone: zone)
        let templates = Dictionary(uniqueKeysWithValues: watchlist.records.map { ($0.id, $0.templates) })
        let sample = Array(watchlist.records.prefix(300).flatMap(\.templates))
        var genuine: [Double] = [], impostor: [Double: [Double]] = [:], impostorByGroup: [String: [Double]] = [:]
        let lines = try String(contentsOf: folder.appendingPathComponent("face-calibration.jsonl"), encoding: .utf8)
            .split(separator: "\n").prefix(6_000)
        for line in lines {
            let probe = try CalibrationProbe.decode(line: Array(line.utf8), dimension: 512)
            if let mated = probe.matedEntry {
                genuine.append(Self.dot(probe.embedding, templates[mated]![0]))
            } else {
                let scores = sample.prefix(60).map { Self.dot(probe.embedding, $0) }
                impostor[0, default: []].append(contentsOf: scores)
                impostorByGroup[probe.group ?? "?", default: []].append(scores.max()!)
            }
        }
        let (gm, gs) = Self.meanSD(genuine), (im, isd) = Self.meanSD(impostor[0]!)
        #expect(genuine.count > 300)
        #expect(abs(gm - 0.61) < 0.03 && abs(gs - 0.12) < 0.03, "genuine \(gm) ± \(gs)")
        #expect(abs(im) < 0.01 && abs(isd - 0.04) < 0.01, "impostor \(im) ± \(isd)")
        // The group with the larger α scores higher against impostors.
        #expect(Self.meanSD(impostorByGroup["D"]!).0 > Self.meanSD(impostorByGroup["A"]!).0 + 0.01)
    }

    @Test("posts: about 3 % threats, one in six English, plenty of protected speech, every hard-negative family")
    func postMix() throws {
        var label: [String: Int] = [:], family: Set<String> = [], protected = 0, holdout = 0, total = 0
        CSVReader(bytes: [UInt8](try Data(contentsOf: folder.appendingPathComponent("posts-labels.csv")))).forEachRecord { r in
            guard r.line > 1 else { return true }
            total += 1
            label[r.string(1)!, default: 0] += 1
            family.insert(r.string(4)!)
            if r.string(3) == "yes" { protected += 1 }
            if r.string(5) == "holdout" { holdout += 1 }
            return true
        }
        let threatShare = Double(label["threat"] ?? 0) / Double(total)
        #expect(threatShare > 0.025 && threatShare < 0.04, "\(threatShare)")
        #expect(Double(protected) / Double(total) > 0.2)
        #expect(Double(holdout) / Double(total) > 0.25 && Double(holdout) / Double(total) < 0.35)
        #expect(family.isSuperset(of: ["criticism", "protest", "journalism", "satire", "negation", "quote", "hyperbole",
                                       "football", "gaming", "lyrics", "ordinary", "threat"]))
        let decoder = PostDecoder(timeZone: zone)
        let posts = try String(contentsOf: folder.appendingPathComponent("posts.jsonl"), encoding: .utf8)
            .split(separator: "\n").map { try decoder.decode(line: Array($0.utf8)) }
        let english = Double(posts.filter { $0.language == "en" }.count) / Double(posts.count)
        #expect(english > 0.1 && english < 0.25)
        #expect(posts.allSatisfy { $0.time >= SampleGenerator.shiftStart && $0.time < SampleGenerator.shiftEnd })
    }

    @Test("every camera event falls in the shift, in time order, and the rules have work to do")
    func eventTimeline() throws {
        let decoder = CameraEventDecoder(timeZone: zone, cameras: nil)
        var last = Date.distantPast, kinds: [String: Int] = [:], longDwell = 0, bigCrowd = 0
        for line in try String(contentsOf: folder.appendingPathComponent("camera-events.jsonl"), encoding: .utf8).split(separator: "\n") {
            let e = try decoder.decode(line: Array(line.utf8))
            #expect(e.time >= last && e.time < SampleGenerator.shiftEnd && e.time >= SampleGenerator.shiftStart)
            last = e.time
            switch e.kind {
            case .heartbeat: kinds["heartbeat", default: 0] += 1
            case .detection: kinds["detection", default: 0] += 1
            case .loitering(_, _, let dwell): kinds["loitering", default: 0] += 1; if dwell > 300 { longDwell += 1 }
            case .crowd(_, let count): kinds["crowd", default: 0] += 1; if count > 100 { bigCrowd += 1 }
            case .tamper: kinds["tamper", default: 0] += 1
            case .faceProbe(let p): kinds["face", default: 0] += 1; #expect(p.embedding.count == 512)
            case .ended: kinds["end", default: 0] += 1
            }
        }
        #expect(Set(kinds.keys) == ["heartbeat", "detection", "loitering", "crowd", "tamper", "face"])
        #expect(longDwell >= 48, "a loitering rule over 5 min fires every few minutes: \(longDwell)")
        #expect(bigCrowd > 5)
    }
}

extension SampleDataTests {
    static func dot(_ a: [Float], _ b: [Float]) -> Double {
        var s: Float = 0
        for i in a.indices { s += a[i] * b[i] }
        return Double(s)
    }

    static func meanSD(_ v: [Double]) -> (Double, Double) {
        let m = v.reduce(0, +) / Double(v.count)
        return (m, (v.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(v.count)).squareRoot())
    }
}
