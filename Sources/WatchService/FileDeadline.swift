import Synchronization

/// Runs one document's extraction with a wall-clock limit (`--file-timeout`), so a document that hangs
/// cannot hold a watch worker forever.
///
/// When the limit passes first, the extraction task is cancelled and abandoned: the caller gets
/// ``Expired`` at once and goes on with the next document, whether or not the extraction reacts to the
/// cancellation. (A native stage stuck in a worker process is killed by the worker's own request timeout,
/// which ``FolderWatcher`` keeps just above the file timeout, so the abandoned task ends soon after.)
enum FileDeadline {
    /// The limit passed before the extraction finished.
    struct Expired: Error, Sendable {
        let limit: Duration
    }

    /// The result of `operation`, or ``Expired`` once `limit` has passed; `limit` nil waits without a limit.
    static func run<Value: Sendable>(
        limit: Duration?, _ operation: @escaping @Sendable () async throws -> Value
    ) async throws -> Value {
        guard let limit else { return try await operation() }
        let work = Task { try await operation() }
        let waiting = OneShot<Value>()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Value, any Error>) in
                waiting.set(continuation)
                let timer = Task {
                    do {
                        try await Task.sleep(for: limit)
                    } catch {
                        return
                    }
                    if waiting.finish(.failure(Expired(limit: limit))) { work.cancel() }
                }
                Task {
                    let result = await work.result
                    timer.cancel()
                    _ = waiting.finish(result)
                }
            }
        } onCancel: {
            work.cancel()
        }
    }
}

/// A continuation resumed by whichever of two tasks comes first.
private final class OneShot<Value: Sendable>: Sendable {
    private let continuation = Mutex<CheckedContinuation<Value, any Error>?>(nil)

    func set(_ continuation: CheckedContinuation<Value, any Error>) {
        self.continuation.withLock { $0 = continuation }
    }

    /// Resumes with `result` unless that already happened; returns whether this call did it.
    func finish(_ result: Result<Value, any Error>) -> Bool {
        let taken = continuation.withLock { state -> CheckedContinuation<Value, any Error>? in
            defer { state = nil }
            return state
        }
        guard let taken else { return false }
        taken.resume(with: result)
        return true
    }
}
