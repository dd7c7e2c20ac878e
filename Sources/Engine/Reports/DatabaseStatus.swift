import Foundation
import VigiaCore

/// What the database holds: the console's first screen until it exists,
/// and `vigia status`.
public struct DatabaseStatus: Sendable, Codable, Equatable {
    public var database: String
    public var operators: [String: Int]
    public var incidents: IncidentSummary
    public var boundaryLayers: [String]
    /// What the larger districts are called (the lookup layer's parent key, e.g. "comuna").
    public var parentDistrictLabel: String?
    public var quarantined: Int
    public var auditRecords: Int64
    public var auditIntact: Bool
    public var auditProblem: String?
    /// Explained repairs in the chain's history.
    public var auditRepairs: Int = 0
    /// Valid signed checkpoints read from the checkpoint log, when there is one.
    public var auditCheckpoints: Int?
}

extension Engine {
    public func status(as principal: Principal) throws -> DatabaseStatus {
        try require(.readAll, of: principal)
        var roles: [String: Int] = [:]
        for op in try operators.operators() { roles[op.role.rawValue, default: 0] += 1 }
        let report = try auditReport()
        return DatabaseStatus(database: location, operators: roles, incidents: try incidents.summary(),
                              boundaryLayers: try boundaries.layerNames(),
                              parentDistrictLabel: try lookupLayer()?.parentKey, quarantined: try quarantine.quarantineCount(),
                              auditRecords: try audit.recordCount(), auditIntact: report.holds, auditProblem: report.problem,
                              auditRepairs: report.check.repairs.count, auditCheckpoints: report.checkpoints?.checkpoints)
    }
}
