import ExtractTestSupport
import Foundation
import JSONCore
import ModelClients
import Testing

@Suite("OpenAI-compatible wire format")
struct OpenAICompatibleClientTests {
    static let schema: JSONValue = [
        "type": "object",
        "properties": [
            "total": ["type": "number", "minimum": 0],
            "currency": ["type": "string", "enum": ["EUR", "USD"]],
        ],
        "required": ["total", "currency"],
        "additionalProperties": false,
    ]

    @Test func requestCarriesMessagesImagesAndJSONSchema() async throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.enqueue(RecordedModelAnswers.openAIChatCompletion(content: #"{"total": 12.5, "currency": "EUR"}"#))
        let client = openAIClient(server, configuration: testConfiguration())
        let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0xFF])
        let request = ChatRequest(
            system: "Extract the invoice total.",
            user: [.text("Page 1:"), .image(ImageContent(data: png, mimeType: "image/png"))],
            responseSchema: ResponseSchema(name: "invoice", schema: Self.schema),
            temperature: 0, maxOutputTokens: 100)

        let response = try await client.complete(request)

        let sent = try #require(server.requests.first)
        #expect(sent.method == "POST")
        #expect(sent.path == "/v1/chat/completions")
        #expect(sent.header("Authorization") == "Bearer \(testSecret)")
        #expect(sent.header("Content-Type") == "application/json")
        let body = try bodyJSON(sent)
        #expect(body["model"] == "gpt-4o-mini")
        #expect(body["max_tokens"] == 100)
        #expect(body["temperature"]?.doubleValue == 0)
        #expect(body["messages"]?[0] == ["role": "system", "content": "Extract the invoice total."])
        let parts = try #require(body["messages"]?[1]?["content"]?.arrayValue)
        #expect(body["messages"]?[1]?["role"] == "user")
        #expect(parts.first == ["type": "text", "text": "Page 1:"])
        #expect(parts.last?["type"] == "image_url")
        #expect(parts.last?["image_url"]?["url"]?.stringValue == "data:image/png;base64,\(png.base64EncodedString())")
        let format = try #require(body["response_format"])
        #expect(format["type"] == "json_schema")
        #expect(format["json_schema"]?["name"] == "invoice")
        #expect(format["json_schema"]?["schema"] == Self.schema)

        #expect(response.text == #"{"total": 12.5, "currency": "EUR"}"#)
        #expect(try response.json()["currency"] == "EUR")
        #expect(response.finishReason == .stop)
        #expect(response.usage == TokenUsage(input: 87, output: 19))
        #expect(response.model == "gpt-4o-mini-2024-07-18")
        #expect(response.attempts == 1)
        let expectedCost = (87 * 0.15 + 19 * 0.60) / 1_000_000
        #expect(abs(response.costUSD - expectedCost) < 1e-12)
    }

    @Test func llamaServerProfileStripsRejectedKeywordsAndReadsItsAnswer() async throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.enqueue(RecordedModelAnswers.llamaServerChatCompletion(
            content: #"{"total": 3, "currency": "USD"}"#, finishReason: "length"))
        let client = OpenAICompatibleClient(
            baseURL: server.baseURL + "/v1/", apiKey: nil, model: "smollm2", provider: "local",
            sanitizer: .llamaServer, supportsImages: false, configuration: testConfiguration())
        let tuple: JSONValue = ["type": "array", "prefixItems": [["type": "string"]], "items": false]
        var schema = Self.schema
        if case .object(var object) = schema, case .object(var properties)? = object["properties"] {
            properties["codes"] = tuple
            object["properties"] = .object(properties)
            object["$schema"] = "https://json-schema.org/draft/2020-12/schema"
            schema = .object(object)
        }
        let response = try await client.complete(
            ChatRequest(user: [.text("Total?")], responseSchema: ResponseSchema(schema: schema)))

        let sent = try #require(server.requests.first)
        #expect(sent.path == "/v1/chat/completions")
        #expect(sent.header("Authorization") == nil)
        let sentSchema = try #require(try bodyJSON(sent)["response_format"]?["json_schema"]?["schema"])
        #expect(sentSchema["$schema"] == nil)
        #expect(sentSchema["properties"]?["total"] == ["type": "number"])
        #expect(sentSchema["properties"]?["codes"] == ["type": "array", "prefixItems": [["type": "string"]]])
        #expect(response.finishReason == .length)
        #expect(response.usage == TokenUsage(input: 52, output: 14))
        #expect(response.costUSD == 0)
    }

    @Test func imagesAreRefusedBeforeSendingWhenTheBackendIsTextOnly() async throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        let client = OpenAICompatibleClient(
            baseURL: server.baseURL + "/v1", apiKey: nil, model: "smollm2", supportsImages: false,
            configuration: testConfiguration())
        let image = ImageContent(data: Data([1, 2, 3]), mimeType: "image/png")
        let error = await modelError { _ = try await client.complete(ChatRequest(user: [.image(image)])) }
        #expect(error?.code == .unsupportedInput)
        #expect(error?.message.contains("does not accept images") == true)
        #expect(server.requests.isEmpty)
    }

    @Test func openAIFactoryReadsTheKeyFromTheNamedVariable() throws {
        let missing = #expect(throws: ModelClientError.self) {
            _ = try APIKey.environment("DOCEXTRACT_TEST_UNSET_KEY_VARIABLE", in: [:])
        }
        #expect(missing?.code == .missingAPIKey)
        #expect(missing?.message.contains("export DOCEXTRACT_TEST_UNSET_KEY_VARIABLE=") == true)
        let key = try APIKey.environment("MY_KEY", in: ["MY_KEY": "  \(testSecret)\n"])
        #expect(key.source == "MY_KEY")
        #expect(!"\(key)".contains(testSecret))
    }
}
