import CCurl
import Foundation

/// One easy handle and the buffers of its transfer. Lives on the event-loop thread only.
final class CurlTransfer {
    let id: UInt64
    let host: String
    let handle: UnsafeMutableRawPointer
    let continuation: CheckedContinuation<HTTPResponse, any Error>
    let maxResponseBytes: Int
    var body = Data()
    var headers: [HTTPHeader] = []
    var tooLarge = false
    private var headerList: UnsafeMutablePointer<curl_slist>?
    private let errorBuffer: UnsafeMutablePointer<CChar>

    /// Configures an easy handle for `request`; throws ``TransportError`` when libcurl refuses an option.
    init(
        id: UInt64,
        request: HTTPRequest,
        maxResponseBytes: Int,
        continuation: CheckedContinuation<HTTPResponse, any Error>
    ) throws {
        guard let handle = curl_easy_init() else {
            throw TransportError(code: .other, host: request.host, detail: "curl_easy_init returned NULL")
        }
        self.id = id
        self.host = request.host
        self.handle = handle
        self.continuation = continuation
        self.maxResponseBytes = maxResponseBytes
        self.errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        try configure(request)
    }

    deinit {
        curl_easy_cleanup(handle)
        curl_slist_free_all(headerList)
        errorBuffer.deallocate()
    }

    private func check(_ code: CURLcode, _ what: String) throws {
        guard code == CURLE_OK else {
            let message = String(cString: curl_easy_strerror(code))
            throw TransportError(
                code: .invalidRequest, host: host, detail: "\(what): \(message)", curlCode: Int(code.rawValue))
        }
    }

