import ExtractCore
import Synchronization

/// Collects the ``StageEvent``s a run reports, so tests can count how often each stage really ran.
public final class StageEventRecorder: Sendable {
    private let storage = Mutex<[StageEvent]>([])

    /// Creates an empty recorder.
    public init() {}

    /// Records one event; pass this as the `observe` handler.
    public func record(_ event: StageEvent) {
        storage.withLock { $0.append(event) }
    }

    /// Every event so far.
    public var events: [StageEvent] { storage.withLock { $0 } }

    /// How many times a stage whose name starts with `prefix` actually executed.
    public func executions(of prefix: String) -> Int {
        events.filter { $0.stage.hasPrefix(prefix) && $0.outcome == .executed }.count
    }

    /// How many requests to a stage whose name starts with `prefix` were served from the cache.
    public func hits(of prefix: String) -> Int {
        events.filter { $0.stage.hasPrefix(prefix) && $0.outcome == .cacheHit }.count
    }

    /// Forgets everything recorded.
    public func reset() {
        storage.withLock { $0.removeAll() }
    }
}
