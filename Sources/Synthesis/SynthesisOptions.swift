/// How the synthesis stage asks the model. Every field has a documented default.
public struct SynthesisOptions: Sendable, Hashable {
    /// How the answer is requested.
    public enum Strategy: String, Sendable, Hashable, CaseIterable, Codable {
        /// `fieldByField` for the small local model, `wholeDocument` for every other provider. Default.
        case auto
        /// One request for the whole schema, then repairs of the failing paths only. For capable models.
        case wholeDocument = "whole"
        /// One short request per field, choosing among candidates found in the evidence, or null. For weak
        /// models: each answer is small, constrained, and checked against the evidence.
        case fieldByField = "fields"
    }

    /// How the answer is requested. Default `.auto`.
    public var strategy: Strategy = .auto
    /// Requests per answer before giving up: the first ask plus repairs. Default 3.
    public var maxAttempts: Int = 3
    /// Sampling temperature. Default 0 (the most likely answer; repeatable runs).
    public var temperature: Double = 0
    /// Output token cap for one whole-document answer. Default 1,024.
    public var maxOutputTokens: Int = 1024
    /// Output token cap for one field answer. Default 48.
    public var maxFieldOutputTokens: Int = 48
    /// Field by field: output token cap for one answer listing an array's rows. Default 512: on the dev invoices
    /// the small model filled 1,024 tokens with repeated digits, minutes per answer, and no row survived the
    /// checks.
    public var maxRowsOutputTokens: Int = 512
    /// Evidence characters one request may carry; longer evidence is split by pages and merged. Default
    /// 9,000 (about 2,600 tokens: fits the local model's 4,096-token context with the schema and answer).
    public var maxEvidenceCharacters: Int = 9000
    /// Field by field: a first candidate scoring this much more than the second (or the only one) is taken
    /// without asking the model. Default 0.15: with the evidence read row by row it raised SROIE (5 receipts)
    /// from 25 % to 40 % and AWS from 5 to 8 of 16 fields, against 30 % on SROIE for 0 (never ask); SmolLM2
    /// answered "none" to a lone right candidate. 2 (more than any score gap) always asks.
    public var clearCandidateMargin: Double = 0.15
    /// The most candidates offered for one field. Default 5.
    public var maxCandidates: Int = 5
    /// Items asked for in an array field at most (weak models repeat rows until the token limit). Default 20.
    public var maxArrayItems: Int = 20
    /// Field by field: arrays of objects are read from the document's item table (`LineItemReader`: header labels,
    /// columns, rows) before the model is asked; the model is asked only when no table gives valid rows. Default
    /// true: on the ZUGFeRD dev set the table gave 28 of 39 rows fully right, the small model 0.
    public var readsItemTables: Bool = true

    /// Model tokens (input and output) one document may use; once a document has used them, the next request
    /// fails with `.limitExceeded` instead of being sent. Default 200,000 (`--max-document-tokens`); nil
    /// means no limit. Run-wide limits are `BudgetLimits`.
    public var maxDocumentTokens: Int? = 200_000

    /// The defaults.
    public init() {}

    /// The strategy `auto` resolves to for a provider.
    public func resolvedStrategy(provider: String) -> Strategy {
        guard strategy == .auto else { return strategy }
        return provider == "local" ? .fieldByField : .wholeDocument
    }
}
