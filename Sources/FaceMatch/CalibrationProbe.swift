import Foundation
import VigiaCore

/// One line of a face calibration set: a search with a known answer.
/// `{"probe":"C1","group":"A","mated":"W-0001"|null,"embedding_f16":"…","quality":0.8}`
public struct CalibrationProbe: Sendable, Equatable {
    public var id: String
    /// The watchlist entry this probe's person is; nil for a non-mated search.
    public var matedEntry: String?
    /// A demographic group label, when the set carries one.
    public var group: String?
    public var embedding: [Float]
    public var quality: Double

    public static func decode(line: some Collection<UInt8>, dimension: Int) throws -> CalibrationProbe {
        let f = try JSONFields(line: line)
        let embedding = f.has("embedding_f16")
            ? try f.embedding("embedding_f16", precision: .float16, dimension: dimension)
            : try f.embedding("embedding", precision: .float32, dimension: dimension)
        return CalibrationProbe(id: try f.string("probe"), matedEntry: try f.optionalString("mated"),
                                group: try f.optionalString("group"), embedding: embedding,
                                quality: try f.double("quality", in: 0...1))
    }
}
