import Foundation
import JSONCore

/// One HTTP attempt of a model call, as written to the run log (one JSON object per line).
///
/// Fields in the JSON line: `time`, `provider`, `model`, `host`, `attempt`, `status` (null without a
/// response), `latency_ms`, `input_tokens`, `output_tokens`, `cost_usd`, `outcome`, `finish_reason`
/// (successes) and `error` (failures; never contains a key).
public struct ModelCallRecord: Sendable, Hashable {
    /// How an attempt ended.
    public enum Outcome: String, Sendable, Hashable {
        /// The answer was received and decoded.
        case ok
        /// The attempt failed and another one follows.
        case retry
        /// The attempt failed and the call failed with it.
        case error
        /// The task was cancelled during the attempt.
        case cancelled
        /// The budget refused the attempt; nothing was sent.
        case budgetExhausted = "budget_exhausted"
    }

    /// When the attempt started.
    public var time: Date
    /// The provider name.
    public var provider: String
    /// The model name.
    public var model: String
    /// The host called.
    public var host: String
    /// Attempt number within the call, from 1.
    public var attempt: Int
    /// The HTTP status, or `nil` when no response arrived.
    public var status: Int?
    /// Wall time of the attempt.
    public var latencyMilliseconds: Int
    /// Prompt tokens reported.
    public var inputTokens: Int
    /// Generated tokens reported.
    public var outputTokens: Int
    /// Estimated cost in US dollars.
    public var costUSD: Double
    /// How the attempt ended.
    public var outcome: Outcome
    /// The finish reason of a successful attempt.
    public var finishReason: String?
    /// A short, key-free description of the failure.
    public var error: String?

    /// Creates a record.
    public init(
        time: Date, provider: String, model: String, host: String, attempt: Int, status: Int?,
        latencyMilliseconds: Int, inputTokens: Int = 0, outputTokens: Int = 0, costUSD: Double = 0,
        outcome: Outcome, finishReason: String? = nil, error: String? = nil
    ) {
        self.time = time
        self.provider = provider
        self.model = model
        self.host = host
        self.attempt = attempt
        self.status = status
        self.latencyMilliseconds = latencyMilliseconds
        self.inputTokens = inputTokens
        self.outputTokens = outputTokens
        self.costUSD = costUSD
        self.outcome = outcome
        self.finishReason = finishReason
        self.error = error
    }

    /// The record as a JSON object with the documented field names.
    public var jsonValue: JSONValue {
        var object: JSONObject = [:]
        object["time"] = .string(ModelCallRecord.timestamp(time))
        object["provider"] = .string(provider)
        object["model"] = .string(model)
        object["host"] = .string(host)
        object["attempt"] = .number(JSONNumber(attempt))
        object["status"] = status.map { .number(JSONNumber($0)) } ?? .null
        object["latency_ms"] = .number(JSONNumber(latencyMilliseconds))
        object["input_tokens"] = .number(JSONNumber(inputTokens))
        object["output_tokens"] = .number(JSONNumber(outputTokens))
        object["cost_usd"] = .number(JSONNumber(exactly: costUSD) ?? JSONNumber(0))
        object["outcome"] = .string(outcome.rawValue)
        if let finishReason { object["finish_reason"] = .string(finishReason) }
        if let error { object["error"] = .string(error) }
        return .object(object)
    }

    /// The record as one line of JSON, without the newline.
    public var jsonLine: String {
        jsonValue.serialized()
    }

    private static func timestamp(_ date: Date) -> String {
        var style = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
        style.timeZone = TimeZone(identifier: "UTC")!
        return date.formatted(style)
    }
}
