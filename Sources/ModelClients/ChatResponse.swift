import Foundation
import JSONCore

/// A model's answer with its accounting.
public struct ChatResponse: Sendable {
    /// The answer text. With a ``ResponseSchema`` this is the JSON document (for Anthropic, the forced
    /// tool call's input serialized as JSON).
    public var text: String
    /// Why generation stopped.
    public var finishReason: FinishReason
    /// Tokens read and written, as reported by the provider (0 when it reported none).
    public var usage: TokenUsage
    /// Wall time of the successful attempt.
    public var latency: Duration
    /// The model that answered, as reported by the provider (or the requested one).
    public var model: String
    /// How many HTTP attempts the call took (1 without retries).
    public var attempts: Int
    /// Estimated cost of the successful attempt in US dollars, from the client's ``PriceTable``.
    public var costUSD: Double

    /// Creates a response.
    public init(
        text: String, finishReason: FinishReason, usage: TokenUsage, latency: Duration, model: String,
        attempts: Int = 1, costUSD: Double = 0
    ) {
        self.text = text
        self.finishReason = finishReason
        self.usage = usage
        self.latency = latency
        self.model = model
        self.attempts = attempts
        self.costUSD = costUSD
    }

    /// Parses ``text`` as JSON, tolerating a Markdown code fence around it.
    public func json() throws -> JSONValue {
        var body = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if body.hasPrefix("```") {
            if let newline = body.firstIndex(of: "\n") { body = String(body[body.index(after: newline)...]) }
            if body.hasSuffix("```") { body = String(body.dropLast(3)) }
        }
        return try JSONValue(parsing: body)
    }
}

/// Why a model stopped generating.
public enum FinishReason: Sendable, Hashable, CustomStringConvertible {
    /// A natural end (or the forced tool call completed).
    case stop
    /// The output token limit was reached; the answer is probably cut off.
    case length
    /// The provider's safety filter stopped the answer.
    case contentFilter
    /// A provider-specific reason, verbatim.
    case other(String)

    public var description: String {
        switch self {
        case .stop: "stop"
        case .length: "length"
        case .contentFilter: "content_filter"
        case .other(let reason): reason
        }
    }
}

/// Token counts of one call.
public struct TokenUsage: Sendable, Hashable {
    /// Prompt tokens.
    public var input: Int
    /// Generated tokens.
    public var output: Int

    /// Creates a usage record.
    public init(input: Int, output: Int) {
        self.input = input
        self.output = output
    }

    /// Input plus output.
    public var total: Int { input + output }
}
