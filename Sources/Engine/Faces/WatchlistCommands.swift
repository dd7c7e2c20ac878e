import Foundation
import VigiaCore

/// What an import did: who is searchable, who is on file without templates
/// (order lapsed), who was refused and why.
public struct WatchlistImportReport: Codable, Sendable, Equatable {
    public var searchable: Int
    public var lapsed: Int
    public var refused: [String: String]
    public var templates: Int
    /// Entries closed here (expired or revoked locally) that the file lists as
    /// active: kept closed. Only `watchlist reinstate` opens them again.
    public var keptClosed: [String] = []
}

extension Engine {
    /// The embedding dimension of this database's watchlist (a setting; 512 unless changed).
    public func faceDimension() throws -> Int {
        Int(try settings.value("faces.dimension") ?? "") ?? 512
    }

    /// Imports a watchlist file (supervisor or admin). Entries without a court
    /// order reference, issuing court or order dates are refused (safeguard 2);
    /// entries whose order has lapsed or been revoked are kept on file without
    /// templates, so they can never match.
    public func importWatchlist(at url: URL, by principal: Principal) throws -> WatchlistImportReport {
        try require(.manageWatchlist, of: principal)
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw EngineError.badInput(file: url.path, line: nil, field: nil, reason: "cannot read the file: \(error.localizedDescription)")
        }
        let contents = try WatchlistFile.decode(data, source: url.lastPathComponent, timeZone: timeZone)
        let dimension = try faceDimension()
        guard contents.dimension == dimension else {
            throw EngineError.badInput(file: url.lastPathComponent, line: nil, field: "dimension",
                                       reason: "templates have \(contents.dimension) dimensions; this database uses \(dimension)")
        }
        let now = clock.now()
        let stored = Dictionary(try watchlist.entries().map { ($0.entry.id, $0) }, uniquingKeysWith: { a, _ in a })
        var rows: [(entry: WatchlistEntry, templates: [[Float]])] = []
        var report = WatchlistImportReport(searchable: 0, lapsed: 0, refused: [:], templates: 0)
        var changed: [String] = []
        for r in contents.records {
            guard let order = r.courtOrderReference, let court = r.issuingCourt, let issued = r.issuedOn, let expires = r.expiresOn else {
                report.refused[r.id] = r.scopeProblem(at: now) ?? "incomplete order"
                continue
            }
            if let problem = CourtOrderRule.orderProblem(order) ?? CourtOrderRule.courtProblem(court)
                ?? CourtOrderRule.expiryProblem(issued: issued, expires: expires, now: now) {
                report.refused[r.id] = problem + " (safeguard 2)"
                continue
            }
            var inForce = r.scopeProblem(at: now) == nil
            var status: WatchlistStatus = inForce ? .active : (r.status == .revoked ? .revoked : .expired)
            // Closed here stays closed: a file cannot bring back an entry a supervisor expired or revoked.
            if let existing = stored[r.id]?.entry, existing.status != .active {
                if inForce { report.keptClosed.append(r.id) }
                inForce = false
                status = existing.status
            }
            rows.append((WatchlistEntry(id: r.id, displayName: r.displayName, courtOrderReference: order, issuingCourt: court,
                                        offenceCategory: r.offenceCategory ?? "unspecified", issuedOn: issued, expiresOn: expires, status: status),
                         inForce ? r.templates : []))
            if stored[r.id].map({ $0.entry.status != status || $0.entry.courtOrderReference != order || $0.entry.expiresOn != expires }) ?? true {
                changed.append(r.id)
            }
            if inForce { report.searchable += 1; report.templates += r.templates.count } else { report.lapsed += 1 }
        }
        try watchlist.upsert(rows, audit: AuditEntry(principal: principal, action: .watchlistImport, subject: url.lastPathComponent, details: [
            "searchable": .int(Int64(report.searchable)), "lapsed": .int(Int64(report.lapsed)),
            "refused": .array(report.refused.keys.sorted().map(CanonicalJSON.string)), "templates": .int(Int64(report.templates)),
            "changed": .array(changed.map(CanonicalJSON.string)), "kept_closed": .array(report.keptClosed.map(CanonicalJSON.string)),
        ]))
        return report
    }

    /// Opens a closed entry again under a new order (supervisor; audited): a
    /// supervisor other than, and independent of, the one who closed it. The
    /// order must pass the same rules as a new entry; templates come with it
    /// (they were purged when it closed).
    public func reinstateWatchlistEntry(id: String, order: String, court: String, issued: Date, expires: Date, templates: [[Float]],
                                        by principal: Principal) throws {
        try require(.manageWatchlist, of: principal)
        let subject = "watchlist \(TerminalSafe.line(id, limit: 64))"
        guard let stored = try watchlist.entry(id: id) else { throw EngineError.badInput(file: subject, line: nil, field: nil, reason: "no such entry") }
        guard stored.entry.status != .active else { throw EngineError.badInput(file: subject, line: nil, field: nil, reason: "it is active") }
        let now = clock.now()
        if let problem = CourtOrderRule.orderProblem(order) ?? CourtOrderRule.courtProblem(court)
            ?? CourtOrderRule.expiryProblem(issued: issued, expires: expires, now: now) {
            throw EngineError.badInput(file: subject, line: nil, field: nil, reason: problem + " (safeguard 2)")
        }
        guard expires > now else { throw EngineError.badInput(file: subject, line: nil, field: "--expires", reason: "the new order has already expired") }
        if let closer = stored.statusChangedBy,
           let problem = SeparationOfDuties.problem(first: closer, second: principal.name, operators: try operators.operators(), at: now) {
            throw EngineError.badInput(file: subject, line: nil, field: nil, reason: "\(closer) closed it: " + problem)
        }
        try checkTemplates(templates, for: id)
        var entry = stored.entry
        entry.courtOrderReference = order
        entry.issuingCourt = court
        entry.issuedOn = issued
        entry.expiresOn = expires
        guard try watchlist.reinstate(entry, templates: templates, by: principal.name, at: now, audit: AuditEntry(
            principal: principal, action: .watchlistReinstate, subject: id, details: [
                "order_reference": .string(order), "court": .string(court), "expires": .double(expires.timeIntervalSince1970),
                "closed_by": stored.statusChangedBy.map(CanonicalJSON.string) ?? .null, "templates": .int(Int64(templates.count)),
            ])) else {
            throw EngineError.badInput(file: subject, line: nil, field: nil, reason: "someone else changed it first; look again")
        }
    }

    func checkTemplates(_ templates: [[Float]], for id: String) throws {
        guard !templates.isEmpty else { throw EngineError.badInput(file: "watchlist", line: nil, field: id, reason: "an entry needs a template") }
        let dimension = try faceDimension()
        for t in templates where t.count != dimension || !t.allSatisfy(\.isFinite) || t.allSatisfy({ $0 == 0 }) {
            throw EngineError.badInput(file: "watchlist", line: nil, field: id, reason: "a template must be \(dimension) finite numbers, not all zero")
        }
    }

    /// Adds one entry; refused without its court order details (safeguard 2).
    public func addWatchlistEntry(_ entry: WatchlistEntry, templates: [[Float]], by principal: Principal) throws {
        try require(.manageWatchlist, of: principal)
        let missing = [("order reference", entry.courtOrderReference), ("issuing court", entry.issuingCourt)]
            .filter { $0.1.trimmingCharacters(in: .whitespaces).isEmpty }.map(\.0)
        guard missing.isEmpty else {
            throw EngineError.badInput(file: "watchlist", line: nil, field: entry.id,
                                       reason: "refused: no \(missing.joined(separator: " or ")); an entry is searchable only under a court order (safeguard 2)")
        }
        let now = clock.now()
        if let problem = CourtOrderRule.orderProblem(entry.courtOrderReference) ?? CourtOrderRule.courtProblem(entry.issuingCourt)
            ?? CourtOrderRule.expiryProblem(issued: entry.issuedOn, expires: entry.expiresOn, now: now) {
            throw EngineError.badInput(file: "watchlist", line: nil, field: entry.id, reason: "refused: \(problem) (safeguard 2)")
        }
        guard entry.expiresOn > now else {
            throw EngineError.badInput(file: "watchlist", line: nil, field: entry.id, reason: "refused: the order has already expired")
        }
        if let existing = try watchlist.entry(id: entry.id), existing.entry.status != .active {
            throw EngineError.badInput(file: "watchlist", line: nil, field: entry.id,
                                       reason: "refused: this entry was \(existing.entry.status.rawValue) here; a supervisor reinstates it with `vigia watchlist reinstate`")
        }
        try checkTemplates(templates, for: entry.id)
        var e = entry
        e.status = .active
        try watchlist.upsert([(e, templates)], audit: AuditEntry(principal: principal, action: .watchlistAdd, subject: entry.id, details: [
            "order_reference": .string(entry.courtOrderReference), "court": .string(entry.issuingCourt), "templates": .int(Int64(templates.count)),
        ]))
    }

    /// Expires or revokes an entry: it stops matching and its templates are deleted at once.
    public func closeWatchlistEntry(id: String, status: WatchlistStatus, reason: String, by principal: Principal) throws {
        try require(.manageWatchlist, of: principal)
        guard status != .active else { throw EngineError.badInput(file: "watchlist", line: nil, field: id, reason: "use expire or revoke") }
        guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw EngineError.badInput(file: "watchlist", line: nil, field: id, reason: "say why (--reason)")
        }
        let closed = try watchlist.close(id: id, status: status, by: principal.name, at: clock.now(), audit: AuditEntry(
            principal: principal, action: status == .revoked ? .watchlistRevoke : .watchlistExpire, subject: id, details: ["reason": .string(reason)]))
        guard closed else { throw EngineError.badInput(file: "watchlist", line: nil, field: id, reason: "no watchlist entry \(id)") }
    }

    /// Entries still marked active whose order has lapsed: each is expired and purged (audited).
    public func reconcileWatchlist(by principal: Principal) throws -> [String] {
        try require(.manageWatchlist, of: principal)
        let now = clock.now()
        let lapsed = try watchlist.entries().filter { $0.entry.status == .active && $0.entry.expiresOn <= now }.map(\.entry.id)
        for id in lapsed { try closeWatchlistEntry(id: id, status: .expired, reason: "order lapsed", by: principal) }
        return lapsed
    }

    /// The watchlist, for those who manage or audit it.
    public func watchlistEntries(by principal: Principal) throws -> [StoredWatchlistEntry] {
        guard principal.role.allows(.manageWatchlist) || principal.role == .auditor else {
            throw EngineError.forbidden(principal: principal.name, role: principal.role, permission: .manageWatchlist)
        }
        return try watchlist.entries()
    }
}
