import Foundation
import VigiaCore

/// Reads of the alert queue's records, each checked against who asks: the
/// command line and the console reach alerts and cameras only through these.
extension Engine {
    /// One alert with its procedure and evidence.
    public func alert(id: Int64, as principal: Principal) throws -> StoredAlert? {
        try require(.readAll, of: principal)
        return try alerts.alert(id: id)
    }

    /// The life cycle of one alert (or, with nil, of every alert), oldest first.
    public func alertHistory(id: Int64?, as principal: Principal) throws -> [AlertTransition] {
        try require(.readAll, of: principal)
        return try alerts.transitions(alertID: id)
    }

    /// The camera state that keeps an open alert from closing ("offline")
    /// while its rule's close condition does not hold; nil when it can close.
    public func conditionHolding(alert id: Int64, as principal: Principal) throws -> String? {
        try require(.readAll, of: principal)
        guard let stored = try alerts.alert(id: id) else { return nil }
        return try heldCondition(of: stored)
    }

    /// The registered cameras.
    public func cameraRegistry(as principal: Principal) throws -> [Camera] {
        try require(.readAll, of: principal)
        return try cameras.cameras()
    }
}
