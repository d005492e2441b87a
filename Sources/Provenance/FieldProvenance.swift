import JSONCore

/// Where one leaf value of an extraction result came from, and how much to trust it.
public struct FieldProvenance: Sendable, Hashable {
    /// JSON Pointer to the value in the result, with real array indices (`/line_items/2/amount`).
    public var pointer: String
    /// The value as in the result.
    public var value: JSONValue
    /// The best place it is printed, or `nil` when it is found nowhere (or is `null`).
    public var match: EvidenceMatch?
    /// Confidence 0…1 (see ``FieldConfidence``).
    public var confidence: Double
    /// Whether the confidence is below the review threshold.
    public var needsReview: Bool

    /// Creates a provenance record.
    public init(pointer: String, value: JSONValue, match: EvidenceMatch?, confidence: Double, needsReview: Bool) {
        self.pointer = pointer
        self.value = value
        self.match = match
        self.confidence = confidence
        self.needsReview = needsReview
    }
}
