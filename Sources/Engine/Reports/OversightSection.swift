import Foundation
import VigiaCore

/// Oversight of face search in a period: the legal preconditions on record,
/// the use record of the authorisations (EU AI Act art. 12(3)), and pairs of
/// accounts that confirm each other's actions unusually often
/// (`ConfirmationPairs`). The shift summary names the pairs; the
/// transparency report does not.
public struct OversightSection: Codable, Sendable, Equatable {
    public struct Preconditions: Codable, Sendable, Equatable {
        public var oversightBody: String
        public var lastIndependentReport: String
        public var impactAssessment: String
        public var publicNotice: String
    }

    public var preconditions: Preconditions?
    /// Authorisations with a recorded use in the period.
    public var authorisationsUsed: Int
    public var probesSearched: Int
    public var candidates: Int
    /// Distinct versions of the watchlist that were searched.
    public var watchlistVersions: Int
    public var firstUse: String?
    public var lastUse: String?
    public var pairs: [ConfirmationPairs.Pair]

    /// The section without names: pairs become "A–B", "C–D"…
    public var anonymised: OversightSection {
        var copy = self
        copy.pairs = pairs.enumerated().map { i, p in
            var q = p
            q.first = String(UnicodeScalar(UInt8(65 + (2 * i) % 26)))
            q.second = String(UnicodeScalar(UInt8(66 + (2 * i) % 26)))
            return q
        }
        return copy
    }

    func blocks(named: Bool) -> [ReportBlock] {
        var b: [ReportBlock] = [.subheading("Oversight of face search")]
        if let p = preconditions {
            b.append(.table(["oversight body", "last independent report", "impact assessment", "public notice"],
                            [[p.oversightBody, p.lastIndependentReport, p.impactAssessment, p.publicNotice]]))
        } else {
            b.append(.warning("No legal preconditions are on record: live face search is off (outside the demo)."))
        }
        b.append(.table(["authorisations used", "probes searched", "candidates", "watchlist versions searched", "first use", "last use"],
                        [["\(authorisationsUsed)", "\(probesSearched)", "\(candidates)", "\(watchlistVersions)", firstUse ?? "—", lastUse ?? "—"]]))
        if pairs.isEmpty {
            b.append(.paragraph("No pair of accounts confirmed each other's actions unusually often "
                                + "(at least \(ConfirmationPairs.minimum) together and half or more of the less active one's two-person decisions).", muted: true))
        } else {
            b.append(.warning("Pairs of accounts that confirm each other's actions unusually often: review whether the second person was independent."))
            b.append(.table([named ? "accounts" : "pair", "two-person decisions together", "share of the less active one's"],
                            pairs.map { ["\($0.first) – \($0.second)", "\($0.together)", ReportFormat.percent($0.share)] }))
        }
        return b
    }
}

extension Engine {
    /// The oversight section for [from, to).
    func oversight(from: Date, to: Date) throws -> OversightSection {
        let format = TimestampFormatter(timeZone: timeZone)
        let uses = try faceSearch.allUses().filter { $0.firstProbe < to && $0.lastProbe >= from }
        // Who were the two people on each two-person decision in the period: hit confirmations, authorisation confirmations.
        var decisions: [(String, String)] = []
        let hits = try faceSearch.hits(states: [.confirmed, .dispatched]).filter { $0.time >= from && $0.time < to }
        for (_, list) in try faceSearch.decisions(hitIDs: hits.map(\.id)) {
            let confirmers = list.filter(\.confirm).map(\.operatorName)
            if confirmers.count >= 2 { decisions.append((confirmers[0], confirmers[1])) }
        }
        for a in try faceSearch.authorisations() where a.createdAt >= from && a.createdAt < to {
            if let second = a.confirmedBy { decisions.append((a.approvedBy, second)) }
        }
        return OversightSection(
            preconditions: try legalPreconditions().map {
                .init(oversightBody: $0.oversightBody, lastIndependentReport: $0.lastIndependentReport,
                      impactAssessment: $0.impactAssessment, publicNotice: $0.publicNotice)
            },
            authorisationsUsed: Set(uses.map(\.authorisationID)).count, probesSearched: uses.reduce(0) { $0 + $1.probes },
            candidates: uses.reduce(0) { $0 + $1.hits }, watchlistVersions: Set(uses.map(\.watchlistVersion)).count,
            firstUse: uses.map(\.firstProbe).min().map(format.string(from:)), lastUse: uses.map(\.lastProbe).max().map(format.string(from:)),
            pairs: ConfirmationPairs.unusual(decisions))
    }
}
