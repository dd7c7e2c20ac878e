import Crypto
import Foundation
import VigiaCore

/// Notes on alerts (issue 23): what an operator learnt, kept with who and
/// when, audited, shown in the details, `vigia alerts show` and the history.
extension Engine {
    func addNote(_ text: String, to stored: StoredAlert, by principal: Principal) throws {
        let id = stored.alert.id
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard Self.hasWords(text),
              text.utf8.count <= Self.maximumNoteBytes else {
            throw EngineError.badInput(file: "alert \(id)", line: nil, field: "note", reason: "a note needs words, at most \(Self.maximumNoteBytes) bytes")
        }
        try alerts.addNote(AlertNote(alertID: id, operatorName: principal.name, at: clock.now(), text: text),
                           audit: AuditEntry(principal: principal, action: .alertNote, subject: String(id), details: Self.textDigest(text)))
    }

    /// A stored text's audit details: its size and hash, never the text, so an
    /// edit of the stored copy shows against the chain (notes, handover notes).
    static func textDigest(_ text: String) -> CanonicalJSON {
        ["bytes": .int(Int64(text.utf8.count)), "sha256": .string(SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined())]
    }

    /// Whether `text` says something a reader can see: a letter or a digit,
    /// not only spaces, control or invisible characters (reasons and notes).
    static func hasWords(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.properties.isAlphabetic || $0.properties.numericType != nil }
    }

    /// The notes of these alerts, oldest first.
    public func alertNotes(alerts ids: [Int64], as principal: Principal) throws -> [AlertNote] {
        try require(.readAll, of: principal)
        return try alerts.notes(alertIDs: ids)
    }
}
