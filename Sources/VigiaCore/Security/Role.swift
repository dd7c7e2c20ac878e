import Foundation

/// What a person at the console is allowed to do.
public enum Role: String, Hashable, Sendable, Codable, CaseIterable {
    case dispatcher, supervisor, auditor, admin
    /// The audited system actor that feeds and read-only analyses run as.
    /// Never assignable to a person.
    case system

    /// Roles a person can hold.
    public static let assignable: [Role] = [.dispatcher, .supervisor, .auditor, .admin]

    public func allows(_ permission: Permission) -> Bool {
        switch self {
        case .admin: return true
        case .supervisor:
            return [.readAll, .handleAlerts, .decideHits, .reviewFlags, .manageWatchlist,
                    .authoriseSearch, .manageRules, .exportReports, .ingestFeeds, .issuePatrols, .overrideConditions].contains(permission)
        case .dispatcher:
            return [.readAll, .handleAlerts, .decideHits, .reviewFlags].contains(permission)
        case .auditor:
            return [.readAll, .verifyAudit, .exportReports].contains(permission)
        case .system:
            return [.ingestFeeds, .readAll].contains(permission)
        }
    }
}

/// The kinds of engine command a role is checked against.
public enum Permission: String, Hashable, Sendable, Codable, CaseIterable {
    case readAll = "read"
    case ingestFeeds = "ingest"
    case handleAlerts = "alerts"
    case decideHits = "hits"
    case reviewFlags = "flags"
    case manageWatchlist = "watchlist"
    case authoriseSearch = "authorise"
    case manageRules = "rules"
    case manageOperators = "operators"
    case applyRetention = "retention"
    case exportReports = "export"
    /// Record the patrol boxes handed to units (dosage).
    case issuePatrols = "patrol"
    case verifyAudit = "audit"
    /// Close an alert while its rule's close condition does not hold yet
    /// (`close_when`), with a reason that is audited.
    case overrideConditions = "override"
}

/// Who is acting: a signed-in operator or the system feed actor. Only
/// sign-in makes one for a person (`Engine.signIn`): the initialiser is
/// SPI (`@_spi(SignIn) import VigiaCore`), which the command line and the
/// console never import (`LayeringTests`), and a principal cannot be
/// changed or decoded into being.
public struct Principal: Hashable, Sendable {
    public let name: String
    public let role: Role

    @_spi(SignIn) public init(name: String, role: Role) {
        self.name = name
        self.role = role
    }

    /// Feeds and read-only analyses.
    public static let feed = Principal(name: "feed", role: .system)
}

/// A person who can sign in.
public struct Operator: Hashable, Sendable, Codable {
    public var name: String
    public var role: Role
    public var createdAt: Date
    public var active: Bool
    /// Who added this operator (nil for the bootstrap admin and older databases).
    public var createdBy: String?
    /// Who last deactivated or reactivated the account, and when.
    public var statusChangedBy: String?
    public var statusChangedAt: Date?

    public init(name: String, role: Role, createdAt: Date, active: Bool = true, createdBy: String? = nil,
                statusChangedBy: String? = nil, statusChangedAt: Date? = nil) {
        self.name = name
        self.role = role
        self.createdAt = createdAt
        self.active = active
        self.createdBy = createdBy
        self.statusChangedBy = statusChangedBy
        self.statusChangedAt = statusChangedAt
    }
}
