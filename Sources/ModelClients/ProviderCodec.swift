import Foundation
import JSONCore

/// Translates between ``ChatRequest``/``ChatResponse`` and one provider's wire format.
protocol ProviderCodec: Sendable {
    /// Provider, model, host.
    var descriptor: ModelDescriptor { get }
    /// The key, for redaction and the "check VARIABLE" hint; `nil` for keyless servers.
    var apiKey: APIKey? { get }
    /// Builds the HTTP request (timeouts are filled in by the engine).
    func encode(_ request: ChatRequest, configuration: ModelClientConfiguration) throws -> EncodedCall
    /// Reads a 2xx body; throws ``AnswerDecodingError`` when it is not the expected shape.
    func decode(_ body: Data, call: EncodedCall) throws -> DecodedAnswer
}

/// A request on the wire plus what decoding its answer needs to know.
struct EncodedCall: Sendable {
    var http: HTTPRequest
    /// Anthropic: the forced tool whose input is the answer.
    var toolName: String?
    /// Anthropic: the schema was wrapped in `{"value": ...}` because its root was not an object.
    var wrappedInValue = false
}

/// The provider-independent content of a successful answer.
struct DecodedAnswer: Sendable {
    var text: String
    var finishReason: FinishReason
    var usage: TokenUsage
    var model: String?
}

/// A 2xx body that is not what the provider documents.
struct AnswerDecodingError: Error {
    var reason: String
}

extension ProviderCodec {
    /// Parses a body as a JSON object or throws ``AnswerDecodingError``.
    func parseObject(_ body: Data) throws -> JSONValue {
        let value: JSONValue
        do {
            value = try JSONValue(parsing: body)
        } catch {
            throw AnswerDecodingError(reason: "the body is not JSON (\(error))")
        }
        guard value.objectValue != nil else {
            throw AnswerDecodingError(reason: "the body is JSON but not an object")
        }
        return value
    }

    /// Serialises a JSON request body.
    func jsonBody(_ object: JSONObject) -> Data {
        Data(JSONValue.object(object).serializedBytes())
    }

    /// `base` joined with `path`, without doubled slashes.
    func join(_ base: String, _ path: String) -> String {
        var trimmed = base
        while trimmed.hasSuffix("/") { trimmed.removeLast() }
        return trimmed + path
    }
}

extension JSONValue {
    /// A JSON number from a `Double`, or `null` when it is not finite.
    static func double(_ value: Double) -> JSONValue {
        JSONNumber(exactly: value).map(JSONValue.number) ?? .null
    }

    /// A JSON number from an `Int`.
    static func int(_ value: Int) -> JSONValue {
        .number(JSONNumber(value))
    }
}
