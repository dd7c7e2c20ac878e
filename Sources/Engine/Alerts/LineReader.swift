import Foundation

/// Reads a file or a pipe line by line in 64 KiB chunks, so a feed of any
/// length streams in constant memory. A line over `limit` bytes is cut off
/// and flagged, never buffered whole.
public struct LineReader {
    let handle: FileHandle
    let limit: Int
    var buffer: [UInt8] = []
    var start = 0
    var eof = false
    public private(set) var lineNumber = 0

    public init(handle: FileHandle, limit: Int = JSONFields.maximumLineBytes) {
        self.handle = handle
        self.limit = limit
    }

    /// After the end of the file was reached, look for more (following a growing file).
    public mutating func resumeAfterEnd() { eof = false }

    /// The next line without its newline, and whether it was longer than the limit; nil at the end.
    public mutating func next() -> (line: ArraySlice<UInt8>, oversize: Bool)? {
        var oversize = false
        while true {
            if let newline = buffer[start...].firstIndex(of: 0x0A) {
                var end = newline
                if end > start, buffer[end - 1] == 0x0D { end -= 1 }
                let line = buffer[start..<end]
                start = newline + 1
                lineNumber += 1
                return (oversize ? line.prefix(0) : line, oversize)
            }
            if buffer.count - start > limit {
                // Drop what we have of an oversize line and keep reading to its end.
                oversize = true
                buffer.removeAll(keepingCapacity: true)
                start = 0
            }
            if eof {
                guard start < buffer.count else { return nil }
                let line = buffer[start...]
                start = buffer.count
                lineNumber += 1
                return (oversize ? line.prefix(0) : line, oversize)
            }
            if start > 0 {
                buffer.removeFirst(start)
                start = 0
            }
            let chunk = handle.readData(ofLength: 1 << 16)
            if chunk.isEmpty { eof = true } else { buffer.append(contentsOf: chunk) }
        }
    }
}
