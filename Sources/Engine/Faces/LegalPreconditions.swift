import Foundation
import VigiaCore

/// What must be on record before live face search may run (the gaps the 2022
/// Buenos Aires ruling found): the body that oversees it, the date of its
/// last independent report, the impact assessment, and the public notice.
/// The transparency report prints them.
public struct LegalPreconditions: Codable, Sendable, Equatable {
    public var oversightBody: String
    /// ISO date of the last independent report on the system's use.
    public var lastIndependentReport: String
    public var impactAssessment: String
    public var publicNotice: String
    public var recordedBy: String
    public var recordedAt: Date
}

extension Engine {
    /// The recorded preconditions, if any.
    public func legalPreconditions() throws -> LegalPreconditions? {
        guard let text = try settings.value("faces.preconditions") else { return nil }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        return try? decoder.decode(LegalPreconditions.self, from: Data(text.utf8))
    }

    /// Records the legal preconditions (admin; audited). Each is real text;
    /// the report date is a date not in the future.
    public func recordLegalPreconditions(oversightBody: String, lastIndependentReport: Date, impactAssessment: String,
                                         publicNotice: String, by principal: Principal) throws {
        try require(.manageOperators, of: principal)
        for (field, value) in [("--oversight-body", oversightBody), ("--impact-assessment", impactAssessment), ("--public-notice", publicNotice)] {
            let t = value.trimmingCharacters(in: .whitespaces)
            guard t.count >= 6, t.filter(\.isLetter).count >= 3, !t.unicodeScalars.contains(where: TerminalSafe.isUnsafe) else {
                throw EngineError.badInput(file: "faces preconditions", line: nil, field: field, reason: "give the real reference (at least 6 characters of text)")
            }
        }
        guard lastIndependentReport <= clock.now() else {
            throw EngineError.badInput(file: "faces preconditions", line: nil, field: "--last-report", reason: "the report's date is in the future")
        }
        let day = String(TimestampFormatter(timeZone: timeZone).string(from: lastIndependentReport).prefix(10))
        let record = LegalPreconditions(oversightBody: oversightBody, lastIndependentReport: day, impactAssessment: impactAssessment,
                                        publicNotice: publicNotice, recordedBy: principal.name, recordedAt: clock.now())
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .secondsSince1970
        encoder.outputFormatting = .sortedKeys
        try settings.set("faces.preconditions", String(decoding: try encoder.encode(record), as: UTF8.self), audit: AuditEntry(
            principal: principal, action: .facesPreconditions, subject: "faces", details: [
                "oversight_body": .string(oversightBody), "last_independent_report": .string(day),
                "impact_assessment": .string(impactAssessment), "public_notice": .string(publicNotice),
            ]))
    }

    /// Why live face search is off, or nil when it may run: outside the demo,
    /// the legal preconditions must be on record.
    public func faceSearchGate() throws -> String? {
        if try legalPreconditions() != nil || isDemoDatabase() { return nil }
        return "live face search is off until an admin records its legal preconditions (vigia faces preconditions --oversight-body … --last-report DATE --impact-assessment … --public-notice …)"
    }

    /// A name for the watchlist as it is searched now: SHA-256 over the
    /// entries in force (id, order reference, expiry), in id order. Two
    /// searches with the same version searched the same list.
    func watchlistVersion() throws -> (hash: String, entries: Int) {
        let now = clock.now()
        let lines = try watchlist.entries().filter { $0.entry.isSearchable(at: now) && $0.templateCount > 0 }
            .map { "\($0.entry.id)|\($0.entry.courtOrderReference)|\(Int64($0.entry.expiresOn.timeIntervalSince1970))" }.sorted()
        return (CanonicalJSON.sha256(lines.joined(separator: "\n")), lines.count)
    }
}
