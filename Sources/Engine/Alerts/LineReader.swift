import Foundation
import VigiaCore

/// Reads a file or a pipe line by line in chunks of up to 64 KiB, so a feed of
/// any length streams in constant memory. A line over `limit` bytes is cut
/// off and flagged, never buffered whole.
///
/// Reads take what the pipe holds (POSIX `read`, not a fill-the-buffer
/// read), so a line written into a pipe is seen at once, not when 64 KiB more
/// arrive. With `idleAfter`, a pipe or terminal that stays quiet that long
/// yields `.idle`, so the caller can commit what it holds while it waits.
public struct LineReader {
    public enum Item {
        case line(ArraySlice<UInt8>, oversize: Bool)
        /// Nothing arrived for `idleAfter` seconds (pipes and terminals only).
        case idle
        case end
    }

    let descriptor: Int32
    let limit: Int
    let idleMilliseconds: Int32?
    let waits: Bool
    var buffer: [UInt8] = []
    var start = 0
    var eof = false
    /// The current line is over the limit: its bytes are dropped up to its newline.
    var skipping = false
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    public private(set) var lineNumber = 0

    public init(handle: FileHandle, limit: Int = JSONFields.maximumLineBytes, idleAfter: TimeInterval? = nil) {
        descriptor = handle.fileDescriptor
        self.limit = limit
        idleMilliseconds = idleAfter.map { Int32(max(1, min($0, 60) * 1000)) }
        var info = stat()
        // Regular files never wait: their end is the end (or, when following, a poll later).
        waits = !(fstat(descriptor, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG)
    }

    /// After the end of the file was reached, look for more (following a growing file).
    public mutating func resumeAfterEnd() { eof = false }

    /// The next line without its newline, and whether it was longer than the limit; nil at the end.
    /// Never returns `.idle`: quiet spells are waited through.
    public mutating func next() -> (line: ArraySlice<UInt8>, oversize: Bool)? {
        while true {
            switch nextItem() {
            case .line(let line, let oversize): return (line, oversize)
            case .idle: continue
            case .end: return nil
            }
        }
    }

    public mutating func nextItem() -> Item {
        while true {
            if let newline = buffer[start...].firstIndex(of: 0x0A) {
                var end = newline
                if end > start, buffer[end - 1] == 0x0D { end -= 1 }
                let line = buffer[start..<end]
                start = newline + 1
                return emit(line)
            }
            if buffer.count - start > limit {
                // Drop what we have of an oversize line and keep reading to its end.
                skipping = true
                buffer.removeAll(keepingCapacity: true)
                start = 0
            }
            if eof {
                guard start < buffer.count || skipping else { return .end }
                let line = buffer[start...]
                start = buffer.count
                return emit(line)
            }
            if start > 0 {
                buffer.removeFirst(start)
                start = 0
            }
            if waits, let idleMilliseconds {
                var p = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
                let ready = poll(&p, 1, idleMilliseconds)
                if ready == 0 || (ready < 0 && errno == EINTR) { return .idle }
            }
            let n = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if n > 0 {
                buffer.append(contentsOf: chunk[0..<n])
            } else if n == 0 {
                eof = true
            } else if errno == EINTR || errno == EAGAIN {
                if idleMilliseconds != nil { return .idle }
            } else {
                // A read error ends the feed like its end would: what was read is committed by the caller.
                eof = true
            }
        }
    }

    private mutating func emit(_ line: ArraySlice<UInt8>) -> Item {
        lineNumber += 1
        defer { skipping = false }
        return .line(skipping ? line.prefix(0) : line, oversize: skipping)
    }
}