    private func configure(_ request: HTTPRequest) throws {
        let lower = request.url.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://") else {
            throw TransportError(code: .invalidRequest, host: host, detail: "unsupported URL scheme")
        }
        try check(docextract_easy_setopt_string(handle, CURLOPT_URL, request.url), "URL")
        try check(docextract_easy_setopt_string(handle, CURLOPT_PROTOCOLS_STR, "http,https"), "protocols")
        try check(docextract_easy_setopt_long(handle, CURLOPT_NOSIGNAL, 1), "nosignal")
        try check(docextract_easy_setopt_long(handle, CURLOPT_SSL_VERIFYPEER, 1), "TLS peer verification")
        try check(docextract_easy_setopt_long(handle, CURLOPT_SSL_VERIFYHOST, 2), "TLS host verification")
        try check(docextract_easy_setopt_long(handle, CURLOPT_FOLLOWLOCATION, 0), "redirects")
        if CurlTransfer.isLoopback(host) {
            // An http_proxy in the environment must not capture calls to a local server.
            try check(docextract_easy_setopt_string(handle, CURLOPT_PROXY, ""), "proxy")
        }
        let connectMs = max(1, request.connectTimeout.wholeMilliseconds)
        let totalMs = max(1, request.timeout.wholeMilliseconds)
        try check(docextract_easy_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, Int(connectMs)), "connect timeout")
        try check(docextract_easy_setopt_long(handle, CURLOPT_TIMEOUT_MS, Int(totalMs)), "timeout")
        try check(docextract_easy_setopt_string(handle, CURLOPT_ACCEPT_ENCODING, ""), "accept-encoding")
        try check(docextract_easy_setopt_string(handle, CURLOPT_USERAGENT, "docextract-modelclients"), "user agent")
        // A long generation leaves the connection silent for minutes; probes keep NATs and proxies from dropping it.
        try check(docextract_easy_setopt_long(handle, CURLOPT_TCP_KEEPALIVE, 1), "TCP keep-alive")
        try check(docextract_easy_setopt_long(handle, CURLOPT_TCP_KEEPIDLE, 30), "TCP keep-alive idle")
        try check(docextract_easy_setopt_long(handle, CURLOPT_TCP_KEEPINTVL, 15), "TCP keep-alive interval")
        try check(docextract_easy_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer), "error buffer")

        let method = request.method.uppercased()
        if let body = request.body {
            try check(docextract_easy_setopt_off(handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count)), "size")
            // COPYPOSTFIELDS copies the bytes, so the body need not outlive this call.
            let code = body.withUnsafeBytes { raw -> CURLcode in
                let base = raw.baseAddress ?? UnsafeRawPointer(bitPattern: 1)!
                return docextract_easy_setopt_pointer(
                    handle, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: base))
            }
            try check(code, "request body")
            if method != "POST" {
                try check(docextract_easy_setopt_string(handle, CURLOPT_CUSTOMREQUEST, method), "method")
            }
        } else if method == "HEAD" {
            try check(docextract_easy_setopt_long(handle, CURLOPT_NOBODY, 1), "method")
        } else if method != "GET" {
            try check(docextract_easy_setopt_string(handle, CURLOPT_CUSTOMREQUEST, method), "method")
        }

        var list: UnsafeMutablePointer<curl_slist>?
        for header in request.headers {
            list = curl_slist_append(list, "\(header.name): \(header.value)")
        }
        // Without this libcurl waits for `100 Continue` before sending bodies over 1 KiB.
        list = curl_slist_append(list, "Expect:")
        headerList = list
        try check(docextract_easy_setopt_slist(handle, CURLOPT_HTTPHEADER, list), "headers")

        let context = Unmanaged.passUnretained(self).toOpaque()
        try check(docextract_easy_setopt_data_callback(handle, CURLOPT_WRITEFUNCTION, curlWriteBody), "write callback")
        try check(docextract_easy_setopt_pointer(handle, CURLOPT_WRITEDATA, context), "write data")
        try check(
            docextract_easy_setopt_data_callback(handle, CURLOPT_HEADERFUNCTION, curlWriteHeader), "header callback")
        try check(docextract_easy_setopt_pointer(handle, CURLOPT_HEADERDATA, context), "header data")
    }

    /// Whether `host` names this machine's loopback interface.
    static func isLoopback(_ host: String) -> Bool {
        let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).lowercased()
        return bare == "localhost" || bare == "::1" || bare.hasPrefix("127.")
    }

    /// The HTTP status of the finished transfer.
    var status: Int {
        var code = 0
        _ = docextract_easy_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &code)
        return code
    }

    /// Maps a failed libcurl result to a ``TransportError``.
    func error(for result: CURLcode) -> TransportError {
        let detail: String
        if errorBuffer.pointee != 0 {
            detail = String(cString: errorBuffer)
        } else {
            detail = String(cString: curl_easy_strerror(result))
        }
        let code: TransportError.Code
        switch result {
        case CURLE_COULDNT_CONNECT: code = .connectionFailed
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY: code = .resolveFailed
        case CURLE_OPERATION_TIMEDOUT: code = .timedOut
        case CURLE_GOT_NOTHING, CURLE_RECV_ERROR, CURLE_SEND_ERROR, CURLE_PARTIAL_FILE, CURLE_HTTP2,
             CURLE_HTTP2_STREAM:
            code = .connectionBroken
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM,
             CURLE_SSL_CACERT_BADFILE:
            code = .tls
        case CURLE_URL_MALFORMAT, CURLE_UNSUPPORTED_PROTOCOL: code = .invalidRequest
        case CURLE_WRITE_ERROR where tooLarge: code = .responseTooLarge
        default: code = .other
        }
        return TransportError(code: code, host: host, detail: detail, curlCode: Int(result.rawValue))
    }

    fileprivate func appendHeaderLine(_ line: String) {
        let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.hasPrefix("HTTP/") {
            headers.removeAll()  // a new response (after 100 Continue or a redirect) starts
            return
        }
        guard let colon = trimmed.firstIndex(of: ":") else { return }
        let name = String(trimmed[..<colon])
        let value = trimmed[trimmed.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        headers.append(HTTPHeader(name, value))
    }
}

private func curlWriteBody(
    _ pointer: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ context: UnsafeMutableRawPointer?
) -> Int {
    guard let pointer, let context else { return 0 }
    let length = size * count
    let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
    if transfer.body.count + length > transfer.maxResponseBytes {
        transfer.tooLarge = true
        return 0
    }
    pointer.withMemoryRebound(to: UInt8.self, capacity: length) { bytes in
        transfer.body.append(bytes, count: length)
    }
    return length
}

private func curlWriteHeader(
    _ pointer: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ context: UnsafeMutableRawPointer?
) -> Int {
    guard let pointer, let context else { return 0 }
    let length = size * count
    let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
    let line = pointer.withMemoryRebound(to: UInt8.self, capacity: length) { bytes in
        String(decoding: UnsafeBufferPointer(start: bytes, count: length), as: UTF8.self)
    }
    transfer.appendHeaderLine(line)
    return length
}
