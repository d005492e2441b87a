import Foundation

/// A request as a ``LoopbackHTTPServer`` received it.
public struct RecordedRequest: Sendable {
    /// The method, for example `POST`.
    public var method: String
    /// The request target: path and query, for example `/v1/chat/completions`.
    public var target: String
    /// Header fields in the order received.
    public var headers: [(name: String, value: String)]
    /// The body bytes.
    public var body: Data

    /// Creates a record.
    public init(method: String, target: String, headers: [(name: String, value: String)], body: Data) {
        self.method = method
        self.target = target
        self.headers = headers
        self.body = body
    }

    /// The path without the query.
    public var path: String {
        String(target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
    }

    /// The value of the first header named `name` (case-insensitive), or `nil`.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// The body as UTF-8 text.
    public var bodyText: String {
        String(decoding: body, as: UTF8.self)
    }

    /// The request line, the headers and the body as text: everything a secret could hide in.
    public var rawText: String {
        "\(method) \(target)\n" + headers.map { "\($0.name): \($0.value)" }.joined(separator: "\n") + "\n\n" + bodyText
    }
}
