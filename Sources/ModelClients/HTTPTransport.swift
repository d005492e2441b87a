/// Sends HTTP requests. ``CurlTransport`` is the real one; tests may use any conforming twin.
///
/// Implementations return every status as an ``HTTPResponse``, throw ``TransportError`` when no complete
/// response arrived, and throw `CancellationError` when the calling task is cancelled (aborting the transfer).
public protocol HTTPTransport: Sendable {
    /// Performs `request` and returns the complete response.
    func send(_ request: HTTPRequest) async throws -> HTTPResponse
}
