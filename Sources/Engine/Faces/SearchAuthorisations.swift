import FaceMatch
import Foundation
import VigiaCore

extension Engine {
    /// Authorises live face search (supervisor or admin), for entries and
    /// cameras (nil: all) over [from, to). Urgent ones start at once and lapse
    /// after 24 h unless another supervisor confirms them (safeguard 3).
    public func authorise(entries: [String]?, cameras: [String]?, from: Date, to: Date, reason: String, urgent: Bool,
                          by principal: Principal) throws -> Int64 {
        try require(.authoriseSearch, of: principal)
        guard from < to else { throw EngineError.badInput(file: "authorise", line: nil, field: "--to", reason: "must come after --from") }
        guard reason.trimmingCharacters(in: .whitespaces).count >= 10 else {
            throw EngineError.badInput(file: "authorise", line: nil, field: "--reason", reason: "give the legal reason (case, order) in at least 10 characters")
        }
        if let entries {
            let known = Set(try watchlist.searchableTemplates(at: clock.now()).map(\.entryID))
            let unknown = entries.filter { !known.contains($0) }
            guard unknown.isEmpty else {
                throw EngineError.badInput(file: "authorise", line: nil, field: "--entries",
                                           reason: "not searchable now (no order in force): \(unknown.joined(separator: ", "))")
            }
        }
        let a = SearchAuthorisation(id: 0, entries: entries, cameras: cameras, from: from, to: to, reason: reason,
                                    approvedBy: principal.name, urgent: urgent, createdAt: clock.now())
        return try faceSearch.createAuthorisation(a, audit: AuditEntry(principal: principal, action: "authorisation.create", subject: "search", details: [
            "entries": entries.map { .int(Int64($0.count)) } ?? "all", "cameras": cameras.map { .int(Int64($0.count)) } ?? "all",
            "from": .double(from.timeIntervalSince1970), "to": .double(to.timeIntervalSince1970), "urgent": .bool(urgent), "reason": .string(reason),
        ]))
    }

    /// A second supervisor confirms an urgent authorisation.
    public func confirmAuthorisation(id: Int64, by principal: Principal) throws {
        try require(.authoriseSearch, of: principal)
        guard try faceSearch.confirmAuthorisation(id: id, by: principal.name, audit: AuditEntry(
            principal: principal, action: "authorisation.confirm", subject: String(id))) else {
            throw EngineError.badInput(file: "authorisation \(id)", line: nil, field: nil,
                                       reason: "cannot confirm: unknown, revoked, already confirmed, or approved by you (a second person must confirm)")
        }
    }

    /// Urgent authorisations left unconfirmed for 24 h are revoked and every hit they produced is deleted.
    @discardableResult
    public func applyAuthorisationLapses() throws -> [Int64] {
        let now = clock.now()
        var lapsed: [Int64] = []
        for a in try faceSearch.authorisations() where a.urgent && a.confirmedBy == nil && a.revokedAt == nil
            && now >= a.createdAt.addingTimeInterval(SearchAuthorisation.urgentLapse) {
            _ = try faceSearch.revokeAuthorisation(id: a.id, at: now, audit: AuditEntry(
                principal: .feed, action: "authorisation.lapsed", subject: String(a.id), details: ["reason": "urgent, not confirmed within 24 h"]))
            lapsed.append(a.id)
        }
        return lapsed
    }

    /// Stores a calibrated threshold (supervisor or admin) with what it was calibrated for.
    public func saveThreshold(_ threshold: Float, targetFPIR: Double, entries: Int, templates: Int, by principal: Principal) throws {
        try require(.manageWatchlist, of: principal)
        let value = CanonicalJSON.object([
            "threshold": .double(Double(threshold)), "fpir": .double(targetFPIR), "entries": .int(Int64(entries)),
            "templates": .int(Int64(templates)), "calibrated_at": .double(clock.now().timeIntervalSince1970),
        ])
        try settings.set("faces.threshold", value.text, audit: AuditEntry(principal: principal, action: "faces.threshold", subject: "calibration",
                                                                          details: value))
    }

    /// The stored threshold and the watchlist size it was calibrated at.
    public func storedThreshold() throws -> (threshold: Float, entries: Int)? {
        guard let text = try settings.value("faces.threshold"),
              let o = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
              let t = (o["threshold"] as? NSNumber)?.floatValue, let n = (o["entries"] as? NSNumber)?.intValue else { return nil }
        return (t, n)
    }
}

/// What the feed needs to search probes: the index of entries in force, the
/// threshold and the authorisations, loaded once per run.
struct LiveFaceSearch {
    let index: WatchlistIndex
    let threshold: Float
    let authorisations: [SearchAuthorisation]

    /// Candidates at or above the threshold among the entries an authorisation
    /// covers; nil when no authorisation covers this camera at this time.
    func search(_ probe: Probe, camera: String, at time: Date) throws -> (candidates: [(entry: String, similarity: Float)], authorisation: Int64)? {
        guard let auth = authorisations.first(where: { $0.covers(camera: camera, at: time) }) else { return nil }
        let allowed = auth.entries.map(Set.init)
        let found = try index.search(probe.embedding, k: 10).filter { $0.similarity >= threshold && (allowed?.contains($0.entry) ?? true) }
        return (Array(found.prefix(3)), auth.id)
    }
}
