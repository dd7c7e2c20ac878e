import Foundation
import VigiaCore

extension Engine {
    /// Rejected input with its file, line and reason, newest first; any
    /// signed-in operator may read it (its excerpts are already scrubbed of
    /// biometric data, safeguard 1).
    public func quarantined(feed: String?, limit: Int, as principal: Principal) throws -> [QuarantineItem] {
        try require(.readAll, of: principal)
        return try quarantine.quarantined(feed: feed, limit: limit)
    }
}
