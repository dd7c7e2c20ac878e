import Foundation
import VigiaCore

/// What an ingest did, for the operator and for `--format json`.
public struct IngestReport: Sendable, Codable, Equatable {
    public var feed: String
    public var source: String
    public var rows: Int
    public var accepted: Int
    public var inserted: Int
    public var duplicates: Int
    public var rejected: Int
    public var rejectedByReason: [String: Int]
    public var withoutHour: Int
    public var seconds: Double
    /// The first few rejections, with their line numbers.
    public var examples: [String]

    public var rowsPerSecond: Double { seconds > 0 ? Double(rows) / seconds : 0 }
}
