import Foundation
import JSONCore

/// A client for Anthropic's Messages API.
///
/// ```swift
/// let claude = try AnthropicClient.fromEnvironment(model: "claude-3-5-haiku-latest")  // ANTHROPIC_API_KEY
/// ```
/// Structured output is a tool whose `input_schema` is the schema, forced with `tool_choice`; the answer text
/// is the tool input as JSON. Schemas whose root is not an object are wrapped in `{"value": ...}` and unwrapped.
public struct AnthropicClient: LanguageModel {
    private let engine: ModelCallEngine

    /// Creates a client.
    ///
    /// - Parameters:
    ///   - apiKey: sent as `x-api-key`.
    ///   - model: the model name.
    ///   - baseURL: the API root that `/v1/messages` is appended to.
    ///   - version: the `anthropic-version` header.
    ///   - configuration: transport, retries, budget, log, prices, timeouts.
    public init(
        apiKey: APIKey,
        model: String,
        baseURL: String = "https://api.anthropic.com",
        version: String = "2023-06-01",
        configuration: ModelClientConfiguration = ModelClientConfiguration()
    ) {
        let descriptor = ModelDescriptor(
            provider: "anthropic", model: model, host: URLComponents(string: baseURL)?.host ?? baseURL)
        let codec = AnthropicCodec(descriptor: descriptor, apiKey: apiKey, baseURL: baseURL, version: version)
        engine = ModelCallEngine(codec: codec, configuration: configuration)
    }

    /// A client with the key from the environment variable `keyVariable`.
    public static func fromEnvironment(
        model: String,
        keyVariable: String = "ANTHROPIC_API_KEY",
        configuration: ModelClientConfiguration = ModelClientConfiguration()
    ) throws -> AnthropicClient {
        AnthropicClient(apiKey: try APIKey.environment(keyVariable), model: model, configuration: configuration)
    }

    public var descriptor: ModelDescriptor { engine.codec.descriptor }

    public func complete(_ request: ChatRequest) async throws -> ChatResponse {
        try await engine.complete(request)
    }
}

/// Messages API wire format.
struct AnthropicCodec: ProviderCodec {
    let descriptor: ModelDescriptor
    let apiKey: APIKey?
    let baseURL: String
    let version: String

    func encode(_ request: ChatRequest, configuration: ModelClientConfiguration) throws -> EncodedCall {
        var messages: [JSONValue] = []
        for message in request.messages where message.role != .system {
            let blocks: [JSONValue] = message.parts.map { part in
                switch part {
                case .text(let text):
                    return ["type": "text", "text": .string(text)]
                case .image(let image):
                    return [
                        "type": "image",
                        "source": ["type": "base64", "media_type": .string(image.mimeType),
                                   "data": .string(image.base64)],
                    ]
                }
            }
            messages.append(["role": .string(message.role.rawValue), "content": .array(blocks)])
        }
        var body: JSONObject = [
            "model": .string(descriptor.model),
            "max_tokens": .int(request.maxOutputTokens ?? configuration.defaultMaxOutputTokens),
            "messages": .array(messages),
        ]
        if let system = request.systemText { body["system"] = .string(system) }
        if let temperature = request.temperature { body["temperature"] = .double(temperature) }
        var call = EncodedCall(http: HTTPRequest(url: join(baseURL, "/v1/messages")))
        if let schema = request.responseSchema {
            var inputSchema = SchemaSanitizer.anthropic.sanitize(schema.schema).schema
            if inputSchema["type"]?.stringValue != "object" {
                inputSchema = ["type": "object", "properties": ["value": inputSchema], "required": ["value"]]
                call.wrappedInValue = true
            }
            body["tools"] = [[
                "name": .string(schema.name),
                "description": "Record the extracted result. The input must follow the schema exactly.",
                "input_schema": inputSchema,
            ]]
            body["tool_choice"] = ["type": "tool", "name": .string(schema.name)]
            call.toolName = schema.name
        }
        var headers = [
            HTTPHeader("Content-Type", "application/json"), HTTPHeader("anthropic-version", version),
        ]
        if let apiKey { headers.append(HTTPHeader("x-api-key", apiKey.secret)) }
        call.http = HTTPRequest(method: "POST", url: call.http.url, headers: headers, body: jsonBody(body))
        return call
    }

    func decode(_ body: Data, call: EncodedCall) throws -> DecodedAnswer {
        let value = try parseObject(body)
        guard let blocks = value["content"]?.arrayValue else {
            throw AnswerDecodingError(reason: "it has no content array")
        }
        let text: String
        if let toolName = call.toolName {
            guard let block = blocks.first(where: {
                $0["type"]?.stringValue == "tool_use" && $0["name"]?.stringValue == toolName
            }), var input = block["input"] else {
                throw AnswerDecodingError(reason: "it has no tool_use block for the forced tool '\(toolName)'")
            }
            if call.wrappedInValue {
                guard let inner = input["value"] else {
                    throw AnswerDecodingError(reason: "the tool input lacks the wrapping 'value' property")
                }
                input = inner
            }
            text = input.serialized()
        } else {
            text = blocks.filter { $0["type"]?.stringValue == "text" }.compactMap { $0["text"]?.stringValue }
                .joined()
        }
        let finish: FinishReason
        switch value["stop_reason"]?.stringValue {
        case "end_turn"?, "tool_use"?, "stop_sequence"?, nil: finish = .stop
        case "max_tokens"?: finish = .length
        case "refusal"?: finish = .contentFilter
        case let other?: finish = .other(other)
        }
        let usage = TokenUsage(
            input: value["usage"]?["input_tokens"]?.intValue ?? 0,
            output: value["usage"]?["output_tokens"]?.intValue ?? 0)
        return DecodedAnswer(text: text, finishReason: finish, usage: usage, model: value["model"]?.stringValue)
    }
}
