import ExtractTestSupport
import Foundation
import JSONCore
import ModelClients
import Testing

@Suite("Gemini wire format")
struct GeminiClientTests {
    static let geminiKey = APIKey(testSecret, source: "GEMINI_API_KEY")

    @Test func generateContentWithResponseSchemaAndInlineImage() async throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.enqueue(RecordedModelAnswers.geminiGenerateContent(text: #"{"vendor": "ACME", "due": null}"#))
        let client = GeminiClient(
            apiKey: Self.geminiKey, model: "gemini-2.0-flash", baseURL: server.baseURL + "/v1beta",
            configuration: testConfiguration())
        let schema: JSONValue = [
            "type": "object",
            "properties": [
                "vendor": ["type": "string", "minLength": 1],
                "due": ["type": ["string", "null"], "format": "date"],
            ],
            "required": ["vendor"],
            "additionalProperties": false,
        ]
        let png = Data([0x89, 0x50, 0x4E, 0x47])
        let request = ChatRequest(
            system: "Read the invoice.",
            user: [.text("Vendor?"), .image(ImageContent(data: png, mimeType: "image/png"))],
            responseSchema: ResponseSchema(schema: schema), temperature: 0.2, maxOutputTokens: 64)

        let response = try await client.complete(request)

        let sent = try #require(server.requests.first)
        #expect(sent.path == "/v1beta/models/gemini-2.0-flash:generateContent")
        #expect(!sent.target.contains("key="))
        #expect(sent.header("x-goog-api-key") == testSecret)
        let body = try bodyJSON(sent)
        #expect(body["systemInstruction"] == ["parts": [["text": "Read the invoice."]]])
        #expect(body["contents"]?[0]?["role"] == "user")
        #expect(body["contents"]?[0]?["parts"] == [
            ["text": "Vendor?"],
            ["inlineData": ["mimeType": "image/png", "data": .string(png.base64EncodedString())]],
        ])
        let generation = try #require(body["generationConfig"])
        #expect(generation["maxOutputTokens"] == 64)
        #expect(generation["responseMimeType"] == "application/json")
        #expect(generation["responseSchema"] == [
            "type": "object",
            "properties": ["vendor": ["type": "string"], "due": ["type": "string", "nullable": true]],
            "required": ["vendor"],
        ])

        #expect(try response.json() == ["vendor": "ACME", "due": nil])
        #expect(response.usage == TokenUsage(input: 96, output: 21))
        #expect(response.finishReason == .stop)
        #expect(response.model == "gemini-2.0-flash")
    }

    @Test func invalidKeyIsAClearUnauthorizedErrorWithoutRetry() async throws {
        let server = try LoopbackHTTPServer { _ in RecordedModelAnswers.geminiInvalidKey() }
        defer { server.stop() }
        let sleeps = SleepRecorder()
        let client = GeminiClient(
            apiKey: Self.geminiKey, model: "gemini-2.0-flash", baseURL: server.baseURL + "/v1beta",
            configuration: testConfiguration(retry: sleeps.policy()))
        let error = await modelError { _ = try await client.complete(simpleRequest()) }
        #expect(error?.code == .unauthorized)
        #expect(error?.message.hasPrefix("400 from 127.0.0.1: check GEMINI_API_KEY") == true)
        #expect(server.requests.count == 1)
        #expect(sleeps.delays.isEmpty)
    }

    @Test func maxTokensFinishIsReported() async throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.enqueue(RecordedModelAnswers.geminiGenerateContent(text: #"{"vendor": "AC"#, finishReason: "MAX_TOKENS"))
        let client = GeminiClient(
            apiKey: Self.geminiKey, model: "gemini-2.0-flash", baseURL: server.baseURL + "/v1beta",
            configuration: testConfiguration())
        let response = try await client.complete(simpleRequest())
        #expect(response.finishReason == .length)
        #expect(throws: (any Error).self) { _ = try response.json() }
    }
}
