import Foundation

/// A fixed set of dedicated threads, each owning one long-lived `Context` that is never shared between
/// threads, running blocking jobs submitted from async code.
///
/// The native libraries impose this shape: a Tesseract engine or a Poppler document must stay on one thread
/// at a time, and their calls block for seconds — which must not happen on Swift's cooperative thread pool.
/// Each thread creates its context lazily on its first job; a context that fails to build fails that job and
/// is retried on the next one.
public final class ThreadWorkerPool<Context>: Sendable {
    private typealias Job = (inout Context?) -> Void

    /// The queue the threads share. Each thread holds it strongly, so a thread that is still finishing its
    /// last job after the pool itself was released never touches freed memory.
    private final class JobQueue: @unchecked Sendable {
        let condition = NSCondition()
        var jobs: [Job] = []
        var isShutDown = false
        var liveThreads = 0

        func shutdown(wait: Bool) {
            condition.lock()
            isShutDown = true
            condition.broadcast()
            while wait && liveThreads > 0 { condition.wait() }
            condition.unlock()
        }

        /// Queues `job`; false when the queue is shut down.
        func submit(_ job: @escaping Job) -> Bool {
            condition.lock()
            defer { condition.unlock() }
            guard !isShutDown else { return false }
            jobs.append(job)
            condition.signal()
            return true
        }

        func workLoop() {
            var context: Context?
            while true {
                condition.lock()
                while jobs.isEmpty && !isShutDown { condition.wait() }
                if jobs.isEmpty && isShutDown {
                    condition.unlock()
                    break
                }
                let job = jobs.removeFirst()
                condition.unlock()
                job(&context)
            }
            // The context (a Poppler document, a Tesseract engine) is released here, on its own thread,
            // before the thread counts itself out.
            context = nil
            condition.lock()
            liveThreads -= 1
            condition.broadcast()
            condition.unlock()
        }
    }

    private let queue = JobQueue()
    private let makeContext: @Sendable () throws -> Context

    /// The number of threads.
    public let threadCount: Int

    /// Creates a pool of `threadCount` threads (at least one) whose contexts come from `makeContext`.
    public init(threadCount: Int, name: String, makeContext: @escaping @Sendable () throws -> Context) {
        self.threadCount = max(1, threadCount)
        self.makeContext = makeContext
        let queue = self.queue
        queue.liveThreads = self.threadCount
        for index in 0..<self.threadCount {
            let thread = Thread { queue.workLoop() }
            thread.name = "\(name)-\(index)"
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    deinit {
        queue.shutdown(wait: false)
    }

    /// Stops the threads after the jobs already queued have run. Jobs submitted later fail.
    ///
    /// With `waitUntilStopped`, returns only once every thread has finished and released its context. Call it
    /// so before the process exits: a native library's static destructors must not race a thread that is still
    /// releasing that library's objects (Poppler crashed that way).
    public func shutdown(waitUntilStopped: Bool = false) {
        queue.shutdown(wait: waitUntilStopped)
    }

    /// Runs `job` on one of the pool's threads with that thread's context and returns its result.
    ///
    /// If the calling task is cancelled before the job starts, the job is skipped and `CancellationError` is
    /// thrown; a job that has started runs to completion. After ``shutdown()`` every job fails with
    /// `CancellationError`.
    public func run<Result: Sendable>(
        _ job: @escaping @Sendable (inout Context) throws -> Result
    ) async throws -> Result {
        let cancelled = CancellationFlag()
        let make = makeContext
        let queue = self.queue
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Result, Error>) in
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
                if !queue.submit(wrapped) {
                    continuation.resume(throwing: CancellationError())
                }
            }
        } onCancel: {
            cancelled.set()
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
