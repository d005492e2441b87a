import Foundation
import JSONCore

/// A client for OpenAI-compatible Chat Completions: OpenAI, vLLM, llama.cpp's server, Ollama's `/v1`,
/// LM Studio.
///
/// ```swift
/// let model = try OpenAICompatibleClient.openAI(model: "gpt-4o-mini")           // key from OPENAI_API_KEY
/// let vllm = OpenAICompatibleClient(baseURL: "http://127.0.0.1:8000/v1", apiKey: nil, model: "qwen")
/// ```
/// Structured output uses `response_format: {"type": "json_schema", ...}`; images go as data URLs.
public struct OpenAICompatibleClient: LanguageModel {
    private let engine: ModelCallEngine

    /// Creates a client.
    ///
    /// - Parameters:
    ///   - baseURL: the API root that `/chat/completions` is appended to, e.g. `https://api.openai.com/v1`.
    ///   - apiKey: sent as `Authorization: Bearer`; `nil` for servers without keys.
    ///   - model: the model name sent in each request.
    ///   - provider: the name used in logs and errors.
    ///   - sanitizer: how schemas are adapted to this backend.
    ///   - supportsImages: `false` makes image parts fail early with a clear error.
    ///   - maxTokensField: the body field for the output limit: `max_tokens` (llama.cpp, vLLM, Ollama, LM Studio)
    ///     or `max_completion_tokens` (api.openai.com, required by its reasoning models).
    ///   - configuration: transport, retries, budget, log, prices, timeouts.
    public init(
        baseURL: String,
        apiKey: APIKey?,
        model: String,
        provider: String = "openai-compatible",
        sanitizer: SchemaSanitizer = .openAI,
        supportsImages: Bool = true,
        maxTokensField: String = "max_tokens",
        configuration: ModelClientConfiguration = ModelClientConfiguration()
    ) {
        let descriptor = ModelDescriptor(
            provider: provider, model: model, host: URLComponents(string: baseURL)?.host ?? baseURL)
        let codec = OpenAICodec(
            descriptor: descriptor, apiKey: apiKey, baseURL: baseURL, sanitizer: sanitizer,
            supportsImages: supportsImages, maxTokensField: maxTokensField)
        engine = ModelCallEngine(codec: codec, configuration: configuration)
    }

    /// A client for api.openai.com with the key from the environment variable `keyVariable`.
    public static func openAI(
        model: String,
        keyVariable: String = "OPENAI_API_KEY",
        baseURL: String = "https://api.openai.com/v1",
        configuration: ModelClientConfiguration = ModelClientConfiguration()
    ) throws -> OpenAICompatibleClient {
        OpenAICompatibleClient(
            baseURL: baseURL, apiKey: try APIKey.environment(keyVariable), model: model, provider: "openai",
            maxTokensField: "max_completion_tokens", configuration: configuration)
    }

    public var descriptor: ModelDescriptor { engine.codec.descriptor }

    public func complete(_ request: ChatRequest) async throws -> ChatResponse {
        try await engine.complete(request)
    }
}

/// Chat Completions wire format.
struct OpenAICodec: ProviderCodec {
    let descriptor: ModelDescriptor
    let apiKey: APIKey?
    let baseURL: String
    let sanitizer: SchemaSanitizer
    let supportsImages: Bool
    let maxTokensField: String

    func encode(_ request: ChatRequest, configuration: ModelClientConfiguration) throws -> EncodedCall {
        if !supportsImages, request.hasImages {
            throw ModelClientError(
                code: .unsupportedInput,
                message: "\(descriptor) does not accept images; send text only or use a vision model",
                descriptor: descriptor)
        }
        var messages: [JSONValue] = []
        for message in request.messages {
            let onlyText = message.parts.allSatisfy { if case .text = $0 { true } else { false } }
            let content: JSONValue
            if onlyText {
                content = .string(message.text)
            } else {
                content = .array(message.parts.map { part in
                    switch part {
                    case .text(let text):
                        return ["type": "text", "text": .string(text)]
                    case .image(let image):
                        return ["type": "image_url", "image_url": ["url": .string(image.dataURL)]]
                    }
                })
            }
            messages.append(["role": .string(message.role.rawValue), "content": content])
        }
        var body: JSONObject = ["model": .string(descriptor.model), "messages": .array(messages)]
        if let temperature = request.temperature { body["temperature"] = .double(temperature) }
        body[maxTokensField] = .int(request.maxOutputTokens ?? configuration.defaultMaxOutputTokens)
        if let schema = request.responseSchema {
            let sanitized = sanitizer.sanitize(schema.schema)
            body["response_format"] = [
                "type": "json_schema",
                "json_schema": [
                    "name": .string(schema.name), "schema": sanitized.schema, "strict": .bool(schema.strict),
                ],
            ]
        }
        var headers = [HTTPHeader("Content-Type", "application/json"), HTTPHeader("Accept", "application/json")]
        if let apiKey { headers.append(HTTPHeader("Authorization", "Bearer \(apiKey.secret)")) }
        let http = HTTPRequest(
            method: "POST", url: join(baseURL, "/chat/completions"), headers: headers, body: jsonBody(body))
        return EncodedCall(http: http)
    }

    func decode(_ body: Data, call: EncodedCall) throws -> DecodedAnswer {
        let value = try parseObject(body)
        guard let choice = value["choices"]?[0] else {
            throw AnswerDecodingError(reason: "it has no choices[0]")
        }
        let message = choice["message"]
        guard let text = message?["content"]?.stringValue else {
            if let refusal = message?["refusal"]?.stringValue {
                throw AnswerDecodingError(reason: "the model refused: \(refusal)")
            }
            throw AnswerDecodingError(reason: "choices[0].message.content is missing or not a string")
        }
        let finish: FinishReason
        switch choice["finish_reason"]?.stringValue {
        case "stop"?, nil: finish = .stop
        case "length"?: finish = .length
        case "content_filter"?: finish = .contentFilter
        case let other?: finish = .other(other)
        }
        let usage = TokenUsage(
            input: value["usage"]?["prompt_tokens"]?.intValue ?? 0,
            output: value["usage"]?["completion_tokens"]?.intValue ?? 0)
        return DecodedAnswer(text: text, finishReason: finish, usage: usage, model: value["model"]?.stringValue)
    }
}
