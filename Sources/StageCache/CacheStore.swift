import Foundation

/// Where cached stage outputs live: a folder on disk (``DiskCache``) or memory (the test twin).
///
/// Implementations must be safe to use from many tasks at once, and a failing store must never fail the
/// stage: a cache is an optimisation, so errors become warnings.
public protocol CacheStore: Sendable {
    /// The stored bytes for `key`, or nil when absent (or found corrupt, which the store reports as a warning).
    func load(_ key: CacheKey) -> Data?
    /// Stores `data` under `key`, replacing what was there.
    func save(_ data: Data, for key: CacheKey) throws
}
