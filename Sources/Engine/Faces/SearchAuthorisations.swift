import FaceMatch
import Foundation
import VigiaCore

extension Engine {
    /// The limits on authorisations (defaults unless an admin set them).
    public func authorisationPolicy() throws -> AuthorisationPolicy {
        guard let text = try settings.value("faces.authorisation.policy"),
              let policy = try? JSONDecoder().decode(AuthorisationPolicy.self, from: Data(text.utf8)) else { return AuthorisationPolicy() }
        return policy
    }

    /// Sets the limits (admin; audited), each within `AuthorisationPolicy.ceilingHours`.
    public func setAuthorisationPolicy(_ policy: AuthorisationPolicy, by principal: Principal) throws {
        try require(.manageOperators, of: principal)
        let c = AuthorisationPolicy.ceilingHours
        guard (0.5...c).contains(policy.maximumHours), (0...c).contains(policy.secondApprovalOverHours),
              (0...60).contains(policy.pastToleranceMinutes) else {
            throw EngineError.badInput(file: "authorise policy", line: nil, field: nil,
                                       reason: "hours must be 0.5–\(Int(c)) (second approval 0–\(Int(c))), past tolerance 0–60 minutes")
        }
        let text = String(decoding: try JSONEncoder().encode(policy), as: UTF8.self)
        try settings.set("faces.authorisation.policy", text, audit: AuditEntry(principal: principal, action: .authorisationPolicy, subject: "faces",
            details: ["maximum_hours": .double(policy.maximumHours), "second_approval_over_hours": .double(policy.secondApprovalOverHours),
                      "past_tolerance_minutes": .double(policy.pastToleranceMinutes)]))
    }

    /// Authorises live face search (supervisor or admin), for entries and
    /// cameras (nil: all) over [from, to) (safeguard 3). Within the policy's
    /// limits: a window of at most 12 h that does not start in the past, and a
    /// reason with substance. A window over 8 h, or every entry on every
    /// camera, is in force only once a second supervisor confirms it; an
    /// urgent one starts at once and lapses after 24 h unless confirmed.
    public func authorise(entries: [String]?, cameras: [String]?, from: Date, to: Date, reason: String, urgent: Bool,
                          by principal: Principal) throws -> (id: Int64, needsSecondApproval: Bool) {
        try require(.authoriseSearch, of: principal)
        let now = clock.now()
        let verdict = try authorisationPolicy().check(entries: entries, cameras: cameras, from: from, to: to, reason: reason, now: now)
        if let problem = verdict.problem { throw EngineError.badInput(file: "authorise", line: nil, field: nil, reason: problem) }
        if let entries {
            let known = Set(try watchlist.searchableTemplates(at: now).map(\.entryID))
            let unknown = entries.filter { !known.contains($0) }
            guard unknown.isEmpty else {
                throw EngineError.badInput(file: "authorise", line: nil, field: "--entries",
                                           reason: "not searchable now (no order in force): \(unknown.joined(separator: ", "))")
            }
        }
        let a = SearchAuthorisation(id: 0, entries: entries, cameras: cameras, from: from, to: to, reason: reason,
                                    approvedBy: principal.name, urgent: urgent, createdAt: now, needsSecondApproval: verdict.needsSecondApproval)
        let id = try faceSearch.createAuthorisation(a, audit: AuditEntry(principal: principal, action: .authorisationCreate, subject: "search", details: [
            "entries": entries.map { .int(Int64($0.count)) } ?? "all", "cameras": cameras.map { .int(Int64($0.count)) } ?? "all",
            "from": .double(from.timeIntervalSince1970), "to": .double(to.timeIntervalSince1970), "urgent": .bool(urgent), "reason": .string(reason),
            "needs_second_approval": .bool(verdict.needsSecondApproval),
        ]))
        return (id, verdict.needsSecondApproval)
    }

    /// A second supervisor confirms an urgent or wide authorisation: someone
    /// other than, and independent of, the one who approved it; never after
    /// it lapsed.
    public func confirmAuthorisation(id: Int64, by principal: Principal) throws {
        try require(.authoriseSearch, of: principal)
        let subject = "authorisation \(id)"
        guard let a = try faceSearch.authorisations().first(where: { $0.id == id }) else {
            throw EngineError.badInput(file: subject, line: nil, field: nil, reason: "no such authorisation")
        }
        let now = clock.now()
        if a.isLapsed(at: now) {
            throw EngineError.badInput(file: subject, line: nil, field: nil,
                                       reason: "it lapsed 24 h after it was made, unconfirmed; what it produced is deleted. Authorise again if the search is still needed")
        }
        guard a.revokedAt == nil, a.confirmedBy == nil else {
            throw EngineError.badInput(file: subject, line: nil, field: nil, reason: a.revokedAt != nil ? "it was revoked" : "it is already confirmed")
        }
        if let problem = SeparationOfDuties.problem(first: a.approvedBy, second: principal.name, operators: try operators.operators(), at: now) {
            throw EngineError.badInput(file: subject, line: nil, field: nil, reason: problem)
        }
        guard try faceSearch.confirmAuthorisation(id: id, by: principal.name, audit: AuditEntry(
            principal: principal, action: .authorisationConfirm, subject: String(id))) else {
            throw EngineError.badInput(file: subject, line: nil, field: nil, reason: "someone else confirmed or revoked it first; look again")
        }
    }

