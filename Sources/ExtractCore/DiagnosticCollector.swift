import Synchronization

/// A thread-safe collector that stages append diagnostics to while they run.
public final class DiagnosticCollector: Sendable {
    private let storage = Mutex<[Diagnostic]>([])

    /// Creates an empty collector.
    public init() {}

    /// Appends a diagnostic.
    public func emit(_ diagnostic: Diagnostic) {
        storage.withLock { $0.append(diagnostic) }
    }

    /// Everything collected so far, in the order it was emitted.
    public var diagnostics: [Diagnostic] {
        storage.withLock { $0 }
    }
}
