import Console
import Engine
import Foundation
import VigiaCore

/// The console's frame: `render(Situation, UIState, size)` for the 48 barrios
/// at 160×45 and 80×24, one thread. The key-to-screen budget is 50 ms.
enum RenderBench {
    static func run(sampleData: URL, repeats: Int) throws -> BenchReport {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vigia-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let engine = try Engine(databasePath: folder.appendingPathComponent("bench.sqlite").path)
        _ = try engine.ingestBoundaries(at: sampleData.appendingPathComponent("ba-barrios.geojson"), layer: "barrios",
                                        nameKey: "barrio", parentKey: "comuna")
        let situation = try SituationSource(engine: engine).situation(SituationSource.Request(principal: Principal(name: "bench", role: .supervisor)))
        var results: [BenchResult] = []
        for size in [TerminalSize(columns: 160, rows: 45), TerminalSize(columns: 80, rows: 24)] {
            let frames = 50
            var times: [Double] = []
            for _ in 0..<repeats {
                var state = UIState(language: .spanish, glyphs: .unicode)
                let start = DispatchTime.now().uptimeNanoseconds
                for i in 0..<frames {
                    state.focus = i % 2 == 0 ? .map : .alerts   // a key per frame, as Tab would
                    _ = render(situation, state, size)
                }
                times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6 / Double(frames))
            }
            results.append(BenchResult(name: "frame_\(size.columns)x\(size.rows)", unit: "ms", value: median(times),
                                       params: ["districts": .int(situation.districts?.districts.count ?? 0), "frames": .int(frames),
                                                "threads": .int(1), "repeats": .int(repeats)]))
        }
        return BenchReport(suite: "render", results: results)
    }
}