    /// Urgent authorisations left unconfirmed for 24 h are revoked and every
    /// hit they produced is deleted, except hits already dispatched: a unit
    /// was sent on them, so they are kept, the case is recorded, and an alert
    /// asks a supervisor to review it. Lapse is checked at every use anyway
    /// (`SearchAuthorisation.isLapsed`); this sweep, run at start-up and on a
    /// timer by every long-running process, makes it final.
    @discardableResult
    public func applyAuthorisationLapses() throws -> [Int64] {
        let now = clock.now()
        var lapsed: [Int64] = []
        for a in try faceSearch.authorisations() where a.revokedAt == nil && a.isLapsed(at: now) {
            let outcome = try faceSearch.revokeAuthorisation(id: a.id, at: now) { deleted, kept in
                AuditEntry(principal: .feed, action: .authorisationLapsed, subject: String(a.id), details: [
                    "reason": "urgent, not confirmed within 24 h", "hits_deleted": .int(Int64(deleted)),
                    "dispatched_kept": .array(kept.map(CanonicalJSON.int)),
                ])
            }
            if !outcome.kept.isEmpty {
                let list = outcome.kept.map { "#\($0)" }.joined(separator: ", ")
                try alerts.commit(FeedBatch(alerts: [StoredAlert(
                    alert: Alert(id: 0, ruleID: "authorisation-lapse", cameraID: nil, priority: 2, createdAt: now,
                                 title: "Urgent authorisation #\(a.id) lapsed unconfirmed after candidates \(list) were dispatched"),
                    dedupeKey: "authorisation-lapse:\(a.id)",
                    procedure: "A supervisor reviews the dispatch: it acted on a search nobody confirmed. The candidates are kept for this review, not deleted.",
                    evidence: ["authorisation": String(a.id), "approved_by": a.approvedBy, "dispatched": list],
                    escalateAfterSeconds: 900)]), counterPeriod: counterPeriod())
            }
            lapsed.append(a.id)
        }
        return lapsed
    }

    /// Authorisations by id, for judging hits at every use.
    func authorisationsByID() throws -> [Int64: SearchAuthorisation] {
        Dictionary(try faceSearch.authorisations().map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// Refuses to act on a hit whose authorisation lapsed or was revoked.
    func requireLiveAuthorisation(of hit: Hit) throws {
        guard let id = hit.authorisationID, let a = try authorisationsByID()[id] else { return }
        if a.isLapsed(at: clock.now()) || a.revokedAt != nil {
            throw EngineError.badInput(file: "hit \(hit.id)", line: nil, field: nil,
                                       reason: "the search that produced it ran under authorisation #\(id), which \(a.revokedAt != nil ? "was revoked" : "lapsed unconfirmed after 24 h"); the candidate cannot be acted on (safeguard 3)")
        }
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
        try settings.set("faces.threshold", json.text, audit: AuditEntry(principal: principal, action: .facesThreshold, subject: "calibration",
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
    ///
    /// The batch asks for the best `firstPass` entries above the threshold.
    /// When an authorisation names entries and that list came back full,
    /// entries it does not cover may have crowded out one it does (ranked
    /// eleventh, say): that probe is searched again over every entry, so an
    /// authorised entry above the threshold is never missed.
    func search(_ probes: [(embedding: [Float], authorisation: SearchAuthorisation)]) throws -> [[(entry: String, similarity: Float)]] {
        let found = try index.search(batch: probes.map(\.embedding), in: packed, k: Self.firstPass, floor: threshold)
        return try zip(found, probes).map { candidates, probe in
            guard let entries = probe.authorisation.entries else { return Array(candidates.filter { $0.similarity >= threshold }.prefix(3)) }
            let allowed = Set(entries)
            var shown = candidates.filter { $0.similarity >= threshold && allowed.contains($0.entry) }
            if shown.count < 3, candidates.count >= Self.firstPass, index.entryCount > Self.firstPass {
                let all = try index.search(batch: [probe.embedding], in: packed, k: index.entryCount, floor: threshold)[0]
                shown = all.filter { $0.similarity >= threshold && allowed.contains($0.entry) }
            }
            return Array(shown.prefix(3))
        }
    }

    static let firstPass = 10
}
