import Foundation
import VigiaCore

extension Engine {
    public func flagViews(states: [FlagState]? = [.pending], as principal: Principal) throws -> [FlaggedPost] {
        try require(.readAll, of: principal)
        return try social.flags(states: states)
    }

    /// The flags awaiting review at `t`, as they stood then (a view of the past).
    public func flagViews(pendingAsOf t: Date, as principal: Principal) throws -> [FlaggedPost] {
        try require(.readAll, of: principal)
        return try social.flags(pendingAsOf: t)
    }

    /// A reviewer's decision, with a reason (safeguard 4 for flags): credible
    /// raises an alert in the queue; not credible deletes the flag and its
    /// post at once, leaving only a count (safeguard 6). Returns the alert id.
    @discardableResult
    func reviewFlag(id: Int64, credible: Bool, reason: String, by principal: Principal) throws -> Int64? {
        try require(.reviewFlags, of: principal)
        guard reason.trimmingCharacters(in: .whitespaces).count >= 3 else {
            throw EngineError.badInput(file: "flag \(id)", line: nil, field: "reason", reason: "every decision needs a reason")
        }
        guard let f = try social.flag(id: id) else { throw EngineError.badInput(file: "flag \(id)", line: nil, field: nil, reason: "no flag \(id)") }
        guard f.flag.state == .pending else {
            throw EngineError.badInput(file: "flag \(id)", line: nil, field: nil, reason: "this flag was already reviewed (\(f.flag.state.rawValue))")
        }
        let now = clock.now()
        let alert = credible ? StoredAlert(
            alert: Alert(id: 0, ruleID: "social-flag", cameraID: f.district.map { "area:" + $0 }, priority: 2, createdAt: now,
                         title: "Credible threat (\(f.flag.category.rawValue))" + (f.district.map { " in \($0)" } ?? "")),
            dedupeKey: "social-flag:\(id)", procedure: "Credible threat reviewed by \(principal.name): \(reason)",
            evidence: ["flag": String(id), "category": f.flag.category.rawValue, "phrases": f.flag.phrases.joined(separator: " · ")],
            escalateAfterSeconds: 300) : nil
        // The audit record holds the decision, never the post's text or author.
        return try social.decide(flag: id, credible ? .credible : .notCredible, operatorName: principal.name, reason: reason, at: now,
                                 alert: alert, counterPeriod: counterPeriod(),
                                 audit: AuditEntry(principal: principal, action: Command.reviewFlag(id, credible: credible, reason: reason).auditAction,
                                                   subject: String(id), details: ["reason": .string(reason), "category": .string(f.flag.category.rawValue)]))
    }
}
