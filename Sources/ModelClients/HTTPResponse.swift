import Foundation

/// A complete HTTP response. Any status, 4xx and 5xx included, is a response and not an error.
public struct HTTPResponse: Sendable {
    /// The status code, for example 200 or 429.
    public var status: Int
    /// The header fields of the final response (interim `100 Continue` headers are dropped).
    public var headers: [HTTPHeader]
    /// The body bytes, decompressed if the server sent them compressed.
    public var body: Data

    /// Creates a response.
    public init(status: Int, headers: [HTTPHeader] = [], body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The body as UTF-8 text (invalid sequences repaired).
    public var text: String {
        String(decoding: body, as: UTF8.self)
    }
}
