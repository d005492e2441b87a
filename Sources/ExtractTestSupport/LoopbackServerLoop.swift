#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The socket side of ``LoopbackHTTPServer``: owns every descriptor and runs on the server thread only.
final class LoopbackServerLoop: @unchecked Sendable {
    let port: UInt16
    let wakeWrite: Int32
    private let listener: Int32
    private let wakeRead: Int32
    private let shared: LoopbackServerState
    private var connections: [Int32: Connection] = [:]

    /// One client connection's buffers and the answer it waits for.
    private final class Connection {
        let descriptor: Int32
        var input: [UInt8] = []
        var output: [UInt8] = []
        /// The scripted answer and when it is due, while the request waits for it.
        var pending: (due: ContinuousClock.Instant, response: ScriptedResponse)?
        /// Whether an answer is being written; the next request is read only after it.
        var writing = false
        var closeAfterWrite = false
        var sentContinue = false

        init(descriptor: Int32) {
            self.descriptor = descriptor
        }
    }

    init(shared: LoopbackServerState) throws {
        self.shared = shared
        #if canImport(Glibc)
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let listener = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard listener >= 0 else { throw LoopbackServerLoop.failure("socket") }
        var yes: Int32 = 1
        setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
                bind(listener, raw, length) == 0 && getsockname(listener, raw, &length) == 0
            }
        }
        guard bound, listen(listener, 256) == 0 else {
            let error = LoopbackServerLoop.failure("bind/listen on 127.0.0.1:0")
            close(listener)
            throw error
        }
        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0 else {
            close(listener)
            throw LoopbackServerLoop.failure("pipe")
        }
        LoopbackServerLoop.setNonBlocking(listener)
        LoopbackServerLoop.setNonBlocking(pipeEnds[0])
        _ = fcntl(pipeEnds[1], F_SETFD, FD_CLOEXEC)
        self.listener = listener
        self.wakeRead = pipeEnds[0]
        self.wakeWrite = pipeEnds[1]
        self.port = UInt16(bigEndian: address.sin_port)
    }

    private static func failure(_ call: String) -> NSError {
        let reason = String(cString: strerror(errno))
        return NSError(
            domain: "LoopbackHTTPServer", code: Int(errno),
            userInfo: [NSLocalizedDescriptionKey: "LoopbackHTTPServer: \(call) failed: \(reason)"])
    }

    /// Makes `descriptor` non-blocking and close-on-exec (child processes must not keep connections open).
    private static func setNonBlocking(_ descriptor: Int32) {
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
        _ = fcntl(descriptor, F_SETFD, fcntl(descriptor, F_GETFD) | FD_CLOEXEC)
    }

    // MARK: The loop

    func run() {
        while !shared.withLock({ $0.stopRequested }) {
            var descriptors = [
                pollfd(fd: listener, events: Int16(POLLIN), revents: 0),
                pollfd(fd: wakeRead, events: Int16(POLLIN), revents: 0),
            ]
            for connection in connections.values {
                var events = Int16(POLLIN)
                if !connection.output.isEmpty { events |= Int16(POLLOUT) }
                descriptors.append(pollfd(fd: connection.descriptor, events: events, revents: 0))
            }
            _ = poll(&descriptors, nfds_t(descriptors.count), pollTimeout())
            if descriptors[1].revents != 0 { drainWakePipe() }
            if descriptors[0].revents != 0 { acceptConnections() }
            for item in descriptors.dropFirst(2) where item.revents != 0 {
                guard let connection = connections[item.fd] else { continue }
                if item.revents & Int16(POLLOUT) != 0 { flush(connection) }
                if connections[item.fd] != nil, item.revents & Int16(POLLIN | POLLHUP | POLLERR) != 0 {
                    receive(connection)
                }
            }
            fireDueAnswers()
        }
        for connection in connections.values { close(connection.descriptor) }
        connections.removeAll()
        close(listener)
        close(wakeRead)
        close(wakeWrite)
        shared.stopped.signal()
    }

    /// Milliseconds until the next scripted answer is due, or -1 to wait for activity only.
    private func pollTimeout() -> Int32 {
        let now = ContinuousClock.now
        let dues = connections.values.compactMap { $0.pending?.due }
        guard let next = dues.min() else { return -1 }
        if next <= now { return 0 }
        let (seconds, attoseconds) = (next - now).components
        let milliseconds = seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return Int32(min(milliseconds, 60_000))
    }

    private func drainWakePipe() {
        var buffer = [UInt8](repeating: 0, count: 64)
        while read(wakeRead, &buffer, buffer.count) > 0 {}
    }

    private func acceptConnections() {
        while true {
            let descriptor = accept(listener, nil, nil)
            guard descriptor >= 0 else { return }
            LoopbackServerLoop.setNonBlocking(descriptor)
            var yes: Int32 = 1
            setsockopt(descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &yes, socklen_t(MemoryLayout<Int32>.size))
            connections[descriptor] = Connection(descriptor: descriptor)
            shared.update { $0.connectionsAccepted += 1 }
        }
    }

    private func receive(_ connection: Connection) {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = recv(connection.descriptor, &buffer, buffer.count, 0)
            if count > 0 {
                connection.input.append(contentsOf: buffer[0..<count])
                continue
            }
            if count < 0, errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR { break }
            // The peer closed (or reset) the connection.
            let waiting = connection.pending != nil || connection.writing
            drop(connection)
            if waiting { shared.update { $0.clientDisconnectsBeforeAnswer += 1 } }
            return
        }
        parseRequests(connection)
    }

    private func drop(_ connection: Connection) {
        close(connection.descriptor)
        connections[connection.descriptor] = nil
    }

    /// Reads the next complete request off the input buffer, if the connection is idle.
    private func parseRequests(_ connection: Connection) {
        guard connection.pending == nil, !connection.writing else { return }
        let separator: [UInt8] = [13, 10, 13, 10]
        guard let headerEnd = connection.input.firstRange(of: separator) else { return }
        let head = String(decoding: connection.input[..<headerEnd.lowerBound], as: UTF8.self)
        var lines = head.components(separatedBy: "\r\n")
        let requestLine = lines.removeFirst().split(separator: " ")
        let headers: [(name: String, value: String)] = lines.compactMap { line in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]),
                    line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        func header(_ name: String) -> String? {
            headers.first { $0.name.lowercased() == name }?.value
        }
        let length = header("content-length").flatMap { Int($0) } ?? 0
        let bodyStart = headerEnd.upperBound
        guard connection.input.count - bodyStart >= length else {
            if header("expect")?.lowercased() == "100-continue", !connection.sentContinue {
                connection.sentContinue = true
                connection.output += Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)
                flush(connection)
            }
            return
        }
        let body = Data(connection.input[bodyStart..<(bodyStart + length)])
        connection.input.removeFirst(bodyStart + length)
        connection.sentContinue = false
        let request = RecordedRequest(
            method: requestLine.first.map(String.init) ?? "",
            target: requestLine.count > 1 ? String(requestLine[1]) : "/",
            headers: headers, body: body)
        let response = shared.respond(to: request)
        connection.pending = (ContinuousClock.now + response.delay, response)
    }

    private func fireDueAnswers() {
        let now = ContinuousClock.now
        for connection in Array(connections.values) {
            guard let (due, response) = connection.pending, due <= now else { continue }
            connection.pending = nil
            if response.ending == .closeWithoutAnswer {
                drop(connection)
                shared.update { $0.deliberateCloses += 1 }
                continue
            }
            connection.output += LoopbackServerLoop.encode(response)
            connection.writing = true
            if response.ending != .complete { connection.closeAfterWrite = true }
            flush(connection)
        }
    }

    private func flush(_ connection: Connection) {
        while !connection.output.isEmpty {
            let sent = connection.output.withUnsafeBytes { raw in
                send(connection.descriptor, raw.baseAddress, raw.count, Int32(MSG_NOSIGNAL))
            }
            if sent > 0 {
                connection.output.removeFirst(sent)
                continue
            }
            if sent < 0, errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR { return }
            let waiting = connection.writing
            drop(connection)
            if waiting { shared.update { $0.clientDisconnectsBeforeAnswer += 1 } }
            return
        }
        guard connection.writing else { return }
        connection.writing = false
        if connection.closeAfterWrite {
            drop(connection)
            shared.update { $0.deliberateCloses += 1 }
            return
        }
        shared.update { $0.responsesCompleted += 1 }
        parseRequests(connection)
    }

    /// The bytes of a response: status line, headers, body (cut short for ``ScriptedResponse/Ending/truncateBody``).
    static func encode(_ response: ScriptedResponse) -> [UInt8] {
        var head = "HTTP/1.1 \(response.status) \(reasonPhrase(response.status))\r\n"
        for (name, value) in response.headers { head += "\(name): \(value)\r\n" }
        if response.ending == .closeDelimited {
            head += "Connection: close\r\n"
        } else if response.header("Content-Length") == nil {
            head += "Content-Length: \(response.body.count)\r\n"
        }
        head += "\r\n"
        var bytes = Array(head.utf8)
        if case .truncateBody(let count) = response.ending {
            bytes += response.body.prefix(max(0, count))
        } else {
            bytes += response.body
        }
        return bytes
    }

    private static func reasonPhrase(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 408: "Request Timeout"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 529: "Overloaded"
        default: "Status"
        }
    }
}
