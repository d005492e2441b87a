import Foundation
import JSONCore

/// A client for Google's Gemini `generateContent` API.
///
/// ```swift
/// let gemini = try GeminiClient.fromEnvironment(model: "gemini-2.0-flash")  // GEMINI_API_KEY
/// ```
/// The key travels in the `x-goog-api-key` header, never in the URL. Structured output sets
/// `responseMimeType: application/json` and a `responseSchema` sanitised to Gemini's OpenAPI subset.
public struct GeminiClient: LanguageModel {
    private let engine: ModelCallEngine

    /// Creates a client.
    ///
    /// - Parameters:
    ///   - apiKey: sent as `x-goog-api-key`.
    ///   - model: the model name, e.g. `gemini-2.0-flash`.
    ///   - baseURL: the API root that `/models/{model}:generateContent` is appended to.
    ///   - configuration: transport, retries, budget, log, prices, timeouts.
    public init(
        apiKey: APIKey,
        model: String,
        baseURL: String = "https://generativelanguage.googleapis.com/v1beta",
        configuration: ModelClientConfiguration = ModelClientConfiguration()
    ) {
        let descriptor = ModelDescriptor(
            provider: "gemini", model: model, host: URLComponents(string: baseURL)?.host ?? baseURL)
        let codec = GeminiCodec(descriptor: descriptor, apiKey: apiKey, baseURL: baseURL)
        engine = ModelCallEngine(codec: codec, configuration: configuration)
    }

    /// A client with the key from the environment variable `keyVariable`.
    public static func fromEnvironment(
        model: String,
        keyVariable: String = "GEMINI_API_KEY",
        configuration: ModelClientConfiguration = ModelClientConfiguration()
    ) throws -> GeminiClient {
        GeminiClient(apiKey: try APIKey.environment(keyVariable), model: model, configuration: configuration)
    }

    public var descriptor: ModelDescriptor { engine.codec.descriptor }

    public func complete(_ request: ChatRequest) async throws -> ChatResponse {
        try await engine.complete(request)
    }
}

/// generateContent wire format.
struct GeminiCodec: ProviderCodec {
    let descriptor: ModelDescriptor
    let apiKey: APIKey?
    let baseURL: String

    func encode(_ request: ChatRequest, configuration: ModelClientConfiguration) throws -> EncodedCall {
        var contents: [JSONValue] = []
        for message in request.messages where message.role != .system {
            let parts: [JSONValue] = message.parts.map { part in
                switch part {
                case .text(let text):
                    return ["text": .string(text)]
                case .image(let image):
                    return ["inlineData": ["mimeType": .string(image.mimeType), "data": .string(image.base64)]]
                }
            }
            let role = message.role == .assistant ? "model" : "user"
            contents.append(["role": .string(role), "parts": .array(parts)])
        }
        var body: JSONObject = ["contents": .array(contents)]
        if let system = request.systemText { body["systemInstruction"] = ["parts": [["text": .string(system)]]] }
        var generation: JSONObject = [
            "maxOutputTokens": .int(request.maxOutputTokens ?? configuration.defaultMaxOutputTokens),
        ]
        if let temperature = request.temperature { generation["temperature"] = .double(temperature) }
        if let schema = request.responseSchema {
            generation["responseMimeType"] = "application/json"
            generation["responseSchema"] = SchemaSanitizer.gemini.sanitize(schema.schema).schema
        }
        body["generationConfig"] = .object(generation)
        var headers = [HTTPHeader("Content-Type", "application/json")]
        if let apiKey { headers.append(HTTPHeader("x-goog-api-key", apiKey.secret)) }
        let model = descriptor.model.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? descriptor.model
        let url = join(baseURL, "/models/\(model):generateContent")
        return EncodedCall(http: HTTPRequest(method: "POST", url: url, headers: headers, body: jsonBody(body)))
    }

    func decode(_ body: Data, call: EncodedCall) throws -> DecodedAnswer {
        let value = try parseObject(body)
        guard let candidate = value["candidates"]?[0] else {
            if let reason = value["promptFeedback"]?["blockReason"]?.stringValue {
                throw AnswerDecodingError(reason: "the prompt was blocked (\(reason))")
            }
            throw AnswerDecodingError(reason: "it has no candidates[0]")
        }
        let parts = candidate["content"]?["parts"]?.arrayValue ?? []
        // Thinking models add parts marked `thought: true`; they are not the answer.
        let text = parts.filter { $0["thought"]?.boolValue != true }.compactMap { $0["text"]?.stringValue }.joined()
        let finish: FinishReason
        switch candidate["finishReason"]?.stringValue {
        case "STOP"?, nil: finish = .stop
        case "MAX_TOKENS"?: finish = .length
        case "SAFETY"?, "RECITATION"?, "BLOCKLIST"?, "PROHIBITED_CONTENT"?, "SPII"?: finish = .contentFilter
        case let other?: finish = .other(other)
        }
        if parts.isEmpty, finish == .stop {
            throw AnswerDecodingError(reason: "candidates[0] has no content parts")
        }
        let usage = TokenUsage(
            input: value["usageMetadata"]?["promptTokenCount"]?.intValue ?? 0,
            output: (value["usageMetadata"]?["candidatesTokenCount"]?.intValue ?? 0)
                + (value["usageMetadata"]?["thoughtsTokenCount"]?.intValue ?? 0))
        return DecodedAnswer(
            text: text, finishReason: finish, usage: usage, model: value["modelVersion"]?.stringValue)
    }
}
