import Foundation
import FuzzTargets
import Testing

/// Every seed and every past fuzzing finding goes through its parser again:
/// a crash here is a regression. Tests/Fuzz/run does the fuzzing itself.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    static let fuzz = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()

    static func inputs(_ folder: String) -> [(target: String, file: URL)] {
        let base = fuzz.appendingPathComponent(folder)
        let targets = (try? FileManager.default.contentsOfDirectory(atPath: base.path)) ?? []
        return targets.sorted().flatMap { t in
            ((try? FileManager.default.contentsOfDirectory(atPath: base.appendingPathComponent(t).path)) ?? []).sorted().map {
                (t, base.appendingPathComponent(t).appendingPathComponent($0))
            }
        }
    }

    @Test("each target has seeds, and every seed and finding parses or fails cleanly")
    func replay() throws {
        let seeds = Self.inputs("Corpus")
        #expect(Set(seeds.map(\.target)) == Set(FuzzTargets.names), "a target without seeds, or seeds without a target")
        for (target, file) in seeds + Self.inputs("Findings") {
            #expect(FuzzTargets.run(target, Array(try Data(contentsOf: file))), "\(target): unknown target for \(file.lastPathComponent)")
        }
    }

    @Test("hostile bytes: empty, NUL, invalid UTF-8, UTF-16 with BOM, huge numbers, deep nesting", arguments: FuzzTargets.names)
    func hostile(target: String) {
        let samples: [[UInt8]] = [
            [], [0], [0xFF, 0xFE, 0x41, 0x00, 0x42, 0x00], [0xC3, 0x28, 0xA0, 0xA1], Array("\u{FEFF}a,b\r\n1,2\r\n".utf8),
            Array(String(repeating: "[", count: 5_000).utf8), Array(String(repeating: "{\"a\":", count: 3_000).utf8),
            Array(#"{"time":"9999-12-31T23:59:59Z","lat":1e308,"lon":-1e308,"count":-1,"x":NaN}"#.utf8),
            Array("0000-01-01T00:00/99:99".utf8), Array(String(repeating: "x", count: 200_000).utf8),
            Array("\u{1B}[2J\u{202E}\u{200B}💣 = 1\n".utf8),
        ]
        for s in samples { FuzzTargets.run(target, s) }
    }
}
