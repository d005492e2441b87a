import ExtractCore
import JSONCore

/// What an extractor returned for one document, in the terms the scorer needs.
public struct Prediction: Sendable {
    /// The extracted JSON; nil when extraction failed.
    public var value: JSONValue?
    /// `success`, `partial`, `failure`, or `error` when the extractor threw.
    public var status: String
    /// Pointers flagged as needing review.
    public var needsReview: [String]
    /// The evidence the model was given (for evidence recall); nil when unknown.
    public var evidence: DocumentEvidence?
    /// Wall-clock seconds of the extraction.
    public var seconds: Double
    /// Prompt tokens.
    public var inputTokens: Int
    /// Generated tokens.
    public var outputTokens: Int
    /// Model calls.
    public var modelCalls: Int
    /// The error or validation messages, when it failed.
    public var errors: [String]

    /// Creates a prediction.
    public init(
        value: JSONValue?, status: String, needsReview: [String] = [], evidence: DocumentEvidence? = nil,
        seconds: Double = 0, inputTokens: Int = 0, outputTokens: Int = 0, modelCalls: Int = 0, errors: [String] = []
    ) {
        self.value = value
        self.status = status
        self.needsReview = needsReview
        self.evidence = evidence
        self.seconds = seconds
        self.inputTokens = inputTokens
        self.outputTokens = outputTokens
        self.modelCalls = modelCalls
        self.errors = errors
    }
}
