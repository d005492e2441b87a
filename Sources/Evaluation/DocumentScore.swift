import Foundation
import JSONCore
import JSONSchema

/// One document's evaluation: the extraction's outcome, every unit's score and the document's metrics.
public struct DocumentScore: Sendable, Codable, Hashable {
    /// The PDF.
    public var file: String
    /// The ground truth.
    public var expectedFile: String
    /// The schema.
    public var schemaFile: String
    /// `success`, `partial`, `failure` or `error`.
    public var status: String
    /// Whether the output exists and validates against the schema (checked again here, independently).
    public var schemaValid: Bool
    /// Errors of a failed extraction (at most 5).
    public var errors: [String]
    /// Wall-clock seconds.
    public var seconds: Double
    /// Prompt tokens.
    public var inputTokens: Int
    /// Generated tokens.
    public var outputTokens: Int
    /// Model calls.
    public var modelCalls: Int
    /// Whether evidence recall was measured (the evidence was available).
    public var evidenceMeasured: Bool
    /// The metrics over ``fields``.
    public var metrics: Metrics
    /// Every unit's outcome.
    public var fields: [FieldOutcome]
    /// The row matching of every `line-items` array.
    public var tables: [RowScore]

    /// Scores `prediction` for `entry` against `expected` under `schema`.
    ///
    /// - Parameter marks: the corpus's marks of which values are printed (``PrintedMarks``), when it has them.
    public init(
        entry: DatasetEntry, schema: JSONValue, expected: JSONValue, prediction: Prediction, scorer: DocumentScorer,
        marks: PrintedMarks? = nil
    ) {
        file = entry.pdf
        expectedFile = entry.expected
        schemaFile = entry.schema
        status = prediction.status
        if let value = prediction.value, let validator = try? JSONSchema(schema) {
            schemaValid = validator.isValid(value)
        } else {
            schemaValid = false
        }
        errors = Array(prediction.errors.prefix(5))
        seconds = prediction.seconds
        inputTokens = prediction.inputTokens
        outputTokens = prediction.outputTokens
        modelCalls = prediction.modelCalls
        evidenceMeasured = prediction.evidence != nil
        var scorer = scorer
        scorer.absenceIsGroundTruth = entry.absenceIsGroundTruth
        scorer.document = entry.pdf
        let scored = scorer.score(
            predicted: prediction.value, expected: expected, needsReview: prediction.needsReview,
            evidence: prediction.evidence.map { EvidenceCheck(evidence: $0) }, marks: marks
        )
        fields = scored.fields
        tables = scored.tables
        metrics = Metrics(scored.fields)
    }
}
