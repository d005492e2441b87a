import Synchronization

/// The documents waiting for a worker, shared by the inbox monitor and the workers.
///
/// A document of the inbox is offered once while it waits; claimed documents (resumed after a restart, or
/// retried after a transient failure) are queued by their claim name. ``close()`` ends the queue: workers
/// waiting in ``next()`` get `nil`, and nothing new starts.
final class WorkQueue: Sendable {
    /// One unit of work.
    enum Job: Sendable, Hashable {
        /// A complete document still in the inbox, to claim first.
        case inbox(String)
        /// A document already in `.processing/`.
        case claimed(String)
    }

    private struct State {
        var pending: [Job] = []
        var offered: Set<String> = []
        var waiters: [CheckedContinuation<Job?, Never>] = []
        var closed = false
    }

    private let state = Mutex(State())

    /// Queues an inbox document unless it is already waiting or being claimed; returns whether it was queued.
    @discardableResult
    func offer(_ relative: String) -> Bool {
        enum Outcome { case rejected, queued, handed(CheckedContinuation<Job?, Never>) }
        let outcome = state.withLock { state -> Outcome in
            guard !state.closed, state.offered.insert(relative).inserted else { return .rejected }
            if !state.waiters.isEmpty { return .handed(state.waiters.removeFirst()) }
            state.pending.append(.inbox(relative))
            return .queued
        }
        switch outcome {
        case .rejected: return false
        case .queued: return true
        case .handed(let waiter):
            waiter.resume(returning: .inbox(relative))
            return true
        }
    }

    /// Forgets an offered inbox document once it was claimed (or vanished), so a new file of that name can come.
    func release(_ relative: String) {
        _ = state.withLock { $0.offered.remove(relative) }
    }

    /// Queues a claimed document.
    func push(_ job: Job) {
        let waiter = state.withLock { state -> CheckedContinuation<Job?, Never>? in
            guard !state.closed else { return nil }
            if !state.waiters.isEmpty { return state.waiters.removeFirst() }
            state.pending.append(job)
            return nil
        }
        waiter?.resume(returning: job)
    }

    /// The next job, waiting for one; `nil` once the queue is closed.
    func next() async -> Job? {
        await withCheckedContinuation { (continuation: CheckedContinuation<Job?, Never>) in
            let ready = state.withLock { state -> Job?? in
                if state.closed { return .some(nil) }
                if !state.pending.isEmpty { return state.pending.removeFirst() }
                state.waiters.append(continuation)
                return nil
            }
            if let ready { continuation.resume(returning: ready) }
        }
    }

    /// Jobs waiting for a worker.
    var waiting: Int { state.withLock { $0.pending.count } }

    /// Whether ``close()`` was called.
    var isClosed: Bool { state.withLock { $0.closed } }

    /// Ends the queue; pending jobs are dropped (their files stay where they are for the next start).
    func close() {
        let waiters = state.withLock { state -> [CheckedContinuation<Job?, Never>] in
            state.closed = true
            state.pending.removeAll()
            defer { state.waiters.removeAll() }
            return state.waiters
        }
        waiters.forEach { $0.resume(returning: nil) }
    }
}
