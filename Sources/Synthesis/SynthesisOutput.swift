import ExtractCore
import JSONCore

/// What synthesis produced: a value that validates against the schema, or the reason there is none.
public struct SynthesisOutput: Sendable, Hashable, Codable {
    /// The answer; `nil` when no valid answer could be produced.
    public var value: JSONValue?
    /// The validation errors of the last answer, when it did not validate (`/path: message`).
    public var errors: [String]
    /// Answers requested (first asks and repairs), over all fields or chunks.
    public var attempts: Int
    /// Model calls made, tokens and estimated cost.
    public var usage: Usage
    /// How each leaf value was decided, by JSON Pointer: `model`, `candidate` (a clear best candidate, taken
    /// without asking), `fallback` (the best candidate after the model declined a required field), `null`
    /// (nothing found), `repaired`.
    public var origins: [String: String]
    /// What synthesis wants the user to know (repairs, splits, values dropped as not in the evidence).
    public var diagnostics: [Diagnostic]

    /// Model usage of one synthesis.
    public struct Usage: Sendable, Hashable, Codable {
        /// Model calls, retries included.
        public var calls = 0
        /// Prompt tokens.
        public var inputTokens = 0
        /// Generated tokens.
        public var outputTokens = 0
        /// Estimated cost in US dollars (0 for the local model).
        public var costUSD = 0.0

        /// No usage.
        public init() {}
    }

    /// Whether there is a value (it validates: synthesis never returns an invalid one as a value).
    public var isValid: Bool { value != nil }
}
