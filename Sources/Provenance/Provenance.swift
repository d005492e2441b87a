/// Deterministic, model-free parts of synthesis that keep a weak model's output honest and useful.
///
/// - ``ValueNormalizer``: raw text → the value a schema property asks for (ISO dates, exact numbers, enum
///   members, booleans, clean strings), or `nil`.
/// - ``SchemaFields``: a JSON Schema → its leaf fields (``SchemaField``).
/// - ``EvidenceIndex``: the document's words indexed once; shared by the two below.
/// - ``EvidenceLocator``: a value → where it is printed (``EvidenceMatch``: page, box, source, kind, quality).
/// - ``FieldConfidence``: a match → confidence 0…1 and `needs_review`.
/// - ``CandidateFinder``: a field → ranked ``Candidate`` values found next to labels and by type scans.
/// - ``ProvenanceAssessor``: a whole result → one ``FieldProvenance`` per leaf.
///
/// Everything here depends only on `ExtractCore` evidence and `JSONCore` values.
public enum ProvenanceModule {
    /// The version of the deterministic synthesis helpers; part of cache keys that depend on them.
    public static let version = "1"
}
