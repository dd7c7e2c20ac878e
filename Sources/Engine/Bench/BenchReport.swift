import Foundation

/// The shape every suite prints (DESIGN.md, Performance).
public struct BenchReport: Encodable, Sendable {
    public var suite: String
    public var build: String = BenchReport.currentBuild
    public var results: [BenchResult]

    public init(suite: String, results: [BenchResult]) {
        self.suite = suite
        self.results = results
    }

    public static var currentBuild: String {
        #if DEBUG
        return "debug"
        #else
        return "release"
        #endif
    }
}

public struct BenchResult: Encodable, Sendable {
    public var name: String
    public var unit: String
    public var value: Double
    public var params: [String: BenchParam]

    public init(name: String, unit: String, value: Double, params: [String: BenchParam]) {
        self.name = name
        self.unit = unit
        self.value = value
        self.params = params
    }
}

public enum BenchParam: Encodable, Sendable {
    case int(Int), double(Double), string(String)
    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .int(let v): try c.encode(v)
        case .double(let v): try c.encode(v)
        case .string(let v): try c.encode(v)
        }
    }
}

public func median(_ values: [Double]) -> Double {
    let s = values.sorted()
    return s.isEmpty ? 0 : s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
}

