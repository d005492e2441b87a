import Foundation

/// A fixed set of dedicated threads, each owning one long-lived `Context` that is never shared between
/// threads, running blocking jobs submitted from async code.
///
/// The native libraries impose this shape: a Tesseract engine or a Poppler document must stay on one thread
/// at a time, and their calls block for seconds — which must not happen on Swift's cooperative thread pool.
/// Each thread creates its context lazily on its first job; a context that fails to build fails that job and
/// is retried on the next one.
public final class ThreadWorkerPool<Context>: @unchecked Sendable {
    private typealias Job = (inout Context?) -> Void

    private let condition = NSCondition()
    private var queue: [Job] = []
    private var isShutDown = false
    private var threads: [Thread] = []
    private let makeContext: @Sendable () throws -> Context

    /// The number of threads.
    public let threadCount: Int

    /// Creates a pool of `threadCount` threads (at least one) whose contexts come from `makeContext`.
    public init(threadCount: Int, name: String, makeContext: @escaping @Sendable () throws -> Context) {
        self.threadCount = max(1, threadCount)
        self.makeContext = makeContext
        for index in 0..<self.threadCount {
            let thread = Thread { [unowned self] in self.workLoop() }
            thread.name = "\(name)-\(index)"
            thread.stackSize = 8 << 20
            threads.append(thread)
            thread.start()
        }
    }

    deinit {
        shutdown()
    }

    /// Stops the threads after the jobs already queued have run. Jobs submitted later fail.
    public func shutdown() {
        condition.lock()
        isShutDown = true
        condition.broadcast()
        condition.unlock()
    }

    /// Runs `job` on one of the pool's threads with that thread's context and returns its result.
    ///
    /// If the calling task is cancelled before the job starts, the job is skipped and `CancellationError` is
    /// thrown; a job that has started runs to completion.
    public func run<Result: Sendable>(
        _ job: @escaping @Sendable (inout Context) throws -> Result
    ) async throws -> Result {
        let cancelled = CancellationFlag()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Result, Error>) in
                let make = makeContext
                let wrapped: Job = { context in
                    if cancelled.isSet {
                        continuation.resume(throwing: CancellationError())
                        return
                    }
                    do {
                        if context == nil { context = try make() }
                        continuation.resume(returning: try job(&context!))
                    } catch {
                        continuation.resume(throwing: error)
                    }
                }
                condition.lock()
                if isShutDown {
                    condition.unlock()
                    continuation.resume(throwing: CancellationError())
                    return
                }
                queue.append(wrapped)
                condition.signal()
                condition.unlock()
            }
        } onCancel: {
            cancelled.set()
        }
    }

    private func workLoop() {
        var context: Context?
        while true {
            condition.lock()
            while queue.isEmpty && !isShutDown { condition.wait() }
            if queue.isEmpty && isShutDown {
                condition.unlock()
                return
            }
            let job = queue.removeFirst()
            condition.unlock()
            job(&context)
        }
    }
}

/// A one-way flag safe to set from any thread.
private final class CancellationFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false

    var isSet: Bool { lock.withLock { value } }

    func set() { lock.withLock { value = true } }
}
