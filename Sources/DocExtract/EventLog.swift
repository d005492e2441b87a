import ExtractCore
import Synchronization

/// The stage events of an extractor's runs, appended from any thread.
final class EventLog: Sendable {
    private let storage = Mutex<[StageEvent]>([])

    func append(_ event: StageEvent) {
        storage.withLock { $0.append(event) }
    }

    var count: Int { storage.withLock { $0.count } }

    var all: [StageEvent] { storage.withLock { $0 } }

    func since(_ start: Int) -> [StageEvent] {
        storage.withLock { Array($0[min(start, $0.count)...]) }
    }
}
