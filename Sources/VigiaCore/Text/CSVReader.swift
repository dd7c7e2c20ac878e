import Foundation

/// An RFC 4180 reader over bytes: quoted fields, doubled quotes, CR LF or LF
/// line ends, an optional UTF-8 byte-order mark. It hands out each record
/// without copying its fields, for ingest at hundreds of thousands of rows per second.
public struct CSVReader {
    public let bytes: [UInt8]
    public let delimiter: UInt8

    public init(bytes: [UInt8], delimiter: UInt8 = UInt8(ascii: ",")) {
        self.bytes = bytes
        self.delimiter = delimiter
    }

    /// What the file starts with, when it is not UTF-8 text a reader can take.
    public var encodingProblem: String? {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return "the file is UTF-16; save it as UTF-8"
        }
        return nil
    }

    /// Calls `body` for every record, in order. Return false to stop.
    public func forEachRecord(_ body: (inout CSVRecord) throws -> Bool) rethrows {
        try bytes.withUnsafeBufferPointer { buffer in
            var record = CSVRecord(buffer: buffer)
            var i = buffer.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            var line = 1
            let n = buffer.count
            let quote = UInt8(ascii: "\""), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
            while i < n {
                record.reset(line: line, start: i)
                var fieldStart = i
                var quoted = false
                var escaped = false
                var unterminated = false
                recordLoop: while true {
                    if i < n, buffer[i] == quote, i == fieldStart {
                        quoted = true
                        i += 1
                        while true {
                            guard i < n else { unterminated = true; break }
                            let c = buffer[i]
                            if c == quote {
                                if i + 1 < n, buffer[i + 1] == quote { escaped = true; i += 2; continue }
                                i += 1
                                break
                            }
                            if c == lf { line += 1 }
                            i += 1
                        }
                    }
                    // Scan to the end of the field.
                    while i < n, buffer[i] != delimiter, buffer[i] != lf, buffer[i] != cr {
                        if quoted { record.malformed = true }
                        i += 1
                    }
                    record.appendField(start: fieldStart, end: i, quoted: quoted, escaped: escaped)
                    quoted = false
                    escaped = false
                    if i < n, buffer[i] == delimiter {
                        i += 1
                        fieldStart = i
                        if i == n { record.appendField(start: i, end: i, quoted: false, escaped: false) }
                        continue recordLoop
                    }
                    break
                }
                if unterminated { record.malformed = true }
                record.end = i
                if i < n, buffer[i] == cr { i += 1 }
                if i < n, buffer[i] == lf { i += 1 }
                line += 1
                // A blank line is not a record.
                if record.count == 1, record.end == record.start { continue }
                if try !body(&record) { return }
            }
        }
    }
}

/// One record of a `CSVReader`; valid only inside the callback.
public struct CSVRecord {
    let buffer: UnsafeBufferPointer<UInt8>
    private var starts: [Int] = []
    private var ends: [Int] = []
    private var flags: [UInt8] = []
    /// The line the record starts on (1-based; the header is line 1).
    public private(set) var line = 0
    /// Byte offsets of the whole record in the file.
    public internal(set) var start = 0
    public internal(set) var end = 0
    /// An unterminated quote or text after a closing quote.
    public internal(set) var malformed = false

    init(buffer: UnsafeBufferPointer<UInt8>) {
        self.buffer = buffer
        starts.reserveCapacity(32)
        ends.reserveCapacity(32)
        flags.reserveCapacity(32)
    }

    mutating func reset(line: Int, start: Int) {
        starts.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        flags.removeAll(keepingCapacity: true)
        self.line = line
        self.start = start
        end = start
        malformed = false
    }

    mutating func appendField(start: Int, end: Int, quoted: Bool, escaped: Bool) {
        starts.append(start)
        ends.append(end)
        flags.append((quoted ? 1 : 0) | (escaped ? 2 : 0))
    }

    public var count: Int { starts.count }

    /// The raw bytes of field `i`, quotes removed but doubled quotes kept.
    public func rawField(_ i: Int) -> UnsafeBufferPointer<UInt8> {
        var s = starts[i], e = ends[i]
        if flags[i] & 1 != 0 {
            s += 1
            if e > s, buffer[e - 1] == UInt8(ascii: "\"") { e -= 1 }
        }
        return UnsafeBufferPointer(rebasing: buffer[s..<Swift.max(s, e)])
    }

    /// Field `i` with surrounding blanks trimmed, as bytes.
    public func trimmedField(_ i: Int) -> UnsafeBufferPointer<UInt8> {
        let raw = rawField(i)
        var s = 0, e = raw.count
        while s < e, raw[s] == 32 || raw[s] == 9 { s += 1 }
        while e > s, raw[e - 1] == 32 || raw[e - 1] == 9 { e -= 1 }
        return UnsafeBufferPointer(rebasing: raw[s..<e])
    }

    public func isEmpty(_ i: Int) -> Bool { trimmedField(i).isEmpty }

    /// Field `i` as text, trimmed, with doubled quotes undone; nil when it is not valid UTF-8.
    public func string(_ i: Int) -> String? {
        let bytes = trimmedField(i)
        guard let text = String(validating: bytes, as: UTF8.self) else { return nil }
        return flags[i] & 2 != 0 ? text.replacingOccurrences(of: "\"\"", with: "\"") : text
    }

    /// The whole record as bytes (for quarantine), cut to `limit` bytes.
    public func rawRecord(limit: Int = 1024) -> [UInt8] {
        Array(buffer[start..<Swift.min(end, start + limit)])
    }

    /// True when every byte of the record is valid UTF-8.
    public var isValidUTF8: Bool {
        let slice = UnsafeBufferPointer(rebasing: buffer[start..<end])
        if !slice.contains(where: { $0 >= 0x80 }) { return true }
        return String(validating: slice, as: UTF8.self) != nil
    }
}
