import Foundation
import VigiaCore

/// What a feed does with its lines, plugged into `FeedRunner`: decode, run
/// the analysis, and put what is kept into the batch. A stage reads and
/// writes no store; the runner commits what it puts in the batch, with the
/// feed's position, in one transaction.
protocol FeedStage {
    /// The feed's name in counters and quarantine: `events`, `posts`.
    var feed: String { get }
    /// A line an earlier run committed: rebuild the stage's memory (dwell,
    /// cool-downs, heartbeats) and nothing else: its effects are stored already.
    mutating func replay(_ line: ArraySlice<UInt8>)
    /// A new line: analyse it into `batch`. A `FieldError` quarantines the line.
    mutating func process(_ line: ArraySlice<UInt8>, lineNumber: Int, into batch: inout FeedBatch) throws
    /// What a quarantined line keeps: its reason and an excerpt that holds
    /// nothing the safeguards forbid (no face probe, no unflagged post).
    func quarantined(_ error: FieldError, line: ArraySlice<UInt8>, lineNumber: Int, source: String) -> QuarantineItem
    /// Work held in memory that must be committed when the feed goes quiet (a face micro-batch).
    var holdsWork: Bool { get }
    /// Just before each commit: add what is held and the live state (camera health).
    mutating func finish(_ batch: inout FeedBatch) throws
    /// The final audit record's action and the stage's own counts for it.
    var audit: (action: AuditAction, details: [String: CanonicalJSON]) { get }
}

extension FeedStage {
    var holdsWork: Bool { false }
    mutating func finish(_ batch: inout FeedBatch) throws {}
}
