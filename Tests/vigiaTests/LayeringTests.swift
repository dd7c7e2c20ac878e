import Foundation
import Testing

/// The command line is a front end (issue 19): it reaches every analysis and
/// the store through the engine, so the engine's role checks and audit
/// cannot be bypassed by a command that runs an analysis itself.
@Suite("Layering")
struct LayeringTests {
    static let allowed: Set<String> = ["ArgumentParser", "Engine", "Console", "SampleData", "Foundation", "Dispatch", "Synchronization"]

    @Test("Sources/vigia imports only Engine (which re-exports the domain types of VigiaCore), Console, SampleData, ArgumentParser and the system, never Store or an analysis target")
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

    @Test("neither the command line nor the console can make a principal: only sign-in does (Principal's initialiser is SPI they never import)")
    func noPrincipalOutsideSignIn() throws {
        for target in ["Sources/vigia", "Sources/Console"] {
            let folder = VigiaProcess.repository.appendingPathComponent(target)
            let files = try #require(FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL }
                .filter { $0.pathExtension == "swift" })
            for file in files {
                let text = try String(contentsOf: file, encoding: .utf8)
                #expect(!text.contains("@_spi"), "\(target)/\(file.lastPathComponent) imports an SPI")
                #expect(!text.contains("Principal(name:"), "\(target)/\(file.lastPathComponent) builds a principal")
            }
        }
    }

    @Test("only the reducer writes the console's message line: the loop hands command results back to it as a CommandResult")
    func onlyTheReducerWritesTheMessageLine() throws {
        let folder = VigiaProcess.repository.appendingPathComponent("Sources/Console")
        let files = try #require(FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL }
            .filter { $0.pathExtension == "swift" })
        var writers: Set<String> = []
        for file in files where try String(contentsOf: file, encoding: .utf8).contains(".message = ") { writers.insert(file.lastPathComponent) }
        #expect(writers == ["Reducer.swift", "Reaction.swift"], "message line written in \(writers.sorted())")
    }
}
