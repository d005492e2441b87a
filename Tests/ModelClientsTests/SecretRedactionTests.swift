import ExtractTestSupport
import Foundation
import JSONCore
import ModelClients
import Testing

@Suite("API keys never leak")
struct SecretRedactionTests {
    /// A server that echoes the credential it received in its error body and a header, as some proxies do.
    static func echoingServer(status: Int) throws -> LoopbackHTTPServer {
        try LoopbackHTTPServer { request in
            let credential = request.header("Authorization") ?? request.header("x-api-key")
                ?? request.header("x-goog-api-key") ?? "none"
            return RecordedModelAnswers.openAIError(
                status: status, message: "Incorrect API key provided: \(credential) (key \(credential))",
                headers: [("x-echo", credential)])
        }
    }

    @Test(arguments: [401, 500, 200])
    func keyIsAbsentFromErrorsAndTheRunLog(status: Int) async throws {
        let server = try Self.echoingServer(status: status)
        defer { server.stop() }
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("docextract-redaction-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let logFile = directory.appendingPathComponent("calls.jsonl")
        let log = try JSONLinesCallLog(url: logFile)
        let client = openAIClient(
            server, configuration: testConfiguration(retry: SleepRecorder().policy(attempts: 2), callLog: log))

        let error = await modelError { _ = try await client.complete(simpleRequest()) }

        // The key really went out, so the checks below are not vacuous.
        #expect(server.requests.first?.header("Authorization") == "Bearer \(testSecret)")
        let caught = try #require(error)
        #expect(!caught.description.contains(testSecret))
        #expect(!caught.message.contains(testSecret))
        #expect(!String(reflecting: caught).contains(testSecret))
        var dumped = ""
        dump(caught, to: &dumped)
        #expect(!dumped.contains(testSecret))
        #expect(caught.message.contains("[redacted]"))
        let written = try String(contentsOf: logFile, encoding: .utf8)
        #expect(!written.isEmpty)
        #expect(!written.contains(testSecret))
    }

    @Test func anthropicAndGeminiKeysAreRedactedToo() async throws {
        let server = try Self.echoingServer(status: 403)
        defer { server.stop() }
        let anthropic = AnthropicClient(
            apiKey: APIKey(testSecret, source: "ANTHROPIC_API_KEY"), model: "claude", baseURL: server.baseURL,
            configuration: testConfiguration())
        let gemini = GeminiClient(
            apiKey: APIKey(testSecret, source: "MY_GEMINI_KEY"), model: "gemini-2.0-flash", baseURL: server.baseURL,
            configuration: testConfiguration())
        let first = await modelError { _ = try await anthropic.complete(simpleRequest()) }
        let second = await modelError { _ = try await gemini.complete(simpleRequest()) }
        #expect(first?.message.hasPrefix("403 from 127.0.0.1: check ANTHROPIC_API_KEY") == true)
        #expect(second?.message.hasPrefix("403 from 127.0.0.1: check MY_GEMINI_KEY") == true)
        #expect(server.requests.map { $0.rawText.contains(testSecret) } == [true, true])
        for error in [first, second] {
            #expect(error.map { !"\($0)".contains(testSecret) } == true)
        }
    }

    @Test func keyDoesNotPrintThroughDescriptionMirrorOrInterpolation() {
        let key = testKey
        #expect("\(key)" == "APIKey(OPENAI_API_KEY, redacted)")
        #expect(!String(reflecting: key).contains(testSecret))
        var dumped = ""
        dump(key, to: &dumped)
        #expect(!dumped.contains(testSecret))
        let configuration = OpenAICompatibleClient(
            baseURL: "http://127.0.0.1:1/v1", apiKey: key, model: "m", configuration: testConfiguration())
        var client = ""
        dump(configuration, to: &client)
        #expect(!client.contains(testSecret))
    }
}
