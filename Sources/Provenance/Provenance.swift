/// Deterministic, model-free parts of synthesis: value normalisation, evidence location, confidence and
/// candidate values for schema fields.
///
/// Everything in this module works on ``ExtractCore`` evidence and ``JSONCore`` values only, so a weak
/// language model's output can be checked against what the document actually prints.
public enum ProvenanceModule {
    /// The version of the deterministic synthesis helpers; part of cache keys that depend on them.
    public static let version = "1"
}
