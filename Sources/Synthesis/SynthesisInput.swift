import ExtractCore
import Foundation
import JSONCore

/// What synthesis works from: the document's evidence and the user's schema.
public struct SynthesisInput: CacheKeyed {
    /// Everything the evidence stages read.
    public var evidence: DocumentEvidence
    /// The user's JSON Schema, already checked against the draft 2020-12 meta-schema.
    public var schema: JSONValue

    /// Creates an input.
    public init(evidence: DocumentEvidence, schema: JSONValue) {
        self.evidence = evidence
        self.schema = schema
    }

    /// The schema in canonical form (sorted keys) and the evidence's own cache key (document digest, pages,
    /// stage versions and options) — or, for evidence built by hand, its content: a changed schema or a page
    /// read differently makes a new key; the same ones reuse the cached answer.
    public var cacheKeyMaterial: String {
        if let key = evidence.cacheKey {
            return "schema:\(schema.serialized(sortedKeys: true))\nevidence:\(key)"
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let evidenceText = (try? encoder.encode(evidence.pages)).map { String(decoding: $0, as: UTF8.self) } ?? ""
        return "schema:\(schema.serialized(sortedKeys: true))\nevidence:\(evidenceText)"
    }
}
