import ExtractTestSupport
import Foundation
import JSONCore
import ModelClients
import Testing

@Suite("Anthropic wire format")
struct AnthropicClientTests {
    static let anthropicKey = APIKey(testSecret, source: "ANTHROPIC_API_KEY")

    static func client(_ server: LoopbackHTTPServer, configuration: ModelClientConfiguration) -> AnthropicClient {
        AnthropicClient(
            apiKey: anthropicKey, model: "claude-3-5-haiku-latest", baseURL: server.baseURL,
            configuration: configuration)
    }

    @Test func structuredOutputIsAForcedToolAndImagesAreBase64Blocks() async throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.enqueue(RecordedModelAnswers.anthropicToolUse(
            toolName: "invoice", jsonInput: #"{"number": "INV-7", "total": 99.5}"#))
        let schema: JSONValue = [
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "type": "object",
            "properties": ["number": ["type": "string"], "total": ["type": "number"]],
            "required": ["number", "total"],
        ]
        let jpeg = Data([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10])
        let request = ChatRequest(
            system: "Extract the invoice.",
            user: [.image(ImageContent(data: jpeg, mimeType: "image/jpeg")), .text("Fields?")],
            responseSchema: ResponseSchema(name: "invoice", schema: schema), maxOutputTokens: 300)

        let response = try await Self.client(server, configuration: testConfiguration()).complete(request)

        let sent = try #require(server.requests.first)
        #expect(sent.path == "/v1/messages")
        #expect(sent.header("x-api-key") == testSecret)
        #expect(sent.header("anthropic-version") == "2023-06-01")
        #expect(sent.header("Authorization") == nil)
        let body = try bodyJSON(sent)
        #expect(body["model"] == "claude-3-5-haiku-latest")
        #expect(body["max_tokens"] == 300)
        #expect(body["system"] == "Extract the invoice.")
        #expect(body["messages"]?.arrayValue?.count == 1)
        let blocks = try #require(body["messages"]?[0]?["content"]?.arrayValue)
        #expect(blocks.first == [
            "type": "image",
            "source": ["type": "base64", "media_type": "image/jpeg", "data": .string(jpeg.base64EncodedString())],
        ])
        #expect(blocks.last == ["type": "text", "text": "Fields?"])
        let tool = try #require(body["tools"]?[0])
        #expect(tool["name"] == "invoice")
        #expect(tool["input_schema"]?["$schema"] == nil)
        #expect(tool["input_schema"]?["properties"]?["total"] == ["type": "number"])
        #expect(body["tool_choice"] == ["type": "tool", "name": "invoice"])

        #expect(try response.json() == ["number": "INV-7", "total": 99.5])
        #expect(response.finishReason == .stop)
        #expect(response.usage == TokenUsage(input: 412, output: 58))
        #expect(response.model == "claude-3-5-haiku-20241022")
        #expect(response.costUSD > 0)
    }

    @Test func nonObjectSchemasAreWrappedAndUnwrapped() async throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.enqueue(
            RecordedModelAnswers.anthropicToolUse(toolName: "dates", jsonInput: #"{"value": ["2024-01-31"]}"#))
        let schema: JSONValue = ["type": "array", "items": ["type": "string", "format": "date"], "maxItems": 3]
        let response = try await Self.client(server, configuration: testConfiguration())
            .complete(
                ChatRequest(user: [.text("Dates?")], responseSchema: ResponseSchema(name: "dates", schema: schema)))

        let inputSchema = try #require(try bodyJSON(server.requests.first)["tools"]?[0]?["input_schema"])
        #expect(inputSchema == ["type": "object", "properties": ["value": schema], "required": ["value"]])
        #expect(try response.json() == ["2024-01-31"])
    }

    @Test func plainTextAnswersAndMaxTokensFinish() async throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.enqueue(RecordedModelAnswers.anthropicText("Hello there."))
        let client = Self.client(server, configuration: testConfiguration())
        let response = try await client.complete(simpleRequest())
        #expect(response.text == "Hello there.")
        #expect(try bodyJSON(server.requests.first)["tools"] == nil)
        #expect(client.descriptor.provider == "anthropic")
    }

    @Test func overloadedIsRetriedThenReportedAsServerError() async throws {
        let server = try LoopbackHTTPServer { _ in
            RecordedModelAnswers.anthropicError(status: 529, type: "overloaded_error", message: "Overloaded")
        }
        defer { server.stop() }
        let sleeps = SleepRecorder()
        let error = await modelError {
            _ = try await Self.client(server, configuration: testConfiguration(retry: sleeps.policy(attempts: 3)))
                .complete(simpleRequest())
        }
        #expect(error?.code == .serverError)
        #expect(error?.attempts == 3)
        #expect(error?.message.contains("529 from 127.0.0.1") == true)
        #expect(error?.message.contains("Overloaded") == true)
        #expect(server.requests.count == 3)
        #expect(sleeps.delays.count == 2)
    }
}
