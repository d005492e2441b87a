import Foundation

/// An HTTP request for an ``HTTPTransport``.
public struct HTTPRequest: Sendable {
    /// The method, for example `GET` or `POST`.
    public var method: String
    /// The absolute `http` or `https` URL.
    public var url: String
    /// Header fields to send. Secrets in here (API keys) never leave the transport: it does not log them.
    public var headers: [HTTPHeader]
    /// The request body, or `nil` for none.
    public var body: Data?
    /// The longest time to wait for the TCP (and TLS) connection.
    public var connectTimeout: Duration
    /// The longest time for the whole exchange, connection included.
    public var timeout: Duration

    /// Creates a request; the defaults suit a model call (10 s to connect, 120 s in all).
    public init(
        method: String = "GET",
        url: String,
        headers: [HTTPHeader] = [],
        body: Data? = nil,
        connectTimeout: Duration = .seconds(10),
        timeout: Duration = .seconds(120)
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.connectTimeout = connectTimeout
        self.timeout = timeout
    }

    /// The host part of ``url`` (for logs and error messages), or the URL itself when it does not parse.
    public var host: String {
        URLComponents(string: url)?.host ?? url
    }
}
