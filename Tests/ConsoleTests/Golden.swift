import Foundation
import Testing

/// Compares a rendered screen with `Golden/NAME.txt`. Run the tests with
/// `VIGIA_UPDATE_GOLDEN=1` to write the files after an intended change,
/// then review the diff in git.
enum Golden {
    static var folder: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    }

    static func check(_ text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = folder.appendingPathComponent("\(name).txt")
        let framed = text.split(separator: "\n", omittingEmptySubsequences: false).map { "|\($0)|" }.joined(separator: "\n") + "\n"
        if ProcessInfo.processInfo.environment["VIGIA_UPDATE_GOLDEN"] == "1" {
            try framed.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("missing golden file Golden/\(name).txt; run with VIGIA_UPDATE_GOLDEN=1 and review it", sourceLocation: sourceLocation)
            return
        }
        #expect(framed == expected, "screen differs from Golden/\(name).txt", sourceLocation: sourceLocation)
    }
}
