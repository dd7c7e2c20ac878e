import FaceMatch
import Foundation
import VigiaCore

extension Engine {
    /// Stores a calibration report card (supervisor or admin; audited) for
    /// the transparency report. It holds aggregates only: counts, rates and
    /// thresholds, no entry, probe or embedding.
    public func saveReportCard(_ card: ReportCard, by principal: Principal) throws {
        try require(.manageWatchlist, of: principal)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let text = String(decoding: try encoder.encode(card), as: UTF8.self)
        try settings.set("faces.report_card", text, audit: AuditEntry(principal: principal, action: .facesReportCard, subject: "calibration", details: [
            "galleries": .array(card.galleries.map { .int(Int64($0.entries)) }), "candidates": .int(Int64(card.candidates)),
        ]))
    }

    /// The stored report card, nil when none was saved (or it cannot be read).
    public func storedReportCard() throws -> ReportCard? {
        guard let text = try settings.value("faces.report_card") else { return nil }
        return try? JSONDecoder().decode(ReportCard.self, from: Data(text.utf8))
    }
}
