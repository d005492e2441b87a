import ExtractCore
import JSONCore
import Provenance

/// Whether an expected value is printed, normalised, anywhere in the evidence a model was given: the
/// ceiling of what any model could extract. Uses ``Provenance/EvidenceLocator``: an exact or normalised
/// match counts (a number or date printed another way); a fuzzy one counts only for `fuzzy` fields.
public struct EvidenceCheck: Sendable {
    private let locator: EvidenceLocator

    /// Indexes `evidence`.
    public init(evidence: DocumentEvidence) {
        locator = EvidenceLocator(evidence: evidence, normalizer: ValueNormalizer(dateOrder: .dayFirst))
    }

    /// Whether `expected` (the ground truth of `field`) is printed in the evidence.
    public func contains(_ expected: JSONValue, field: ScoredField, rule: CompareRule) -> Bool {
        var value = expected
        if case .kleister = rule, let text = expected.stringValue {
            value = .string(text.replacingOccurrences(of: "_", with: " "))
        }
        let types = field.schema["type"]?.stringValue.map { [$0] }
            ?? field.schema["type"]?.arrayValue?.compactMap(\.stringValue) ?? ["string"]
        let schemaField = SchemaField(
            path: field.path.isEmpty ? ["value"] : field.path, types: types.filter { $0 != "null" },
            format: field.schema["format"]?.stringValue
        )
        guard let match = locator.locate(value, field: schemaField) else { return false }
        if case .fuzzy = rule { return true }
        return match.kind != .fuzzy
    }
}
