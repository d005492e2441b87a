import ExtractCore
import JSONCore
import JSONSchema
import ModelClients
import Provenance

/// One request for the whole schema per chunk of evidence, then repairs that name the failing paths only.
struct WholeDocumentSynthesizer {
    let model: MeteredModel
    let schema: JSONSchema
    let fields: [SchemaField]
    let options: SynthesisOptions
    let normalizer: AnswerNormalizer

    struct Outcome {
        var value: JSONValue?
        var errors: [String]
        var attempts: Int
        var diagnostics: [Diagnostic]
    }

    func run(_ evidence: EvidenceText) async throws -> Outcome {
        let chunks = evidence.chunks(maximumCharacters: options.maxEvidenceCharacters)
        var diagnostics: [Diagnostic] = []
        if chunks.count > 1 {
            let ranges = chunks.map { chunk in
                let pages = chunk.pages
                return pages.count == 1 ? "\(pages[0])" : "\(pages.first ?? 0)-\(pages.last ?? 0)"
            }
            diagnostics.append(Diagnostic(
                .note, code: "synthesis.split",
                "the evidence is longer than one request may carry (\(options.maxEvidenceCharacters) characters): "
                    + "asked in \(chunks.count) parts (pages \(ranges.joined(separator: ", "))) and merged"
            ))
        }
        var answers: [JSONValue] = []
        var attempts = 0
        var lastErrors: [String] = []
        for chunk in chunks {
            let outcome = try await ask(chunk.rendered)
            attempts += outcome.attempts
            if let value = outcome.value { answers.append(value) } else { lastErrors = outcome.errors }
        }
        guard !answers.isEmpty else {
            return Outcome(value: nil, errors: lastErrors, attempts: attempts, diagnostics: diagnostics)
        }
        let merged = answers.dropFirst().reduce(answers[0]) { AnswerMerger.merge($0, $1) }
        let result = schema.validate(merged)
        if result.isValid {
            return Outcome(value: merged, errors: [], attempts: attempts, diagnostics: diagnostics)
        }
        // Parts that each validated can disagree once merged (an array grown past maxItems …): keep the first.
        diagnostics.append(Diagnostic(
            .warning, code: "synthesis.merge-invalid",
            "the merged answer did not validate (\(result.errors.first.map(\.description) ?? "")); "
                + "the answer from the first part is used"
        ))
        return Outcome(value: answers[0], errors: [], attempts: attempts, diagnostics: diagnostics)
    }

    /// Asks for one chunk until the answer validates or the attempts run out.
    private func ask(_ evidence: String) async throws -> Outcome {
        var messages: [ChatMessage] = [
            .system(PromptBuilder.systemWhole),
            .user(PromptBuilder.wholeDocument(schema: schema.document, fields: fields, evidence: evidence)),
        ]
        var errors: [String] = []
        var diagnostics: [Diagnostic] = []
        for attempt in 1...max(1, options.maxAttempts) {
            let response = try await model.complete(ChatRequest(
                messages: messages, responseSchema: ResponseSchema(schema: schema.document),
                temperature: options.temperature, maxOutputTokens: options.maxOutputTokens
            ))
            let answer: JSONValue
            do {
                answer = try JSONValue(parsing: AnswerText.jsonPart(of: response.text))
            } catch {
                let cut = response.finishReason == .length ? " (cut off at the output token limit)" : ""
                errors = ["the answer is not JSON\(cut): \(error)"]
                messages.append(.assistant(response.text))
                messages.append(.user(PromptBuilder.repair(errors: errors)))
                continue
            }
            let (normalized, _) = normalizer.normalize(AnswerText.withoutLineIDs(answer))
            let result = schema.validate(normalized)
            if result.isValid {
                if attempt > 1 {
                    diagnostics.append(Diagnostic(
                        .note, code: "synthesis.repaired", "the answer validated after \(attempt) attempts"
                    ))
                }
                return Outcome(value: normalized, errors: [], attempts: attempt, diagnostics: diagnostics)
            }
            errors = Array(Set(result.errors.map(\.description))).sorted().prefix(20).map { $0 }
            messages.append(.assistant(normalized.serialized()))
            messages.append(.user(PromptBuilder.repair(errors: errors)))
        }
        return Outcome(value: nil, errors: errors, attempts: max(1, options.maxAttempts), diagnostics: diagnostics)
    }
}
