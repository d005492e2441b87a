import Foundation
import JSONCore

/// A chat request for any ``LanguageModel``: messages, optional structured output, sampling limits.
public struct ChatRequest: Sendable {
    /// The conversation, system messages first.
    public var messages: [ChatMessage]
    /// When set, the model is asked for JSON matching this schema (validate the answer afterwards anyway).
    public var responseSchema: ResponseSchema?
    /// Sampling temperature, or `nil` for the provider's default.
    public var temperature: Double?
    /// Upper bound on generated tokens, or `nil` for the client's default.
    public var maxOutputTokens: Int?

    /// Creates a request from messages.
    public init(
        messages: [ChatMessage],
        responseSchema: ResponseSchema? = nil,
        temperature: Double? = nil,
        maxOutputTokens: Int? = nil
    ) {
        self.messages = messages
        self.responseSchema = responseSchema
        self.temperature = temperature
        self.maxOutputTokens = maxOutputTokens
    }

    /// Creates the common two-message request: an optional system prompt and one user message.
    public init(
        system: String? = nil,
        user: [ContentPart],
        responseSchema: ResponseSchema? = nil,
        temperature: Double? = nil,
        maxOutputTokens: Int? = nil
    ) {
        var messages: [ChatMessage] = []
        if let system { messages.append(.system(system)) }
        messages.append(ChatMessage(role: .user, parts: user))
        self.init(
            messages: messages, responseSchema: responseSchema, temperature: temperature,
            maxOutputTokens: maxOutputTokens)
    }

    /// The system messages' text joined by blank lines, or `nil` when there is none.
    var systemText: String? {
        let texts = messages.filter { $0.role == .system }.map(\.text)
        return texts.isEmpty ? nil : texts.joined(separator: "\n\n")
    }

    /// Whether any message carries an image.
    var hasImages: Bool {
        messages.contains { message in
            message.parts.contains { if case .image = $0 { true } else { false } }
        }
    }
}

/// Who speaks a ``ChatMessage``.
public enum ChatRole: String, Sendable, Hashable {
    /// Instructions for the model.
    case system
    /// The user's input.
    case user
    /// An earlier model answer.
    case assistant
}

/// One message: a role and its text and image parts.
public struct ChatMessage: Sendable, Hashable {
    /// The speaker.
    public var role: ChatRole
    /// Text and image parts, in order.
    public var parts: [ContentPart]

    /// Creates a message.
    public init(role: ChatRole, parts: [ContentPart]) {
        self.role = role
        self.parts = parts
    }

    /// A system message with one text part.
    public static func system(_ text: String) -> ChatMessage {
        ChatMessage(role: .system, parts: [.text(text)])
    }

    /// A user message with one text part.
    public static func user(_ text: String) -> ChatMessage {
        ChatMessage(role: .user, parts: [.text(text)])
    }

    /// An assistant message with one text part.
    public static func assistant(_ text: String) -> ChatMessage {
        ChatMessage(role: .assistant, parts: [.text(text)])
    }

    /// The text parts joined by newlines.
    public var text: String {
        parts.compactMap { if case .text(let text) = $0 { text } else { nil } }.joined(separator: "\n")
    }
}

/// A piece of message content.
public enum ContentPart: Sendable, Hashable {
    /// Plain text.
    case text(String)
    /// An encoded image (PNG, JPEG, ...), sent inline.
    case image(ImageContent)
}

/// Image bytes and their media type.
public struct ImageContent: Sendable, Hashable {
    /// The encoded image.
    public var data: Data
    /// The media type, for example `image/png`.
    public var mimeType: String

    /// Creates image content.
    public init(data: Data, mimeType: String) {
        self.data = data
        self.mimeType = mimeType
    }

    /// The bytes in base64.
    public var base64: String {
        data.base64EncodedString()
    }

    /// A `data:` URL carrying the image.
    public var dataURL: String {
        "data:\(mimeType);base64,\(base64)"
    }
}

/// Structured output: the JSON Schema the answer should follow.
public struct ResponseSchema: Sendable, Hashable {
    /// A short identifier for the schema (OpenAI's `json_schema.name`, Anthropic's tool name).
    public var name: String
    /// The JSON Schema.
    public var schema: JSONValue
    /// Ask for strict adherence where the provider supports it (OpenAI `strict`). Strict mode only accepts
    /// schemas where every property is required and `additionalProperties` is false.
    public var strict: Bool

    /// Creates a response schema. `name` may contain only letters, digits, `_` and `-`.
    public init(name: String = "extraction", schema: JSONValue, strict: Bool = false) {
        self.name = name
        self.schema = schema
        self.strict = strict
    }
}
