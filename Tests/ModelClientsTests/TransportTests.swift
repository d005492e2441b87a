import ExtractTestSupport
import Foundation
import JSONCore
import ModelClients
import Testing

@Suite("libcurl transport: timeouts, broken answers, refusals, cancellation")
struct TransportTests {
    @Test func slowAnswerHitsTheTotalTimeout() async throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.enqueue(RecordedModelAnswers.openAIChatCompletion(content: "late").delayed(by: .seconds(60)))
        let error = await modelError {
            _ = try await openAIClient(server, configuration: testConfiguration(timeout: .milliseconds(300)))
                .complete(simpleRequest())
        }
        #expect(error?.code == .transport)
        #expect(error?.transportError?.code == .timedOut)
        #expect(error?.message.contains("raise the timeout") == true)
    }

    @Test func timeoutIsRetriedAndTheNextAttemptSucceeds() async throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.enqueue(
            RecordedModelAnswers.openAIChatCompletion(content: "late").delayed(by: .seconds(60)),
            RecordedModelAnswers.openAIChatCompletion(content: "on time"))
        let sleeps = SleepRecorder()
        let log = InMemoryCallLog()
        let response = try await openAIClient(
            server,
            configuration: testConfiguration(retry: sleeps.policy(), callLog: log, timeout: .milliseconds(300))
        ).complete(simpleRequest())
        #expect(response.text == "on time")
        #expect(log.records.map(\.outcome) == [.retry, .ok])
        #expect(log.records.first?.status == nil)
        #expect(log.records.first?.error?.contains("timed_out") == true)
    }

    @Test func truncatedBodyIsABrokenConnection() async throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.enqueue(
            RecordedModelAnswers.openAIChatCompletion(content: "cut").ending(.truncateBody(afterBytes: 40)))
        let error = await modelError {
            _ = try await openAIClient(server, configuration: testConfiguration()).complete(simpleRequest())
        }
        #expect(error?.code == .transport)
        #expect(error?.transportError?.code == .connectionBroken)
        #expect(error?.transportError?.isRetryable == true)
    }

    @Test func truncatedBodyIsRetried() async throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        let answer = RecordedModelAnswers.openAIChatCompletion(content: "whole")
        server.enqueue(answer.ending(.truncateBody(afterBytes: 10)), answer)
        let response = try await openAIClient(server, configuration: testConfiguration(retry: SleepRecorder().policy()))
            .complete(simpleRequest())
        #expect(response.text == "whole")
        #expect(response.attempts == 2)
    }

    @Test func closeDelimitedCutJSONIsAnInvalidResponse() async throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.enqueue(ScriptedResponse(
            status: 200, headers: [("Content-Type", "application/json")],
            body: Data(#"{"choices": [{"message": {"content": "ab"#.utf8), ending: .closeDelimited))
        let error = await modelError {
            _ = try await openAIClient(server, configuration: testConfiguration()).complete(simpleRequest())
        }
        #expect(error?.code == .invalidResponse)
        #expect(error?.message.contains("the body is not JSON") == true)
    }

    @Test func nonJSONSuccessIsAnInvalidResponseWithAHint() async throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.enqueue(.text("<!doctype html><title>Welcome to nginx!</title>"))
        let sleeps = SleepRecorder()
        let error = await modelError {
            _ = try await openAIClient(server, configuration: testConfiguration(retry: sleeps.policy()))
                .complete(simpleRequest())
        }
        #expect(error?.code == .invalidResponse)
        #expect(error?.status == 200)
        #expect(error?.message.contains("Welcome to nginx") == true)
        #expect(error?.message.contains("Check that the base URL points at a openai-compatible API") == true)
        #expect(sleeps.delays.isEmpty)
    }

    @Test func wrongJSONShapeIsAnInvalidResponse() async throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.enqueue(.json(#"{"object": "list", "data": []}"#))
        let error = await modelError {
            _ = try await openAIClient(server, configuration: testConfiguration()).complete(simpleRequest())
        }
        #expect(error?.code == .invalidResponse)
        #expect(error?.message.contains("it has no choices[0]") == true)
    }

    @Test func closeWithoutAnswerIsABrokenConnection() async throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.enqueue(.closeWithoutAnswer())
        let error = await modelError {
            _ = try await openAIClient(server, configuration: testConfiguration()).complete(simpleRequest())
        }
        #expect(error?.transportError?.code == .connectionBroken)
    }

    @Test func refusedConnectionSaysToCheckTheServer() async throws {
        let port = try refusedPort()
        let sleeps = SleepRecorder()
        let client = OpenAICompatibleClient(
            baseURL: "http://127.0.0.1:\(port)/v1", apiKey: testKey, model: "m",
            configuration: testConfiguration(retry: sleeps.policy(attempts: 2)))
        let error = await modelError { _ = try await client.complete(simpleRequest()) }
        #expect(error?.code == .transport)
        #expect(error?.transportError?.code == .connectionFailed)
        #expect(error?.attempts == 2)
        #expect(sleeps.delays.count == 1)
        #expect(error?.message.contains("check that the server is running") == true)
    }

    @Test func unsupportedSchemeIsAnInvalidRequest() async throws {
        let transport = CurlTransport()
        let error = await #expect(throws: TransportError.self) {
            _ = try await transport.send(HTTPRequest(url: "file:///etc/passwd"))
        }
        #expect(error?.code == .invalidRequest)
    }

    @Test func cancellationAbortsTheTransfer() async throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.enqueue(RecordedModelAnswers.openAIChatCompletion(content: "never").delayed(by: .seconds(120)))
        let client = openAIClient(server, configuration: testConfiguration(timeout: .seconds(300)))
        let call = Task { try await client.complete(simpleRequest()) }
        await server.wait { $0.requestsReceived == 1 }

        call.cancel()
        let result = await call.result

        #expect(throws: CancellationError.self) { try result.get() }
        // The server sees the connection closed while its answer is still 2 minutes away.
        await server.wait { $0.clientDisconnectsBeforeAnswer == 1 }
        #expect(server.statistics.responsesCompleted == 0)
    }

    @Test func manyRequestsAreInFlightAtOnceAndCancelTogether() async throws {
        let server = try LoopbackHTTPServer { _ in .json("{}", delay: .seconds(120)) }
        defer { server.stop() }
        let transport = CurlTransport()
        let count = 16
        let group = Task {
            try await withThrowingTaskGroup(of: HTTPResponse.self) { group in
                for index in 0..<count {
                    group.addTask {
                        try await transport.send(HTTPRequest(url: server.baseURL + "/slow/\(index)"))
                    }
                }
                return try await group.reduce(into: 0) { total, _ in total += 1 }
            }
        }
        // All 16 requests reach the server while every answer is still pending: they run concurrently.
        await server.wait { $0.requestsReceived == count }
        #expect(server.statistics.connectionsAccepted == count)
        group.cancel()
        await #expect(throws: CancellationError.self) { try await group.value }
        await server.wait { $0.clientDisconnectsBeforeAnswer == count }
    }

    @Test func keepAliveReusesTheConnection() async throws {
        let server = try LoopbackHTTPServer { _ in .json(#"{"ok": true}"#) }
        defer { server.stop() }
        let transport = CurlTransport()
        for _ in 0..<5 {
            let response = try await transport.send(HTTPRequest(url: server.baseURL + "/ping"))
            #expect(response.status == 200)
            #expect(response.headers.value(for: "content-type") == "application/json")
        }
        #expect(server.statistics.connectionsAccepted == 1)
        #expect(server.statistics.responsesCompleted == 5)
    }

    @Test func errorStatusesAreResponsesNotErrors() async throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.enqueue(.text("nope", status: 503, headers: [("Retry-After", "2")]))
        let response = try await CurlTransport().send(
            HTTPRequest(method: "POST", url: server.baseURL + "/x", body: Data("payload".utf8)))
        #expect(response.status == 503)
        #expect(response.headers.value(for: "retry-after") == "2")
        #expect(response.text == "nope")
        #expect(server.requests.first?.bodyText == "payload")
    }

    @Test func oversizedAnswersAreRejected() async throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.enqueue(ScriptedResponse(body: Data(repeating: 65, count: 200_000)))
        let error = await #expect(throws: TransportError.self) {
            _ = try await CurlTransport(maxResponseBytes: 1000).send(HTTPRequest(url: server.baseURL + "/big"))
        }
        #expect(error?.code == .responseTooLarge)
    }
}
