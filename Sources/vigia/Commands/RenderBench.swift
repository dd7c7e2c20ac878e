import ArgumentParser
import Console
import Engine
import Foundation
import SampleData

/// The console's frame, `render(Situation, UIState, size)`, at 160×45 and
/// 80×24 on one thread, for three situations: the 48 barrios with nothing
/// else (empty), the demo database at the end of its shift (shift: forecast
/// layer, cameras and every alert, candidate and flag of the shift), and that
/// shift's queues copied 50 times (queue×50, thousands of items, as in the
/// long run). Also the rebuild of the shift's situation from the database,
/// which an action key waits for. The key-to-screen budget is 50 ms.
enum RenderBench {
    static let copies = 50
    static let frames = 50

    static func run(sampleData: URL, repeats: Int) throws -> BenchReport {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vigia-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        // Principals come only from sign-in: the empty database gets a bootstrap admin of its own.
        let bare = try Engine(databasePath: folder.appendingPathComponent("empty.sqlite").path)
        let secret = UUID().uuidString
        try bare.addOperator(name: "bench", role: .admin, passphrase: secret, by: nil)
        let benchAdmin = try bare.signIn(name: "bench", passphrase: secret)
        _ = try bare.ingestBoundaries(at: sampleData.appendingPathComponent("ba-barrios.geojson"), layer: "barrios",
                                      nameKey: "barrio", parentKey: "comuna")
        let empty = try SituationSource(engine: bare).situation(SituationSource.Request(principal: benchAdmin))

        let path = folder.appendingPathComponent("shift.sqlite").path
        let demo = try DemoDatabase.prepare(path: path, data: sampleData)
        guard let boss = demo.people.first(where: { $0.role == .supervisor }) else {
            throw ValidationError("the sample data has no supervisor in operators.json")
        }
        let supervisor = try demo.engine.signIn(name: boss.name, passphrase: boss.passphrase)
        if demo.feedsReady, let events = FileHandle(forReadingAtPath: sampleData.appendingPathComponent("camera-events.jsonl").path) {
            _ = try demo.engine.ingestEvents(from: events, source: "camera-events.jsonl")
        }
        if let posts = FileHandle(forReadingAtPath: sampleData.appendingPathComponent("posts.jsonl").path) {
            _ = try demo.engine.ingestPosts(from: posts, source: "posts.jsonl")
        }
        // The same database a minute before the shift ends.
        let late = try Engine(databasePath: path, clock: FixedTimeSource(SampleGenerator.shiftEnd.addingTimeInterval(-60)))
        let source = SituationSource(engine: late)
        let request = SituationSource.Request(principal: supervisor)
        let shift = try source.situation(request)
        let loaded = replicated(shift, copies: copies)

        var results: [BenchResult] = []
        let cases: [(name: String, situation: Situation)] = [("empty", empty), ("shift", shift), ("queue\(copies)x", loaded)]
        for size in [TerminalSize(columns: 160, rows: 45), TerminalSize(columns: 80, rows: 24)] {
            for c in cases {
                results.append(BenchResult(name: "frame_\(size.columns)x\(size.rows)_\(c.name)", unit: "ms",
                                           value: frameTime(c.situation, size, repeats: repeats), params: params(c.situation, repeats)))
            }
        }
        var rebuilds: [Double] = []
        for _ in 0..<max(3, repeats) {
            let start = DispatchTime.now().uptimeNanoseconds
            _ = try source.situation(request)
            rebuilds.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        }
        results.append(BenchResult(name: "situation_rebuild_shift", unit: "ms", value: median(rebuilds), params: params(shift, repeats)))
        return BenchReport(suite: "render", results: results)
    }

    /// Milliseconds per frame, the median over `repeats` runs of `frames` frames, a pane change between frames.
    static func frameTime(_ situation: Situation, _ size: TerminalSize, repeats: Int) -> Double {
        var times: [Double] = []
        for _ in 0..<repeats {
            var state = UIState(language: .spanish, glyphs: .unicode)
            let start = DispatchTime.now().uptimeNanoseconds
            for i in 0..<frames {
                state.focus = [Pane.map, .alerts, .hits, .flags][i % 4]
                _ = render(situation, state, size)
            }
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6 / Double(frames))
        }
        return median(times)
    }

    /// The situation's alerts, candidates and flags, each copied `copies` times under new ids.
    static func replicated(_ s: Situation, copies: Int) -> Situation {
        var out = s
        func shifted(_ id: Int64, _ k: Int) -> Int64 { id + Int64(k) * 10_000_000 }
        out.alerts = (0..<copies).flatMap { k in s.alerts.map { a in var a = a; a.id = shifted(a.id, k); return a } }
        out.hits = (0..<copies).flatMap { k in s.hits.map { h in var h = h; h.id = shifted(h.id, k); return h } }
        out.flags = (0..<copies).flatMap { k in s.flags.map { f in var f = f; f.id = shifted(f.id, k); return f } }
        return out
    }

    static func params(_ s: Situation, _ repeats: Int) -> [String: BenchParam] {
        ["districts": .int(s.districts?.districts.count ?? 0), "alerts": .int(s.alerts.count), "hits": .int(s.hits.count),
         "flags": .int(s.flags.count), "cameras": .int(s.cameras.count), "risk_layer": .int(s.risk == nil ? 0 : 1),
         "frames": .int(frames), "threads": .int(1), "repeats": .int(repeats)]
    }
}
