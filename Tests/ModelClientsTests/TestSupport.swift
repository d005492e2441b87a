import ExtractTestSupport
import Foundation
import JSONCore
import ModelClients
import Testing

/// A fake key shaped like a real one; tests check it never leaks.
let testSecret = "sk-proj-T3stS3cr3tK3y-9f8e7d6c5b4a39281706"

/// The fake key as the client sees it, sourced from `OPENAI_API_KEY`.
let testKey = APIKey(testSecret, source: "OPENAI_API_KEY")

/// Records retry waits instead of sleeping, so retry tests run instantly and can check the delays.
final class SleepRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [Duration] = []

    var delays: [Duration] {
        lock.lock()
        defer { lock.unlock() }
        return recorded
    }

    func record(_ delay: Duration) {
        lock.lock()
        recorded.append(delay)
        lock.unlock()
    }

    /// A policy with `attempts` attempts that records its waits and checks cancellation.
    func policy(attempts: Int = 4, maxRetryAfter: Duration = .seconds(120)) -> RetryPolicy {
        RetryPolicy(maxAttempts: attempts, maxRetryAfter: maxRetryAfter) { [self] delay in
            record(delay)
            try Task.checkCancellation()
        }
    }
}

/// A configuration on the real curl transport with short timeouts and no retries unless given.
func testConfiguration(
    retry: RetryPolicy = .none,
    budget: RunBudget? = nil,
    callLog: (any ModelCallLog)? = nil,
    prices: PriceTable = .defaults,
    timeout: Duration = .seconds(20)
) -> ModelClientConfiguration {
    ModelClientConfiguration(
        retry: retry, budget: budget, callLog: callLog, prices: prices, connectTimeout: .seconds(5),
        timeout: timeout)
}

/// An OpenAI-compatible client for `server` with the test key.
func openAIClient(
    _ server: LoopbackHTTPServer, model: String = "gpt-4o-mini", configuration: ModelClientConfiguration
) -> OpenAICompatibleClient {
    OpenAICompatibleClient(
        baseURL: server.baseURL + "/v1", apiKey: testKey, model: model, provider: "openai",
        configuration: configuration)
}

/// A one-message text request.
func simpleRequest(_ text: String = "Say hello.") -> ChatRequest {
    ChatRequest(system: "You are terse.", user: [.text(text)], maxOutputTokens: 32)
}

/// Parses a recorded request body as JSON.
func bodyJSON(_ request: RecordedRequest?) throws -> JSONValue {
    let request = try #require(request)
    return try JSONValue(parsing: request.body)
}

/// Runs `body` and returns the `ModelClientError` it throws (failing the test when it throws none).
func modelError(
    sourceLocation: SourceLocation = #_sourceLocation, _ body: () async throws -> Void
) async -> ModelClientError? {
    do {
        try await body()
        Issue.record("expected a ModelClientError, but the call succeeded", sourceLocation: sourceLocation)
        return nil
    } catch let error as ModelClientError {
        return error
    } catch {
        Issue.record("expected a ModelClientError, got \(type(of: error)): \(error)", sourceLocation: sourceLocation)
        return nil
    }
}

/// A loopback port nothing listens on (a server was bound there and stopped).
func refusedPort() throws -> UInt16 {
    let server = try LoopbackHTTPServer()
    let port = server.port
    server.stop()
    return port
}
