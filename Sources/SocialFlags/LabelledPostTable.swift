import VigiaCore

/// A CSV or TSV file of posts with named columns (RFC 4180 quoting), read
/// for evaluation as it is: `text`, a 0/1 label such as `CALLS`, the text
/// each post answers such as `context_tweet`, and a column to report groups
/// by such as `HATEFUL`.
public struct LabelledPostTable: Sendable {
    public struct Row: Sendable, Equatable {
        /// The line the record starts on (the header is line 1).
        public var line: Int
        public var text: String
        /// nil when the table has no label column.
        public var label: Bool?
        public var context: String?
        public var group: String?
    }

    /// Which columns to read.
    public struct Columns: Sendable {
        public var text: String
        public var label: String?
        /// Joined with " · " when more than one ("title", "context_tweet").
        public var context: [String]
        public var group: String?

        public init(text: String, label: String? = nil, context: [String] = [], group: String? = nil) {
            self.text = text
            self.label = label
            self.context = context
            self.group = group
        }
    }

    public enum ReadError: Error, CustomStringConvertible, Equatable, Sendable {
        case encoding(String)
        case empty
        case missingColumn(String, available: [String])
        case malformed(line: Int)
        case badUTF8(line: Int)
        case badLabel(line: Int, column: String, value: String)

        public var description: String {
            switch self {
            case .encoding(let why): return why
            case .empty: return "the file has no header line"
            case .missingColumn(let name, let available):
                return "no column \"\(name)\"; the header has: \(available.joined(separator: ", "))"
            case .malformed(let line): return "line \(line): unterminated quote or text after a closing quote"
            case .badUTF8(let line): return "line \(line): not valid UTF-8; save the file as UTF-8"
            case .badLabel(let line, let column, let value):
                return "line \(line): \(column) is \"\(value)\"; expected 1/0, true/false or yes/no"
            }
        }
    }

    public var header: [String]
    public var rows: [Row]

    /// Reads the table; the delimiter is a tab when the header has one, a comma otherwise.
    public static func read(bytes: [UInt8], columns: Columns) throws -> LabelledPostTable {
        let reader0 = CSVReader(bytes: bytes)
        if let problem = reader0.encodingProblem { throw ReadError.encoding(problem) }
        let firstLine = bytes.prefix { $0 != UInt8(ascii: "\n") }
        let delimiter = firstLine.contains(9) ? UInt8(9) : UInt8(ascii: ",")
        var header: [String] = []
        var index: (text: Int, label: Int?, context: [Int], group: Int?) = (0, nil, [], nil)
        var rows: [Row] = []
        var failure: ReadError?
        CSVReader(bytes: bytes, delimiter: delimiter).forEachRecord { r in
            if header.isEmpty {
                header = (0..<r.count).map { r.string($0) ?? "" }
                func column(_ name: String) -> Int? { header.firstIndex(of: name) }
                guard let t = column(columns.text) else { failure = .missingColumn(columns.text, available: header); return false }
                index.text = t
                if let l = columns.label {
                    guard let i = column(l) else { failure = .missingColumn(l, available: header); return false }
                    index.label = i
                }
                for c in columns.context {
                    guard let i = column(c) else { failure = .missingColumn(c, available: header); return false }
                    index.context.append(i)
                }
                if let g = columns.group {
                    guard let i = column(g) else { failure = .missingColumn(g, available: header); return false }
                    index.group = i
                }
                return true
            }
            if r.malformed { failure = .malformed(line: r.line); return false }
            guard r.isValidUTF8 else { failure = .badUTF8(line: r.line); return false }
            func field(_ i: Int) -> String { i < r.count ? (r.string(i) ?? "") : "" }
            var label: Bool?
            if let l = index.label {
                let value = field(l)
                guard let b = parseLabel(value) else {
                    failure = .badLabel(line: r.line, column: columns.label ?? "", value: String(value.prefix(40))); return false
                }
                label = b
            }
            let context = index.context.map(field).filter { !$0.isEmpty }.joined(separator: " · ")
            rows.append(Row(line: r.line, text: field(index.text), label: label, context: context.isEmpty ? nil : context,
                            group: index.group.map(field)))
            return true
        }
        if let failure { throw failure }
        guard !header.isEmpty else { throw ReadError.empty }
        return LabelledPostTable(header: header, rows: rows)
    }

    static func parseLabel(_ s: String) -> Bool? {
        switch s.lowercased() {
        case "1", "true", "yes", "threat", "y": return true
        case "0", "false", "no", "none", "n", "": return false
        default: return nil
        }
    }
}
