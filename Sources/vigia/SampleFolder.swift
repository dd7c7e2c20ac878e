import Foundation

/// Finds the shipped `sample-data/` folder: `--sample-data`, `VIGIA_SAMPLE_DATA`,
/// the current folder or any folder above it, or above the executable.
enum SampleFolder {
    static func locate(explicit: String?) throws -> URL {
        if let explicit { return URL(fileURLWithPath: explicit) }
        if let env = ProcessInfo.processInfo.environment["VIGIA_SAMPLE_DATA"] { return URL(fileURLWithPath: env) }
        var starts = [URL(fileURLWithPath: FileManager.default.currentDirectoryPath)]
        if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            starts.append(URL(fileURLWithPath: exe).deletingLastPathComponent())
        }
        for start in starts {
            var dir = start
            for _ in 0..<8 {
                let candidate = dir.appendingPathComponent("sample-data")
                if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("README.md").path) {
                    return candidate
                }
                dir.deleteLastPathComponent()
            }
        }
        throw SampleFolderError.notFound
    }
}

enum SampleFolderError: Error, CustomStringConvertible {
    case notFound
    var description: String {
        "cannot find the sample-data folder: run from the Vigía source folder, or give --sample-data DIR (or VIGIA_SAMPLE_DATA)"
    }
}
