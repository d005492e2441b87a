/// How a report differs from a baseline report: every summary metric, every field's accuracy and every
/// document's accuracy (current − baseline; nil when either side has no value).
public struct BaselineComparison: Sendable, Codable, Hashable {
    /// One metric on both sides.
    public struct Delta: Sendable, Codable, Hashable {
        /// The metric, field pointer or document.
        public var name: String
        /// The baseline's value.
        public var baseline: Double?
        /// This run's value.
        public var current: Double?
        /// current − baseline.
        public var delta: Double?

        init(_ name: String, _ baseline: Double?, _ current: Double?) {
            self.name = name
            self.baseline = baseline
            self.current = current
            delta = baseline.flatMap { old in current.map { $0 - old } }
        }
    }

    /// The baseline file.
    public var file: String
    /// Summary metrics.
    public var summary: [Delta]
    /// Accuracy per field pointer present on either side.
    public var fields: [Delta]
    /// Accuracy per document present on either side.
    public var documents: [Delta]

    /// Compares `current` with `baseline`.
    public init(file: String, baseline: EvaluationReport, current: EvaluationReport) {
        self.file = file
        summary = Self.summaryRows(baseline.summary).indices.map { index in
            let old = Self.summaryRows(baseline.summary)[index]
            let new = Self.summaryRows(current.summary)[index]
            return Delta(old.0, old.1, new.1)
        }
        let oldFields = Self.lookup(baseline.fields.map { ($0.pointer, $0.metrics.accuracy) })
        let newFields = Self.lookup(current.fields.map { ($0.pointer, $0.metrics.accuracy) })
        let fieldNames = current.fields.map(\.pointer) + baseline.fields.map(\.pointer).filter { newFields[$0] == nil }
        fields = fieldNames.map { Delta($0, oldFields[$0] ?? nil, newFields[$0] ?? nil) }
        let oldDocuments = Self.lookup(baseline.documents.map { ($0.file, $0.metrics.accuracy) })
        let newDocuments = Self.lookup(current.documents.map { ($0.file, $0.metrics.accuracy) })
        let documentNames = current.documents.map(\.file)
            + baseline.documents.map(\.file).filter { newDocuments[$0] == nil }
        documents = documentNames.map { Delta($0, oldDocuments[$0] ?? nil, newDocuments[$0] ?? nil) }
    }

    private static func lookup(_ pairs: [(String, Double?)]) -> [String: Double?] {
        Dictionary(pairs, uniquingKeysWith: { first, _ in first })
    }

    /// The summary metrics compared, in report order.
    static func summaryRows(_ summary: EvaluationReport.Summary) -> [(String, Double?)] {
        [
            ("accuracy", summary.metrics.accuracy),
            ("schema_valid_rate", summary.schemaValidRate),
            ("fabrication_rate", summary.metrics.fabricationRate),
            ("review_precision", summary.metrics.reviewPrecision),
            ("review_recall", summary.metrics.reviewRecall),
            ("evidence_recall", summary.metrics.evidenceRecall),
            ("printed_evidence_recall", summary.metrics.printedEvidenceRecall),
            ("row_precision", summary.rowPrecision),
            ("row_recall", summary.rowRecall),
            ("mean_seconds", summary.meanSeconds),
            ("input_tokens", Double(summary.inputTokens)),
            ("output_tokens", Double(summary.outputTokens)),
        ]
    }
}
