import Foundation
import VigiaCore

/// Where a feed file picks up after a crash or a restart. The feed's position
/// (its last committed line) is written in the same transaction as that
/// batch's alerts, flags and counters, so after a kill the committed lines are
/// exactly the ones whose effects are stored. A file is recognised by its
/// name and a hash of its first line, so a new file under an old name starts
/// from the top. Pipes and terminals always start from their first line.
struct FeedResume {
    let resumable: Bool
    private(set) var key: String
    private(set) var skipThrough = 0

    init(handle: FileHandle, source: String) {
        var info = stat()
        resumable = fstat(handle.fileDescriptor, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
        key = source
    }

    /// The key a file is known by: its name and a hash of its first line.
    func fileKey(firstLine: ArraySlice<UInt8>) -> String {
        var hash = FNV1a64()
        for b in firstLine { hash.add(byte: b) }
        return key + "#" + String(hash.value, radix: 16)
    }

    /// Call with the first line read: fixes the key and returns the line to skip through.
    mutating func start(firstLine: ArraySlice<UInt8>, lookup: (String) throws -> Int?) rethrows -> Int {
        guard resumable else { return 0 }
        key = fileKey(firstLine: firstLine)
        skipThrough = try lookup(key) ?? 0
        return skipThrough
    }
}
