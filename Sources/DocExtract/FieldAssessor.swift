import ExtractCore
import JSONCore
import Provenance

/// Locates every leaf of an answer in the evidence and scores how much to trust it.
struct FieldAssessor {
    let evidence: DocumentEvidence
    let fields: [SchemaField]
    let threshold: Double
    /// `evidence`'s index when synthesis already built it.
    var sharedIndex: SharedEvidenceIndex? = nil

    func assess(_ value: JSONValue?, origins: [String: String]) -> [ExtractionResult.Field] {
        guard let value else { return [] }
        let locator = sharedIndex?.index(normalizer: ValueNormalizer()).map { EvidenceLocator(index: $0) }
            ?? EvidenceLocator(evidence: evidence)
        let confidence = FieldConfidence(threshold: threshold)
        return value.leaves().map { pointer, leaf in
            let field = fields.first { Self.matches($0.pointer, pointer) }
            let match = leaf.isNull ? nil : locator.locate(leaf, field: field)
            let assessment = confidence.assess(value: leaf, match: match)
            let origin = origins[pointer] ?? origins[Self.arrayPointer(pointer)] ?? "model"
            // A value the deterministic finder had to supply because the model declined is always reviewed.
            let review = assessment.needsReview || origin == "fallback"
            return ExtractionResult.Field(
                pointer: pointer, value: leaf, confidence: assessment.confidence, needsReview: review,
                origin: origin,
                provenance: match.map { match in
                    ExtractionResult.Location(
                        page: match.page, box: match.box,
                        source: match.pageHasBothSources ? "both" : match.source.rawValue,
                        match: match.kind.rawValue, text: match.text
                    )
                }
            )
        }
    }

    /// Whether a schema field pointer (`*` for array indices) stands for an instance pointer.
    static func matches(_ pattern: String, _ pointer: String) -> Bool {
        let a = pattern.split(separator: "/", omittingEmptySubsequences: false)
        let b = pointer.split(separator: "/", omittingEmptySubsequences: false)
        return a.count == b.count && zip(a, b).allSatisfy { $0 == "*" ? Int($1) != nil : $0 == $1 }
    }

    /// The pointer of the array a row value belongs to (`/lines/2/amount` → `/lines`).
    static func arrayPointer(_ pointer: String) -> String {
        let parts = pointer.split(separator: "/").map(String.init)
        guard let index = parts.firstIndex(where: { Int($0) != nil }) else { return pointer }
        return "/" + parts[..<index].joined(separator: "/")
    }
}
