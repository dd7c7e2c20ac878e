import Foundation
import VigiaCore

/// Everything recorded about one authorisation's use of face search (EU AI
/// Act art. 12(3); what the 2022 Buenos Aires ruling found missing): its
/// terms, who approved and confirmed it, its start and end of use, the
/// watchlist versions it searched, the candidates it produced and who
/// verified each.
public struct AuthorisationRecord: Codable, Sendable, Equatable {
    public struct Candidate: Codable, Sendable, Equatable {
        public var hit: Int64
        public var entry: String
        public var camera: String
        public var time: Date
        public var state: HitState
        /// Who decided, in order: "confirm" or "reject", by whom, when.
        public var decisions: [HitDecision]
    }

    public var authorisation: SearchAuthorisation
    /// in force, pending a second approval, lapsed, revoked, or ended.
    public var status: String
    public var uses: [AuthorisationUse]
    public var candidates: [Candidate]
    public var firstUse: Date? { uses.map(\.firstProbe).min() }
    public var lastUse: Date? { uses.map(\.lastProbe).max() }
    public var probes: Int { uses.reduce(0) { $0 + $1.probes } }
}

extension Engine {
    /// The use record of one authorisation (supervisor, auditor, admin).
    public func authorisationRecord(id: Int64, as principal: Principal) throws -> AuthorisationRecord {
        guard principal.role.allows(.authoriseSearch) || principal.role.allows(.verifyAudit) else {
            throw EngineError.forbidden(principal: principal.name, role: principal.role, permission: .authoriseSearch)
        }
        guard let a = try authorisationsByID()[id] else {
            throw EngineError.badInput(file: "authorisation \(id)", line: nil, field: nil, reason: "no such authorisation")
        }
        let hits = try faceSearch.hits(states: nil).filter { $0.authorisationID == id }
        let decisions = try faceSearch.decisions(hitIDs: hits.map(\.id))
        return AuthorisationRecord(authorisation: a, status: Self.status(of: a, at: clock.now()), uses: try faceSearch.uses(authorisation: id),
                                   candidates: hits.map { h in
                                       .init(hit: h.id, entry: h.entryID, camera: h.cameraID, time: h.time, state: h.state, decisions: decisions[h.id] ?? [])
                                   })
    }

    static func status(of a: SearchAuthorisation, at now: Date) -> String {
        if a.revokedAt != nil { return a.isLapsed(at: a.revokedAt ?? now) ? "lapsed" : "revoked" }
        if a.isLapsed(at: now) { return "lapsed" }
        if !a.isInForce(at: now) { return "waiting for a second supervisor" }
        return now >= a.to ? "ended" : (now < a.from ? "not yet started" : "in force")
    }

    /// Every authorisation (supervisor, auditor, admin).
    public func authorisationList(as principal: Principal) throws -> [(authorisation: SearchAuthorisation, status: String)] {
        guard principal.role.allows(.authoriseSearch) || principal.role.allows(.verifyAudit) else {
            throw EngineError.forbidden(principal: principal.name, role: principal.role, permission: .authoriseSearch)
        }
        let now = clock.now()
        return try faceSearch.authorisations().map { ($0, Self.status(of: $0, at: now)) }
    }
}
