import Foundation

/// An HTTP/1.1 server on 127.0.0.1 (an ephemeral port) that answers from a script, for tests and benchmarks.
///
/// It runs on its own thread with `poll(2)`, so many connections wait on their scripted delays at once, and
/// keeps connections alive between requests. Each request takes the next queued ``ScriptedResponse`` (see
/// ``enqueue(_:)``); when the queue is empty the `responder` answers, and without one the server sends 500.
/// Every request is recorded. Tests synchronise on ``wait(until:)`` instead of sleeping.
///
/// ```swift
/// let server = try LoopbackHTTPServer()
/// defer { server.stop() }
/// server.enqueue(.json(#"{"ok": true}"#, delay: .seconds(1)))
/// // … call server.baseURL …
/// await server.wait { $0.responsesCompleted == 1 }
/// ```
public final class LoopbackHTTPServer: Sendable {
    /// Answers requests once the queue of scripted responses is empty.
    public typealias Responder = @Sendable (RecordedRequest) -> ScriptedResponse

    /// Counters of what happened so far.
    public struct Statistics: Sendable, Hashable {
        /// Accepted TCP connections.
        public var connectionsAccepted = 0
        /// Complete requests read.
        public var requestsReceived = 0
        /// Responses written completely (truncated ones and closes without answer excluded).
        public var responsesCompleted = 0
        /// Connections the client closed while its request still waited for the scripted answer.
        public var clientDisconnectsBeforeAnswer = 0
        /// Connections closed by the server on purpose (truncation, close-delimited, close without answer).
        public var deliberateCloses = 0
    }

    /// The port the server listens on, on 127.0.0.1.
    public let port: UInt16
    let shared: LoopbackServerState
    private let wakeWrite: Int32

    /// Binds 127.0.0.1 on a free port and starts serving on a new thread.
    ///
    /// Throws when the socket cannot be created or bound (the message names the failing call).
    public init(responder: Responder? = nil) throws {
        let shared = LoopbackServerState(responder: responder)
        let loop = try LoopbackServerLoop(shared: shared)
        self.shared = shared
        self.port = loop.port
        self.wakeWrite = loop.wakeWrite
        let thread = Thread { loop.run() }
        thread.name = "loopback-http-\(loop.port)"
        thread.start()
    }

    deinit {
        stop()
    }

    /// `http://127.0.0.1:PORT`, without a trailing slash.
    public var baseURL: String { "http://127.0.0.1:\(port)" }

    /// Queues responses for the next requests, in order.
    public func enqueue(_ responses: ScriptedResponse...) {
        enqueue(contentsOf: responses)
    }

    /// Queues responses for the next requests, in order.
    public func enqueue(contentsOf responses: [ScriptedResponse]) {
        shared.withLock { $0.queue.append(contentsOf: responses) }
    }

    /// Every request received so far, in arrival order.
    public var requests: [RecordedRequest] {
        shared.withLock { $0.requests }
    }

    /// The counters now.
    public var statistics: Statistics {
        shared.withLock { $0.statistics }
    }

    /// Returns once `predicate` holds for the counters (immediately if it already does).
    public func wait(until predicate: @escaping @Sendable (Statistics) -> Bool) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            shared.addWaiter(predicate: predicate, continuation: continuation)
        }
    }

    /// Stops serving, closes every connection and waits for the thread to end. Idempotent.
    public func stop() {
        let first = shared.withLock { state -> Bool in
            defer { state.stopRequested = true }
            return !state.stopRequested
        }
        guard first else { return }
        var byte: UInt8 = 1
        _ = write(wakeWrite, &byte, 1)
        shared.stopped.wait()
    }
}

/// The part of the server shared by the caller's threads and the server thread, guarded by a lock.
final class LoopbackServerState: @unchecked Sendable {
    struct Values {
        var queue: [ScriptedResponse] = []
        var requests: [RecordedRequest] = []
        var statistics = LoopbackHTTPServer.Statistics()
        var stopRequested = false
        var waiters: [(predicate: @Sendable (LoopbackHTTPServer.Statistics) -> Bool,
                       continuation: CheckedContinuation<Void, Never>)] = []
    }

    let responder: LoopbackHTTPServer.Responder?
    /// Signalled once by the server thread when it has closed everything.
    let stopped = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var values = Values()

    init(responder: LoopbackHTTPServer.Responder?) {
        self.responder = responder
    }

    func withLock<Result>(_ body: (inout Values) -> Result) -> Result {
        lock.lock()
        defer { lock.unlock() }
        return body(&values)
    }

    func addWaiter(
        predicate: @escaping @Sendable (LoopbackHTTPServer.Statistics) -> Bool,
        continuation: CheckedContinuation<Void, Never>
    ) {
        let ready = withLock { state -> Bool in
            if predicate(state.statistics) { return true }
            state.waiters.append((predicate, continuation))
            return false
        }
        if ready { continuation.resume() }
    }

    /// Applies `change` to the counters and resumes the waiters whose predicate now holds.
    func update(_ change: (inout LoopbackHTTPServer.Statistics) -> Void) {
        let ready = withLock { state -> [CheckedContinuation<Void, Never>] in
            change(&state.statistics)
            let statistics = state.statistics
            var ready: [CheckedContinuation<Void, Never>] = []
            state.waiters.removeAll { waiter in
                guard waiter.predicate(statistics) else { return false }
                ready.append(waiter.continuation)
                return true
            }
            return ready
        }
        ready.forEach { $0.resume() }
    }

    /// Records `request` and picks its response.
    func respond(to request: RecordedRequest) -> ScriptedResponse {
        let queued = withLock { state -> ScriptedResponse? in
            state.requests.append(request)
            return state.queue.isEmpty ? nil : state.queue.removeFirst()
        }
        update { $0.requestsReceived += 1 }
        if let queued { return queued }
        if let responder { return responder(request) }
        return .text("LoopbackHTTPServer: no scripted response left for \(request.method) \(request.target)",
                     status: 500)
    }
}
