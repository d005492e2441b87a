import ExtractCore
import JSONCore
import Provenance

/// Whether an expected value is printed, normalised, anywhere in the evidence a model was given: the
/// ceiling of what any model could extract. Uses ``Provenance/EvidenceLocator``: an exact or normalised
/// match counts (a number or date printed another way); a fuzzy one counts only for `fuzzy` fields, and only
/// when its similarity reaches the field's threshold.
public struct EvidenceCheck: Sendable {
    private let locator: EvidenceLocator

    /// Indexes `evidence`.
    public init(evidence: DocumentEvidence) {
        locator = EvidenceLocator(evidence: evidence, normalizer: ValueNormalizer(dateOrder: .dayFirst))
    }

    /// Whether `expected` (the ground truth of `field`) is printed in the evidence. A field of a row or set
    /// element is located under `parent` (the array's path and `*`), so its name reads in context (a tax
    /// breakdown's `category` is a VAT category, see ``Provenance/CodeList``).
    public func contains(_ expected: JSONValue, field: ScoredField, rule: CompareRule, under parent: [String] = [])
        -> Bool {
        var value = expected
        if case .kleister = rule, let text = expected.stringValue {
            value = .string(text.replacingOccurrences(of: "_", with: " "))
        }
        let types = field.schema["type"]?.stringValue.map { [$0] }
            ?? field.schema["type"]?.arrayValue?.compactMap(\.stringValue) ?? ["string"]
        let path = parent + field.path
        let schemaField = SchemaField(
            path: path.isEmpty ? ["value"] : path, description: field.schema["description"]?.stringValue,
            title: field.schema["title"]?.stringValue, types: types.filter { $0 != "null" },
            format: field.schema["format"]?.stringValue,
            enumValues: field.schema["enum"]?.arrayValue?.filter { !$0.isNull },
            pattern: field.schema["pattern"]?.stringValue, isInArray: parent.contains("*"), schema: field.schema
        )
        // A fuzzy match counts only for a `fuzzy` field, and only as similar as the field's own threshold asks:
        // the locator's floor (0.8) is not the schema's (0.85 or 0.9 for names and addresses, 0.7 elsewhere).
        if case .fuzzy(let threshold) = rule {
            let locator = threshold < self.locator.fuzzyThreshold
                ? EvidenceLocator(index: self.locator.index, fuzzyThreshold: threshold) : self.locator
            return locator.matches(for: value, field: schemaField).contains {
                $0.kind != .fuzzy || $0.quality >= threshold
            }
        }
        return locator.matches(for: value, field: schemaField).contains { $0.kind != .fuzzy }
    }
}
