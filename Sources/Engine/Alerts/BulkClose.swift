import Foundation
import VigiaCore

/// What a bulk close did: which alerts closed, which were refused and why.
public struct BulkCloseResult: Sendable, Equatable, Encodable {
    public var closed: [Int64]
    public var refused: [Refusal]

    public struct Refusal: Sendable, Equatable, Encodable {
        public var alert: Int64
        public var reason: String
    }
}

/// Closing a set at once ("the 47 P5 motorcycle alerts as false alarm",
/// issue 23): one disposition and one reason for all, each alert closed
/// through the same command as one by one (role, life cycle and close
/// condition checked, audited each), then one record of the whole action.
extension Engine {
    /// The most alerts one bulk close takes.
    public static let maximumBulkClose = 1_000

    func closeAll(_ ids: [Int64], disposition: Disposition, reason: String, by principal: Principal) throws -> BulkCloseResult {
        try require(.handleAlerts, of: principal)
        var seen = Set<Int64>()
        let ids = ids.filter { seen.insert($0).inserted }
        guard !ids.isEmpty, ids.count <= Self.maximumBulkClose else {
            throw EngineError.badInput(file: "bulk close", line: nil, field: "alerts", reason: "give 1 to \(Self.maximumBulkClose) alerts, found \(ids.count)")
        }
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard Self.hasWords(reason),
              reason.utf8.count <= Self.maximumNoteBytes else {
            throw EngineError.badInput(file: "bulk close", line: nil, field: "reason", reason: "a bulk close needs one reason in words, at most \(Self.maximumNoteBytes) bytes")
        }
        var result = BulkCloseResult(closed: [], refused: [])
        for id in ids {
            do {
                _ = try perform(.close(disposition, note: "bulk: \(reason)"), onAlert: id, by: principal)
                result.closed.append(id)
            } catch let e as EngineError {
                result.refused.append(.init(alert: id, reason: e.description))
            }
        }
        try audit.append(AuditEntry(principal: principal, action: Command.closeAll(ids, disposition, reason: reason).auditAction, subject: "\(result.closed.count) alerts", details: [
            "disposition": .string(disposition.rawValue), "reason": .string(reason),
            "closed": .array(result.closed.map { .int($0) }), "refused": .array(result.refused.map { .int($0.alert) }),
        ]))
        return result
    }
}
