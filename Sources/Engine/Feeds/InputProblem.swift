import VigiaCore

/// One problem in a file a command refuses whole: where, and what.
public struct InputProblem: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var field: String?
    public var reason: String
    public init(file: String, line: Int?, field: String? = nil, reason: String) {
        self.file = file
        self.line = line
        self.field = field
        self.reason = reason
    }
    public var description: String { EngineError.badInput(file: file, line: line, field: field, reason: reason).description }
}
