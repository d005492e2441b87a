/// A request that produced no complete HTTP response: the connection failed, timed out or broke.
///
/// Compare ``code`` against the static members of ``TransportError/Code``; ``isRetryable`` tells whether
/// sending the same request again may succeed.
public struct TransportError: Error, Sendable, CustomStringConvertible {
    /// What kind of failure happened.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        /// Stable text of the code, used in logs.
        public let name: String

        private init(_ name: String) {
            self.name = name
        }

        /// Nothing accepted the connection (refused, unreachable).
        public static let connectionFailed = Code("connection_failed")
        /// The host name did not resolve.
        public static let resolveFailed = Code("resolve_failed")
        /// The connect or total timeout elapsed.
        public static let timedOut = Code("timed_out")
        /// The connection broke while sending or receiving, or the body ended early.
        public static let connectionBroken = Code("connection_broken")
        /// TLS negotiation or certificate verification failed.
        public static let tls = Code("tls")
        /// The request could not be built (bad URL, unsupported protocol).
        public static let invalidRequest = Code("invalid_request")
        /// The response was larger than the transport accepts.
        public static let responseTooLarge = Code("response_too_large")
        /// Any other libcurl failure.
        public static let other = Code("other")

        public var description: String { name }
    }

    /// The kind of failure.
    public var code: Code
    /// The host the request went to (never the full URL, which could carry a secret).
    public var host: String
    /// libcurl's explanation.
    public var detail: String
    /// The libcurl result code, when the failure came from libcurl.
    public var curlCode: Int?

    /// Creates an error.
    public init(code: Code, host: String, detail: String, curlCode: Int? = nil) {
        self.code = code
        self.host = host
        self.detail = detail
        self.curlCode = curlCode
    }

    /// Whether retrying the same request may succeed.
    public var isRetryable: Bool {
        switch code {
        case .connectionFailed, .timedOut, .connectionBroken, .resolveFailed: true
        default: false
        }
    }

    public var description: String {
        let hint: String
        switch code {
        case .connectionFailed:
            hint = "check that the server is running and the base URL and port are right"
        case .resolveFailed:
            hint = "check the host name in the base URL"
        case .timedOut:
            hint = "the server was too slow; raise the timeout or try a smaller request"
        case .connectionBroken:
            hint = "the server closed the connection or sent an incomplete answer; retrying may help"
        case .tls:
            hint = "check the server certificate; verification is always on"
        case .invalidRequest:
            hint = "check the base URL (it must start with http:// or https://)"
        case .responseTooLarge:
            hint = "the answer exceeded the transport's size limit"
        default:
            hint = "see libcurl's message"
        }
        let curl = curlCode.map { " (curl \($0))" } ?? ""
        return "request to \(host) failed: \(code)\(curl): \(detail); \(hint)"
    }
}
