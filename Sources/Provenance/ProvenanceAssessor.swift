import ExtractCore
import JSONCore

/// Locates every leaf of an extraction result in the evidence and scores it: the provenance half of
/// synthesis (issue 5, item 5).
///
/// ```swift
/// let assessor = ProvenanceAssessor(evidence: evidence)
/// let fields = assessor.assess(result, schema: schema)
/// let review = fields.filter(\.needsReview).map(\.pointer)   // → `needs_review`
/// ```
public struct ProvenanceAssessor: Sendable {
    /// The locator (and its index) used.
    public let locator: EvidenceLocator
    /// The confidence rule and threshold.
    public var confidence: FieldConfidence

    /// Creates an assessor over `evidence` (indexing it once).
    public init(evidence: DocumentEvidence, confidence: FieldConfidence = FieldConfidence()) {
        self.init(locator: EvidenceLocator(evidence: evidence), confidence: confidence)
    }

    /// Creates an assessor over an existing locator.
    public init(locator: EvidenceLocator, confidence: FieldConfidence = FieldConfidence()) {
        self.locator = locator
        self.confidence = confidence
    }

    /// One record per leaf value of `result` (strings, numbers, booleans, nulls), in document order. The
    /// schema, when given, tells the locator which fields are dates; leaves it does not describe are still
    /// located.
    public func assess(_ result: JSONValue, schema: JSONValue? = nil) -> [FieldProvenance] {
        var fields: [String: SchemaField] = [:]
        for field in schema.map(SchemaFields.leaves(of:)) ?? [] { fields[field.pointer] = field }
        var records: [FieldProvenance] = []
        walk(result, path: [], template: [], fields: fields, into: &records)
        return records
    }

    private func walk(_ value: JSONValue, path: [String], template: [String], fields: [String: SchemaField],
                      into records: inout [FieldProvenance]) {
        switch value {
        case .object(let object):
            for (key, child) in object {
                walk(child, path: path + [key], template: template + [key], fields: fields, into: &records)
            }
        case .array(let elements):
            for (position, child) in elements.enumerated() {
                walk(child, path: path + [String(position)], template: template + ["*"], fields: fields,
                     into: &records)
            }
        default:
            let pointer = path.isEmpty ? "" : "/" + path.map(SchemaField.escape).joined(separator: "/")
            let templatePointer = template.isEmpty ? "" : "/" + template.map(SchemaField.escape).joined(separator: "/")
            let match = locator.locate(value, field: fields[templatePointer])
            let assessment = confidence.assess(value: value, match: match)
            records.append(FieldProvenance(pointer: pointer, value: value, match: match,
                                           confidence: assessment.confidence, needsReview: assessment.needsReview))
        }
    }
}
