import CCurl
import Foundation

/// Drives every transfer of the process through one libcurl multi handle on one dedicated thread.
///
/// Callers never touch curl handles: they enqueue commands under a lock and wake the loop with
/// `curl_multi_wakeup`. The loop thread alone creates, drives and frees easy handles, and resumes each
/// caller's continuation when its transfer completes, fails or is cancelled. Many requests are in flight
/// at once without a thread each.
final class CurlEventLoop: @unchecked Sendable {
    /// The process-wide loop, started on first use.
    static let shared = CurlEventLoop()

    enum Command {
        case add(id: UInt64, request: HTTPRequest, maxResponseBytes: Int,
                 continuation: CheckedContinuation<HTTPResponse, any Error>)
        case cancel(id: UInt64)
    }

    private struct Queue {
        var commands: [Command] = []
        var nextID: UInt64 = 1
    }

    private let queue = Locked(Queue())
    /// The multi handle; only the loop thread calls into it, except `curl_multi_wakeup` (thread-safe).
    private let multi: UnsafeMutableRawPointer
    // Loop-thread state.
    private var transfers: [UnsafeMutableRawPointer: CurlTransfer] = [:]
    private var handlesByID: [UInt64: UnsafeMutableRawPointer] = [:]

    private init() {
        _ = CurlEventLoop.globalInit
        guard let multi = curl_multi_init() else {
            preconditionFailure("curl_multi_init failed: libcurl could not allocate a multi handle")
        }
        self.multi = multi
        // Keep idle connections for reuse even after a burst of parallel calls shrinks back to one.
        _ = docextract_multi_setopt_long(multi, CURLMOPT_MAXCONNECTS, 64)
        let thread = Thread { [self] in run() }
        thread.name = "docextract-curl"
        thread.start()
    }

    private static let globalInit: Void = {
        _ = docextract_global_init_default()
    }()

    /// A fresh transfer identifier.
    func makeID() -> UInt64 {
        queue.withLock { state in
            defer { state.nextID += 1 }
            return state.nextID
        }
    }

    /// Queues a command and wakes the loop.
    func enqueue(_ command: Command) {
        queue.withLock { $0.commands.append(command) }
        curl_multi_wakeup(multi)
    }

    /// The loop thread's body: applies queued commands, drives transfers, waits for sockets or a wakeup.
    /// `curl_multi_poll` also returns when libcurl's next timeout is due, so timeouts fire on time.
    private func run() {
        var running: Int32 = 0
        while true {
            let commands = queue.withLock { state -> [Command] in
                defer { state.commands.removeAll(keepingCapacity: true) }
                return state.commands
            }
            for command in commands {
                apply(command)
            }
            curl_multi_perform(multi, &running)
            collectFinished()
            var ready: Int32 = 0
            curl_multi_poll(multi, nil, 0, 1000, &ready)
        }
    }

    private func apply(_ command: Command) {
        switch command {
        case let .add(id, request, maxResponseBytes, continuation):
            do {
                let transfer = try CurlTransfer(
                    id: id, request: request, maxResponseBytes: maxResponseBytes, continuation: continuation)
                let code = curl_multi_add_handle(multi, transfer.handle)
                guard code == CURLM_OK else {
                    let message = String(cString: curl_multi_strerror(code))
                    let error = TransportError(
                        code: .other, host: request.host, detail: "curl_multi_add_handle: \(message)")
                    continuation.resume(throwing: error)
                    return
                }
                transfers[transfer.handle] = transfer
                handlesByID[id] = transfer.handle
            } catch {
                continuation.resume(throwing: error)
            }
        case let .cancel(id):
            // The transfer may have finished already; then there is nothing to abort.
            guard let handle = handlesByID.removeValue(forKey: id),
                  let transfer = transfers.removeValue(forKey: handle) else { return }
            curl_multi_remove_handle(multi, handle)
            transfer.continuation.resume(throwing: CancellationError())
        }
    }

    private func collectFinished() {
        var remaining: Int32 = 0
        while let message = curl_multi_info_read(multi, &remaining) {
            guard message.pointee.msg == CURLMSG_DONE, let handle = message.pointee.easy_handle else { continue }
            let result = docextract_msg_result(message)
            curl_multi_remove_handle(multi, handle)
            guard let transfer = transfers.removeValue(forKey: handle) else { continue }
            handlesByID.removeValue(forKey: transfer.id)
            if result == CURLE_OK {
                let response = HTTPResponse(status: transfer.status, headers: transfer.headers, body: transfer.body)
                transfer.continuation.resume(returning: response)
            } else {
                transfer.continuation.resume(throwing: transfer.error(for: result))
            }
        }
    }
}
