import Foundation

/// The repository's sample-data folder, found from this file's path.
enum SampleDataLocation {
    static var folder: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("sample-data")
    }
}
