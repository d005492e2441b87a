import Foundation

/// The production ``HTTPTransport``: libcurl's multi interface driven by one shared thread.
///
/// Requests run concurrently without a thread each. Cancelling the calling task removes the transfer
/// from libcurl at once (the connection is closed) and throws `CancellationError`. TLS certificates and
/// host names are always verified.
public struct CurlTransport: HTTPTransport {
    /// Largest accepted response body; bigger answers fail with ``TransportError/Code/responseTooLarge``.
    public var maxResponseBytes: Int

    /// Creates a transport on the process-wide curl event loop.
    public init(maxResponseBytes: Int = 64 << 20) {
        self.maxResponseBytes = maxResponseBytes
    }

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let loop = CurlEventLoop.shared
        let ticket = CancelTicket(id: loop.makeID())
        let limit = maxResponseBytes
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                ticket.submit {
                    loop.enqueue(.add(id: ticket.id, request: request, maxResponseBytes: limit,
                                      continuation: continuation))
                } ifCancelled: {
                    continuation.resume(throwing: CancellationError())
                }
            }
        } onCancel: {
            ticket.cancel { loop.enqueue(.cancel(id: ticket.id)) }
        }
    }
}

/// Orders submission and cancellation of one transfer so that a cancel is never queued before its add.
final class CancelTicket: Sendable {
    let id: UInt64
    private let state = Locked((submitted: false, cancelled: false))

    init(id: UInt64) {
        self.id = id
    }

    /// Runs `enqueue` unless cancellation came first, in which case runs `ifCancelled`.
    func submit(_ enqueue: () -> Void, ifCancelled: () -> Void) {
        let enqueued = state.withLock { flags -> Bool in
            guard !flags.cancelled else { return false }
            flags.submitted = true
            enqueue()  // under the lock: a concurrent cancel waits and is queued after the add
            return true
        }
        if !enqueued { ifCancelled() }
    }

    /// Marks the ticket cancelled and runs `abort` when the transfer was already queued.
    func cancel(_ abort: () -> Void) {
        state.withLock { flags in
            flags.cancelled = true
            if flags.submitted { abort() }
        }
    }
}
