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

    /// Stores a calibrated threshold (supervisor or admin) with what it was
    /// calibrated for and the measured error rates per group (safeguard 5;
    /// the transparency report publishes them).
    public func saveThreshold(_ report: Calibration.Report, targetFPIR: Double, by principal: Principal) throws {
        try saveThreshold(report.threshold, targetFPIR: targetFPIR, entries: report.entries, templates: report.templates,
                          measured: (report.fpir, report.fnir), groups: report.groups, by: principal)
    }

    /// Stores a threshold with the watchlist size it holds for.
    public func saveThreshold(_ threshold: Float, targetFPIR: Double, entries: Int, templates: Int,
                              measured: (fpir: Double, fnir: Double)? = nil, groups: [Calibration.GroupResult] = [],
                              by principal: Principal) throws {
        try require(.manageWatchlist, of: principal)
        var value: [String: CanonicalJSON] = [
            "threshold": .double(Double(threshold)), "fpir": .double(targetFPIR), "entries": .int(Int64(entries)),
            "templates": .int(Int64(templates)), "calibrated_at": .double(clock.now().timeIntervalSince1970),
            "groups": .array(groups.map {
                .object(["group": .string($0.group), "non_mated": .int(Int64($0.nonMated)), "mated": .int(Int64($0.mated)),
                         "fpir": .double($0.fpir), "fnir": .double($0.fnir)])
            }),
        ]
        if let measured { value["measured_fpir"] = .double(measured.fpir); value["measured_fnir"] = .double(measured.fnir) }
        let json = CanonicalJSON.object(value)
        try settings.set("faces.threshold", json.text, audit: AuditEntry(principal: principal, action: "faces.threshold", subject: "calibration",
                                                                         details: json))
    }

    /// The stored threshold and the watchlist size it was calibrated at.
    public func storedThreshold() throws -> (threshold: Float, entries: Int)? {
        guard let o = try thresholdSetting(), let t = (o["threshold"] as? NSNumber)?.floatValue,
              let n = (o["entries"] as? NSNumber)?.intValue else { return nil }
        return (t, n)
    }

    /// The `faces.threshold` setting as saved by `saveThreshold`, nil when none was saved.
    func thresholdSetting() throws -> [String: Any]? {
        guard let text = try settings.value("faces.threshold") else { return nil }
        return try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
    }
}

/// What the feed needs to search probes: the index of entries in force, the
/// threshold and the authorisations, loaded once per run.
struct LiveFaceSearch {
    let index: WatchlistIndex
    let packed: PackedIndex
    let threshold: Float
    let authorisations: [SearchAuthorisation]

    init(index: WatchlistIndex, threshold: Float, authorisations: [SearchAuthorisation]) {
        self.index = index
        self.packed = index.packed()
        self.threshold = threshold
        self.authorisations = authorisations
    }

    /// The authorisation covering this camera at this time, if any.
    func authorisation(camera: String, at time: Date) -> SearchAuthorisation? {
        authorisations.first { $0.covers(camera: camera, at: time) }
    }

    /// Candidates at or above the threshold among the entries each probe's
    /// authorisation covers, at most three per probe, for a micro-batch.
    func search(_ probes: [(embedding: [Float], authorisation: SearchAuthorisation)]) throws -> [[(entry: String, similarity: Float)]] {
        let found = try index.search(batch: probes.map(\.embedding), in: packed, k: 10, floor: threshold)
        return zip(found, probes).map { candidates, probe in
            let allowed = probe.authorisation.entries.map(Set.init)
            return Array(candidates.filter { $0.similarity >= threshold && (allowed?.contains($0.entry) ?? true) }.prefix(3))
        }
    }
}
