#if canImport(Glibc)
import Glibc
#endif
import ExtractTestSupport
import Foundation
import ModelClients
import Testing

/// A socket on 127.0.0.1 that listens with a backlog of zero, never accepts, and has its queue filled: the
/// kernel drops further SYNs, so a new connection hangs until the client's connect timeout.
final class FullBacklogListener {
    let port: UInt16
    private var descriptors: [Int32] = []

    init() throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
                bind(listener, raw, length) == 0 && getsockname(listener, raw, &length) == 0
            }
        }
        guard listener >= 0, bound, listen(listener, 0) == 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "cannot listen on loopback"])
        }
        descriptors.append(listener)
        port = UInt16(bigEndian: address.sin_port)
        for _ in 0..<3 {
            let client = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            _ = fcntl(client, F_SETFL, fcntl(client, F_GETFL) | O_NONBLOCK)
            _ = withUnsafeMutablePointer(to: &address) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
                    connect(client, raw, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
            descriptors.append(client)
        }
    }

    deinit {
        descriptors.forEach { close($0) }
    }
}

@Suite("Connect timeout and cancellation while waiting")
struct ConnectTimeoutTests {
    @Test func connectTimeoutFiresWhenNobodyCompletesTheHandshake() async throws {
        let listener = try FullBacklogListener()
        let request = HTTPRequest(
            url: "http://127.0.0.1:\(listener.port)/health", connectTimeout: .milliseconds(300),
            timeout: .seconds(60))
        let error = await #expect(throws: TransportError.self) { _ = try await CurlTransport().send(request) }
        #expect(error?.code == .timedOut)
        #expect(error?.isRetryable == true)
        #expect(error?.description.contains("request to 127.0.0.1 failed: timed_out") == true)
        withExtendedLifetime(listener) {}
    }

    @Test func cancellationDuringBackoffStopsTheCallAndIsLogged() async throws {
        let server = try LoopbackHTTPServer { _ in RecordedModelAnswers.openAIServerError() }
        defer { server.stop() }
        let log = InMemoryCallLog()
        let retry = RetryPolicy(maxAttempts: 5) { _ in try await Task.sleep(for: .seconds(600)) }
        let client = openAIClient(server, configuration: testConfiguration(retry: retry, callLog: log))
        let call = Task { try await client.complete(simpleRequest()) }
        await server.wait { $0.responsesCompleted == 1 }
        call.cancel()
        let result = await call.result
        #expect(throws: CancellationError.self) { try result.get() }
        #expect(server.requests.count == 1)
        #expect(log.records.last?.outcome == .cancelled)
    }

    @Test func openAIReasoningModelsGetMaxCompletionTokens() async throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.enqueue(RecordedModelAnswers.openAIChatCompletion(content: "ok"))
        let client = OpenAICompatibleClient(
            baseURL: server.baseURL + "/v1", apiKey: testKey, model: "o4-mini", provider: "openai",
            maxTokensField: "max_completion_tokens", configuration: testConfiguration())
        _ = try await client.complete(simpleRequest())
        let body = try bodyJSON(server.requests.first)
        #expect(body["max_completion_tokens"] == 32)
        #expect(body["max_tokens"] == nil)
    }
}
