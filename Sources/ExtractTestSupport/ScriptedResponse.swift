import Foundation

/// What a ``LoopbackHTTPServer`` answers to one request: status, headers, body, delay and how it ends.
public struct ScriptedResponse: Sendable {
    /// How the exchange ends.
    public enum Ending: Sendable, Hashable {
        /// The whole response is sent; the connection stays open for the next request.
        case complete
        /// The headers announce the full body, but only the first `afterBytes` body bytes are sent before the
        /// connection is closed.
        case truncateBody(afterBytes: Int)
        /// The body is sent without `Content-Length` and the connection is closed after it (close-delimited).
        case closeDelimited
        /// The connection is closed after the delay without any answer.
        case closeWithoutAnswer
    }

    /// The status code.
    public var status: Int
    /// Header fields, in order. `Content-Length` is added unless the ending is close-delimited.
    public var headers: [(name: String, value: String)]
    /// The body bytes.
    public var body: Data
    /// How long the server waits after reading the request before answering (or closing).
    public var delay: Duration
    /// How the exchange ends.
    public var ending: Ending

    /// Creates a response.
    public init(
        status: Int = 200,
        headers: [(name: String, value: String)] = [],
        body: Data = Data(),
        delay: Duration = .zero,
        ending: Ending = .complete
    ) {
        self.status = status
        self.headers = headers
        self.body = body
        self.delay = delay
        self.ending = ending
    }

    /// A JSON response with `Content-Type: application/json`.
    public static func json(
        _ text: String, status: Int = 200, headers: [(name: String, value: String)] = [], delay: Duration = .zero
    ) -> ScriptedResponse {
        ScriptedResponse(
            status: status, headers: [("Content-Type", "application/json")] + headers, body: Data(text.utf8),
            delay: delay)
    }

    /// A plain-text response.
    public static func text(
        _ text: String, status: Int = 200, headers: [(name: String, value: String)] = [], delay: Duration = .zero
    ) -> ScriptedResponse {
        ScriptedResponse(
            status: status, headers: [("Content-Type", "text/plain; charset=utf-8")] + headers,
            body: Data(text.utf8), delay: delay)
    }

    /// Closes the connection after `delay` without answering.
    public static func closeWithoutAnswer(after delay: Duration = .zero) -> ScriptedResponse {
        ScriptedResponse(status: 0, delay: delay, ending: .closeWithoutAnswer)
    }

    /// This response with a different delay.
    public func delayed(by delay: Duration) -> ScriptedResponse {
        var copy = self
        copy.delay = delay
        return copy
    }

    /// This response with a different ending.
    public func ending(_ ending: Ending) -> ScriptedResponse {
        var copy = self
        copy.ending = ending
        return copy
    }

    /// The value of the first header named `name` (case-insensitive).
    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }
}
