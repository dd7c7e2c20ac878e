import Foundation
import VigiaCore

/// The handover note (issue 23): what one shift leaves for the next (open
/// matters, a camera to watch, a call to return), written by an operator
/// who handles alerts, audited with the text's hash, and shown to the next
/// shift's operators when they sign in.
extension Engine {
    /// The longest handover note, in UTF-8 bytes.
    public static let maximumHandoverBytes = 4_000
    /// At most this many notes are shown at sign-in, newest first.
    public static let handoverNotesShown = 10

    func writeHandover(_ text: String, by principal: Principal) throws {
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard Self.hasWords(text), text.utf8.count <= Self.maximumHandoverBytes else {
            throw EngineError.badInput(file: "handover note", line: nil, field: "text",
                                       reason: "a handover note needs words, at most \(Self.maximumHandoverBytes) bytes")
        }
        try alerts.addHandover(HandoverNote(operatorName: principal.name, at: clock.now(), text: text),
                               audit: AuditEntry(principal: principal, action: .shiftHandover, subject: "handover", details: Self.textDigest(text)))
    }

    /// The notes the shift at `instant` (default now) was handed: those written
    /// since the previous shift began, up to `instant`, newest first. A note
    /// written during this shift is for the next one and shows too, so the
    /// writer sees what they left.
    public func handoverNotes(at instant: Date? = nil, as principal: Principal) throws -> [HandoverNote] {
        try require(.readAll, of: principal)
        let now = instant ?? clock.now()
        let previous = shiftWindow(containing: shiftWindow(containing: now).start.addingTimeInterval(-1))
        return try alerts.handovers(since: previous.start, until: now, limit: Self.handoverNotesShown)
    }
}
