import Foundation
import Synchronization

/// Counters of one watcher run, for the periodic summary line.
final class WatchStatistics: Sendable {
    private struct Values {
        var processed = 0
        var failed = 0
        var retries = 0
        var inFlight = 0
        var pages = 0
        var tokens = 0
        var seconds = 0.0
    }

    private let values = Mutex(Values())
    private let started = ContinuousClock.now

    func begin() { values.withLock { $0.inFlight += 1 } }
    func end() { values.withLock { $0.inFlight -= 1 } }
    func retried() { values.withLock { $0.retries += 1 } }

    func finished(success: Bool, pages: Int, tokens: Int, seconds: Double) {
        values.withLock {
            if success { $0.processed += 1 } else { $0.failed += 1 }
            $0.pages += pages
            $0.tokens += tokens
            $0.seconds += seconds
        }
    }

    /// `summary — 17 processed, 3 failed, 2 retries, 1 in progress, 4 waiting; 12.0 documents/min, …`.
    func summary(waiting: Int) -> String {
        let elapsed = ContinuousClock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let minutes = max(1e-9, seconds / 60)
        return values.withLock { values in
            let done = values.processed + values.failed
            return "watch: summary — \(values.processed) processed, \(values.failed) failed, "
                + "\(values.retries) retries, \(values.inFlight) in progress, \(waiting) waiting; "
                + String(format: "%.1f documents/min, %d pages, %d tokens, %.1f s extracting",
                         Double(done) / minutes, values.pages, values.tokens, values.seconds)
        }
    }

    var processed: Int { values.withLock { $0.processed } }
    var failed: Int { values.withLock { $0.failed } }
}
