import Foundation

/// The result of `extract eval`: the summary over all documents, per-field figures, every document's
/// scores and, when a baseline was given, the differences to it. Written as JSON (snake_case keys).
public struct EvaluationReport: Sendable, Codable {
    /// Figures over the whole dataset.
    public struct Summary: Sendable, Codable, Hashable {
        /// Documents evaluated.
        public var documents: Int
        /// Documents whose output validates against their schema.
        public var schemaValid: Int
        /// schemaValid / documents.
        public var schemaValidRate: Double?
        /// Field metrics summed over all documents (micro averages).
        public var metrics: Metrics
        /// Rows correct / predicted, over every `line-items` array.
        public var rowPrecision: Double?
        /// Rows correct / expected, over every `line-items` array.
        public var rowRecall: Double?
        /// Seconds for all documents.
        public var totalSeconds: Double
        /// Mean seconds per document.
        public var meanSeconds: Double?
        /// Prompt tokens, all documents.
        public var inputTokens: Int
        /// Generated tokens, all documents.
        public var outputTokens: Int
    }

    /// One unit's figures over every document that has it.
    public struct FieldSummary: Sendable, Codable, Hashable {
        /// The unit's pointer (for row fields with `*`).
        public var pointer: String
        /// The rule's name.
        public var rule: String
        /// Documents that have the unit.
        public var documents: Int
        /// The summed metrics.
        public var metrics: Metrics
    }

    /// The dataset list.
    public var dataset: String
    /// Provider and model that extracted.
    public var model: String
    /// When the evaluation ran (ISO 8601).
    public var generatedAt: String
    /// Figures over the whole dataset.
    public var summary: Summary
    /// Per-unit figures, in first-seen order.
    public var fields: [FieldSummary]
    /// Every document.
    public var documents: [DocumentScore]
    /// Differences to a baseline, when one was given.
    public var baseline: BaselineComparison?

    /// Aggregates `documents`.
    /// The ``model`` of a run that read the evidence only (`extract eval --evidence-only`): no model was asked,
    /// so only evidence recall and time are measured.
    public static let evidenceOnlyModel = "none (evidence only)"

    /// Whether this run read the evidence only (see ``evidenceOnlyModel``).
    public var isEvidenceOnly: Bool { model == Self.evidenceOnlyModel }

    public init(dataset: String, model: String, documents: [DocumentScore], generatedAt: Date = Date()) {
        self.dataset = dataset
        self.model = model
        self.generatedAt = ISO8601DateFormatter().string(from: generatedAt)
        self.documents = documents
        let tables = documents.flatMap(\.tables)
        let predictedRows = tables.map(\.predictedRows).reduce(0, +)
        let expectedRows = tables.map(\.expectedRows).reduce(0, +)
        let correctRows = tables.map(\.correctRows).reduce(0, +)
        let seconds = documents.map(\.seconds).reduce(0, +)
        let valid = documents.filter(\.schemaValid).count
        summary = Summary(
            documents: documents.count, schemaValid: valid, schemaValidRate: Metrics.rate(valid, documents.count),
            metrics: Metrics(documents.flatMap(\.fields)),
            rowPrecision: Metrics.rate(correctRows, predictedRows), rowRecall: Metrics.rate(correctRows, expectedRows),
            totalSeconds: seconds, meanSeconds: documents.isEmpty ? nil : seconds / Double(documents.count),
            inputTokens: documents.map(\.inputTokens).reduce(0, +),
            outputTokens: documents.map(\.outputTokens).reduce(0, +)
        )
        var order: [String] = []
        var grouped: [String: [FieldOutcome]] = [:]
        var counts: [String: Int] = [:]
        for outcome in documents.flatMap(\.fields) {
            if grouped[outcome.pointer] == nil { order.append(outcome.pointer) }
            grouped[outcome.pointer, default: []].append(outcome)
            counts[outcome.pointer, default: 0] += 1
        }
        fields = order.map { pointer in
            let outcomes = grouped[pointer]!
            return FieldSummary(
                pointer: pointer, rule: outcomes[0].rule, documents: counts[pointer]!, metrics: Metrics(outcomes)
            )
        }
    }

    /// Encodes the report as pretty JSON with sorted snake_case keys.
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan"
        )
        return try encoder.encode(self)
    }

    /// Reads a report written by ``jsonData()``.
    ///
    /// - Throws: ``EvaluationError`` naming the file when it is unreadable or not a report.
    public static func load(_ path: String) throws(EvaluationError) -> EvaluationReport {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw EvaluationError("\(path): the baseline cannot be read")
        }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan"
        )
        do {
            return try decoder.decode(EvaluationReport.self, from: data)
        } catch {
            throw EvaluationError("\(path): not an `extract eval` report: \(error)")
        }
    }
}
