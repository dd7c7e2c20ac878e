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
}

extension Engine {
    public func status(as principal: Principal = .feed) throws -> DatabaseStatus {
        try require(.readAll, of: principal)
        var roles: [String: Int] = [:]
        for op in try operators.operators() { roles[op.role.rawValue, default: 0] += 1 }
        let verification = try audit.verify()
        var intact = true, problem: String?
        if case .broken(let sequence, let what) = verification {
            intact = false
            problem = "record \(sequence) \(what.rawValue)"
        }
        return DatabaseStatus(database: location, operators: roles, incidents: try incidents.summary(),
                              boundaryLayers: try boundaries.layerNames(),
                              parentDistrictLabel: try lookupLayer()?.parentKey, quarantined: try quarantine.quarantineCount(),
                              auditRecords: try audit.recordCount(), auditIntact: intact, auditProblem: problem)
    }
}
