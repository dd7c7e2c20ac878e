import Foundation

/// Fitted model parameters, keyed by model and grid, as opaque bytes the
/// model itself encodes. A cache: losing it only costs a refit.
public protocol ModelCacheRepository: Sendable {
    func load(key: String) throws -> (fittedBefore: Date, parameters: Data)?
    func save(key: String, fittedBefore: Date, parameters: Data) throws
}
