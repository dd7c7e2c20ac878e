import Foundation

/// Tells a console that the store changed, whoever changed it: this process,
/// a feed worker, a command line acknowledgement, a second console. The
/// number only has to differ after a commit; its value means nothing.
public protocol ChangeCounter: Sendable {
    func changeCount() throws -> Int
}
