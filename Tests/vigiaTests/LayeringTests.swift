import Foundation
import Testing

/// The command line is a front end (issue 19): it reaches every analysis and
/// the store through the engine, so the engine's role checks and audit
/// cannot be bypassed by a command that runs an analysis itself.
@Suite("Layering")
struct LayeringTests {
    static let allowed: Set<String> = ["ArgumentParser", "Engine", "Console", "VigiaCore", "Foundation", "Dispatch", "Synchronization"]

    @Test("Sources/vigia imports only Engine, Console, VigiaCore, ArgumentParser and the system, never Store or an analysis target")
    func cliImports() throws {
        let folder = VigiaProcess.repository.appendingPathComponent("Sources/vigia")
        let files = try #require(FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL }
            .filter { $0.pathExtension == "swift" })
        #expect(files.count > 20)
        var found: [String: Set<String>] = [:]
        for file in files {
            for line in try String(contentsOf: file, encoding: .utf8).split(separator: "\n") {
                let words = line.split(separator: " ")
                guard let i = words.firstIndex(of: "import"), words[..<i].allSatisfy({ $0.hasPrefix("@") }), i + 1 < words.count else { continue }
                found[String(words[i + 1]), default: []].insert(file.lastPathComponent)
            }
        }
        let stray = found.filter { !Self.allowed.contains($0.key) }
        #expect(stray.isEmpty, "imports past the engine: \(stray)")
    }
}
