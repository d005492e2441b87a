import Foundation
import StageCache
import Synchronization

/// The in-memory twin of ``DiskCache`` for tests: same protocol, no files, and counters to assert on.
public final class InMemoryCache: CacheStore, Sendable {
    private let state = Mutex<(entries: [CacheKey: Data], loads: Int, saves: Int)>(([:], 0, 0))

    /// Creates an empty cache.
    public init() {}

    public func load(_ key: CacheKey) -> Data? {
        state.withLock { state in
            state.loads += 1
            return state.entries[key]
        }
    }

    public func save(_ data: Data, for key: CacheKey) throws {
        state.withLock { state in
            state.saves += 1
            state.entries[key] = data
        }
    }

    /// Number of entries stored.
    public var count: Int { state.withLock { $0.entries.count } }
    /// Number of saves so far.
    public var saves: Int { state.withLock { $0.saves } }
    /// Number of look-ups so far.
    public var loads: Int { state.withLock { $0.loads } }
}
