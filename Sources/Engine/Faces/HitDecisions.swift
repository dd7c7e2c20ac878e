import FaceMatch
import Foundation
import VigiaCore

/// A hit as a dispatcher sees it: candidate, order details and confirmations so far.
public struct HitView: Codable, Sendable, Equatable {
    public var hit: Hit
    public var candidateName: String?
    public var orderReference: String?
    public var court: String?
    public var confirmations: Int
    public var decisions: [HitDecision]
}

extension Engine {
    /// Candidates, leaving out those whose authorisation lapsed or was
    /// revoked: they cannot be acted on, whether or not a sweep has run.
    public func hitViews(states: [HitState]? = nil, as principal: Principal) throws -> [HitView] {
        try require(.decideHits, of: principal)
        let hits = try liveHits(states: states)
        let decided = try faceSearch.decisions(hitIDs: hits.map(\.id))
        return try views(hits.map { ($0, decided[$0.id] ?? []) })
    }

    /// The candidates as they stood at `t` (a view of the past): sighted by
    /// then, each in the state its decisions up to `t` left it in, and only
    /// those whose state then is in `states`.
    public func hitViews(states: [HitState], asOf t: Date, as principal: Principal) throws -> [HitView] {
        try require(.decideHits, of: principal)
        let hits = try liveHits(states: nil).filter { $0.time <= t }
        let decided = try faceSearch.decisions(hitIDs: hits.map(\.id))
        // Dispatch leaves no decision row (it needs no reason): its time is its audit record's,
        // read from the first dispatched candidate's sighting on (a dispatch comes after it).
        let dispatched = hits.filter { $0.state == .dispatched }
        let ids = Set(dispatched.map { String($0.id) })
        let dispatchedBy = try dispatched.map(\.time).min().map { from in
            Set(try audit.records(from: from, to: t).filter { $0.isAction(.hitDispatch) && ids.contains($0.subject) }.map(\.subject))
        } ?? []
        var then: [(Hit, [HitDecision])] = []
        for var h in hits {
            let decisions = (decided[h.id] ?? []).filter { $0.at <= t }
            var state = HitState.pending, confirmedBy: [String] = []
            for d in decisions {
                let action: HitAction = d.confirm ? .confirm(by: d.operatorName) : .reject(by: d.operatorName)
                state = (try? HitLifecycle.next(from: state, action: action, confirmedBy: confirmedBy)) ?? state
                if d.confirm { confirmedBy.append(d.operatorName) }
            }
            if dispatchedBy.contains(String(h.id)) { state = (try? HitLifecycle.next(from: state, action: .dispatch, confirmedBy: confirmedBy)) ?? state }
            h.state = state
            if states.contains(state) { then.append((h, decisions)) }
        }
        return try views(then)
    }

    /// Candidates with their decisions, as a dispatcher sees them: name and court order from the watchlist.
    private func views(_ hits: [(Hit, [HitDecision])]) throws -> [HitView] {
        let entries = try watchlist.entries(ids: hits.map(\.0.entryID))
        return hits.map { h, decisions in
            let entry = entries[h.entryID]?.entry
            return HitView(hit: h, candidateName: entry?.displayName, orderReference: entry?.courtOrderReference, court: entry?.issuingCourt,
                           confirmations: decisions.filter(\.confirm).count, decisions: decisions)
        }
    }

    /// Confirms or rejects a candidate, with a reason. Two different
    /// operators must confirm before it counts; one rejection closes it (safeguard 4).
    @discardableResult
    func decideHit(id: Int64, confirm: Bool, reason: String, by principal: Principal) throws -> HitState {
        try require(.decideHits, of: principal)
        guard reason.trimmingCharacters(in: .whitespaces).count >= 3 else {
            throw EngineError.badInput(file: "hit \(id)", line: nil, field: "reason", reason: "every decision needs a reason")
        }
        guard let hit = try faceSearch.hit(id: id) else { throw EngineError.badInput(file: "hit \(id)", line: nil, field: nil, reason: "no hit \(id)") }
        try requireLiveAuthorisation(of: hit)
        let previous = try faceSearch.decisions(hitID: id)
        let next: HitState
        do {
            next = try HitLifecycle.next(from: hit.state, action: confirm ? .confirm(by: principal.name) : .reject(by: principal.name),
                                         confirmedBy: previous.filter(\.confirm).map(\.operatorName))
        } catch let e as HitTransitionError {
            throw EngineError.badInput(file: "hit \(id)", line: nil, field: nil, reason: e.reason)
        }
        // The second confirmation must come from someone independent of the first (safeguard 4).
        if confirm, let first = previous.first(where: \.confirm),
           let problem = SeparationOfDuties.problem(first: first.operatorName, second: principal.name, operators: try operators.operators(), at: clock.now()) {
            throw EngineError.badInput(file: "hit \(id)", line: nil, field: nil, reason: problem)
        }
        let moved = try faceSearch.decide(HitDecision(hitID: id, operatorName: principal.name, confirm: confirm, reason: reason, at: clock.now()),
                                          expected: hit.state, newState: next,
                                          audit: AuditEntry(principal: principal, action: Command.decideHit(id, confirm: confirm, reason: reason).auditAction, subject: String(id),
                                                            details: ["reason": .string(reason), "state": .string(next.rawValue)]))
        guard moved else { throw EngineError.badInput(file: "hit \(id)", line: nil, field: nil, reason: "someone else decided first; look again") }
        return next
    }

    /// Dispatch on a candidate: refused until two different operators confirmed it.
    func dispatchHit(id: Int64, by principal: Principal) throws {
        try require(.decideHits, of: principal)
        guard let hit = try faceSearch.hit(id: id) else { throw EngineError.badInput(file: "hit \(id)", line: nil, field: nil, reason: "no hit \(id)") }
        try requireLiveAuthorisation(of: hit)
        do {
            _ = try HitLifecycle.next(from: hit.state, action: .dispatch, confirmedBy: try faceSearch.decisions(hitID: id).filter(\.confirm).map(\.operatorName))
        } catch let e as HitTransitionError {
            throw EngineError.badInput(file: "hit \(id)", line: nil, field: nil, reason: e.reason)
        }
        _ = try faceSearch.decide(HitDecision(hitID: id, operatorName: principal.name, confirm: true, reason: "", at: clock.now()),
                                  expected: .confirmed, newState: .dispatched,
                                  audit: AuditEntry(principal: principal, action: Command.dispatchHit(id).auditAction, subject: String(id)))
    }

    /// Confirmed sightings of one entry in time order: a movement trail.
    public func trail(entry: String, as principal: Principal) throws -> [Hit] {
        try require(.decideHits, of: principal)
        return try liveHits(states: [.confirmed, .dispatched], keepDispatched: false).filter { $0.entryID == entry }.sorted { $0.time < $1.time }
    }

    /// Hits in these states whose authorisation is still live (not lapsed, not
    /// revoked) now. Dispatched hits kept after a lapse stay listed for review
    /// (`keepDispatched`), but never join a movement trail.
    func liveHits(states: [HitState]?, keepDispatched: Bool = true) throws -> [Hit] {
        let now = clock.now()
        let authorisations = try authorisationsByID()
        return try faceSearch.hits(states: states).filter { h in
            if keepDispatched && h.state == .dispatched { return true }
            guard let id = h.authorisationID, let a = authorisations[id] else { return true }
            return !a.isLapsed(at: now) && a.revokedAt == nil
        }
    }
}
