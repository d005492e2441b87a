import ExtractCore
import JSONCore
import JSONSchema
import ModelClients
import Provenance

/// Merges a document's evidence into JSON that validates against the user's schema, with a language model.
///
/// The answer is normalised (dates, numbers, enums), validated with our own validator and, when it fails,
/// repaired by asking again about the failing paths only, within ``SynthesisOptions/maxAttempts`` and the
/// model budget. The output is either a value that validates or no value with the last errors — never an
/// invalid value presented as an answer.
public struct SynthesisStage: Stage {
    private let model: any LanguageModel
    /// How the model is asked.
    public let options: SynthesisOptions
    private let normalizer: ValueNormalizer
    private let sharedIndex: SharedEvidenceIndex?

    /// A stage asking `model`.
    ///
    /// - Parameter sharedIndex: the index of the evidence this stage will be given, to use instead of building
    ///   one (the caller then reuses it for provenance); it must index that very evidence.
    public init(model: any LanguageModel, options: SynthesisOptions = SynthesisOptions(),
                normalizer: ValueNormalizer = ValueNormalizer(), sharedIndex: SharedEvidenceIndex? = nil) {
        self.model = model
        self.options = options
        self.normalizer = normalizer
        self.sharedIndex = sharedIndex
    }

    /// `synthesis` with the model, strategy, limits and prompt version (the schema and evidence are the input).
    public var identity: StageIdentity {
        let descriptor = model.descriptor
        // Version 2: fields typed both string and number get number candidates (amount labels). Version 5: field by
        // field reads the evidence row by row; questions without candidates show the lines with the field's labels.
        // Version 6: optional fields take only candidates found by their labels, not values other fields took.
        // Version 7: fields asking for a currency, country, unit, document-type or VAT-category code get the code
        // of its printed form as a candidate, and answers such as "€" become the code (`CodeList`). Version 8:
        // e-invoice headings (`Handelsrechnung (380) Nr. 471102`), party blocks and postal lines give candidates.
        // Version 9: a label read below a label (`USt.-Id.-Nr.:`, `Date d'échéance`) is no value. Version 19: arrays
        // of objects are read from the item table (`LineItemReader`) before the model is asked. Version 21: values
        // printed under the other party's label (`Käufer-IBAN`) are no optional field's; `buyer_reference` is an
        // identifier (`Leitweg-ID`, not a `GLN` line); a buyer's article-number column gives no line ids. Version
        // 22: a contract's governing law, parties and term come from their clauses; a country from a VAT number's
        // prefix. Version 23: `purchase_order_number` / `order_number` are the order reference, not the invoice
        // number; an optional field whose form names it (IBAN, e-mail, code) with no value of that form printed is
        // left absent without asking. Version 24: a receipt's centred header gives its name below a logo's stray
        // marks and its whole address (lines wider than the name, registration numbers and a date skipped).
        // Version 25: an OCR top line read at under 0.5 confidence is no name; an address holds a number.
        // Version 26: a bracketed registration between name and address is skipped with OCR's stray quotes.
        // Version 27: an amount's label inside a sentence (`GST … included in total RM 1.48`) gives no candidate.
        // Version 28: an optional contract term or governing law no clause states is left absent without asking.
        return StageIdentity(name: "synthesis", version: 28, options: [
            "provider": descriptor.provider,
            "model": descriptor.model,
            "strategy": options.resolvedStrategy(provider: descriptor.provider).rawValue,
            "max_attempts": String(options.maxAttempts),
            "temperature": String(options.temperature),
            "max_tokens": "\(options.maxOutputTokens)/\(options.maxFieldOutputTokens)/\(options.maxRowsOutputTokens)",
            "evidence_chars": String(options.maxEvidenceCharacters),
            "candidates": String(options.maxCandidates),
            "clear_margin": String(options.clearCandidateMargin),
            "array_items": String(options.maxArrayItems),
            "item_tables": String(options.readsItemTables),
            "prompt": String(PromptBuilder.version),
            "date_order": normalizer.dateOrder.rawValue,
        ])
    }

    public func run(_ input: SynthesisInput) async throws -> SynthesisOutput {
        let schema: JSONSchema
        do {
            schema = try JSONSchema(input.schema)
        } catch {
            throw ExtractError(.invalidSchema, "\(error)")
        }
        let fields = SchemaFields.leaves(of: input.schema)
        let metered = MeteredModel(model, documentTokenLimit: options.maxDocumentTokens)
        let answerNormalizer = AnswerNormalizer(fields: fields, normalizer: normalizer)
        switch options.resolvedStrategy(provider: model.descriptor.provider) {
        case .fieldByField:
            // The small model reads rows as printed. The layout's reading order puts a column of labels before the
            // column of their values (invoice2data's QualityHosting: `Rechnungsnr.` 3 lines before `30064443`) and
            // tags every line; invoice2data fell from 19.4 % before the layout merge to 6.5 % after it.
            let outcome = try await FieldByFieldSynthesizer(
                model: metered, schema: schema, fields: fields, options: options, normalizer: answerNormalizer,
                valueNormalizer: normalizer
            ).run(
                evidence: input.evidence, text: EvidenceText.rows(input.evidence),
                index: sharedIndex?.index(normalizer: normalizer)
            )
            return SynthesisOutput(
                value: outcome.value, errors: outcome.errors, attempts: outcome.attempts, usage: metered.usage,
                origins: outcome.origins, diagnostics: outcome.diagnostics
            )
        case .wholeDocument, .auto:
            let outcome = try await WholeDocumentSynthesizer(
                model: metered, schema: schema, fields: fields, options: options, normalizer: answerNormalizer
            ).run(EvidenceText(input.evidence))
            var origins: [String: String] = [:]
            if let value = outcome.value {
                for leaf in value.leaves() { origins[leaf.pointer] = leaf.value.isNull ? "null" : "model" }
            }
            return SynthesisOutput(
                value: outcome.value, errors: outcome.errors, attempts: outcome.attempts, usage: metered.usage,
                origins: origins, diagnostics: outcome.diagnostics
            )
        }
    }
}
