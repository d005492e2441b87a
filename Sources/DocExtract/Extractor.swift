import ExtractCore
import Foundation
import JSONCore
import JSONSchema
import ModelClients
import PopplerStage
import Provenance
import StageCache
import Synchronization
import Synthesis

/// Turns a PDF and a JSON Schema into JSON that validates against the schema, with where each value came from.
///
/// ```swift
/// let extractor = try Extractor(configuration: ExtractorConfiguration())
/// defer { extractor.close() }
/// let result = try await extractor.extract(pdfAt: "invoice.pdf", schema: schema)
/// print(result.value?.serialized(pretty: true) ?? "no valid answer: \(result.errors)")
/// ```
///
/// Every page is read from its text layer, and OCR'd when the text layer is missing or broken; a language
/// model merges the evidence into the schema; the answer is validated, repaired or reported as a failure —
/// never returned invalid. Each value is then located in the evidence (page, box, source) and given a
/// confidence; low ones are listed for review. Every stage's output is cached on disk, so nothing is read or
/// paid for twice. One extractor can run many documents; it keeps its OCR engines and model server warm.
public final class Extractor: Sendable {
    /// The configuration, fixed for the extractor's lifetime.
    public let configuration: ExtractorConfiguration
    private let reader: EvidenceReader
    private let cache: (any CacheStore)?
    private let events = EventLog()
    private let warnings = DiagnosticCollector()
    private let budget: RunBudget?
    private let callLog: (any ModelCallLog)?
    private let model: Mutex<(any LanguageModel)?> = Mutex(nil)

    /// Creates an extractor. Nothing slow happens here: OCR engines load on first use and the local model
    /// server starts with the first synthesis.
    ///
    /// - Throws: `ExtractError` for an unusable option (OCR language not installed, cache folder not writable,
    ///   model call log not writable).
    public init(configuration: ExtractorConfiguration = ExtractorConfiguration()) throws {
        self.configuration = configuration
        let warnings = self.warnings
        let cache: (any CacheStore)? = try configuration.cacheDirectory.map {
            try DiskCache(root: $0, warn: { warnings.emit($0) })
        }
        self.cache = cache
        let recorder = events
        let limits = configuration.budget
        budget = limits.maxCalls == nil && limits.maxTokens == nil && limits.maxCostUSD == nil
            ? nil : RunBudget(limits)
        if let url = configuration.modelCallLog {
            do {
                callLog = try JSONLinesCallLog(url: url)
            } catch {
                throw ExtractError(.invalidOption, "cannot write the model call log \(url.path): \(error)")
            }
        } else {
            callLog = nil
        }
        var vision: (any LanguageModel)?
        if configuration.evidence.layout == .vision {
            guard let choice = configuration.visionModel else {
                throw ExtractError(
                    .invalidOption,
                    "layout 'vision' needs a vision model: no offline one is available, so name a provider with "
                        + "--vision-provider openai|anthropic|gemini and --vision-model, or use --layout local"
                )
            }
            if case .local = choice {
                throw ExtractError(
                    .invalidOption,
                    "the bundled local model cannot read images: use --vision-provider openai|anthropic|gemini "
                        + "(any OpenAI-compatible server with a vision model works), or --layout local"
                )
            }
            vision = DeferredModel(choice, configuration: ModelClientConfiguration(
                budget: budget, callLog: callLog, connectTimeout: configuration.connectTimeout,
                timeout: configuration.callTimeout
            ))
        }
        reader = try EvidenceReader(
            options: configuration.evidence, cache: cache, observe: { recorder.append($0) },
            warn: { warnings.emit($0) }, visionModel: vision
        )
    }

    /// Stops the worker threads (joining them) and the local model server this extractor started.
    /// Call it before the process exits.
    public func close() {
        reader.close()
    }

    /// Extracts `schema`'s fields from the PDF at `path`.
    ///
    /// - Parameters:
    ///   - path: the PDF file.
    ///   - schema: a draft 2020-12 JSON Schema (checked against the meta-schema first).
    ///   - password: the password of an encrypted PDF.
    /// - Returns: the result; its ``ExtractionResult/status`` is `.failure` when no valid answer could be made.
    /// - Throws: `ExtractError` when the input cannot be read at all (missing, not a PDF, encrypted …), the
    ///   schema is invalid, the model is unreachable or the budget ran out.
    public func extract(pdfAt path: String, schema: JSONValue, password: String? = nil) async throws
        -> ExtractionResult
    {
        try await extract(.file(path, password: password), schema: schema)
    }

    /// Extracts from any ``PDFSource`` (a path or bytes in memory).
    public func extract(_ source: PDFSource, schema: JSONValue) async throws -> ExtractionResult {
        try await run(source, schema: schema, returningEvidence: false).result
    }

    /// Reads the evidence of a document — every page's text layer, OCR words and layout, with boxes — without
    /// asking a model. Each page is routed, read and cached exactly as ``extract(_:schema:)`` would, so a later
    /// extraction of the same document reads it from the cache.
    ///
    /// - Throws: `ExtractError` when the input cannot be read (missing, not a PDF, encrypted …).
    public func readEvidence(_ source: PDFSource) async throws -> DocumentEvidence {
        try await reader.read(source)
    }

    /// Extracts like ``extract(_:schema:)`` and also returns the evidence the model was given (every page's
    /// text layer and OCR words with boxes), e.g. to measure whether expected values were readable at all.
    /// The evidence is kept out of ``ExtractionResult`` and its report, which it would dwarf.
    public func extractWithEvidence(_ source: PDFSource, schema: JSONValue) async throws
        -> (result: ExtractionResult, evidence: DocumentEvidence)
    {
        try await run(source, schema: schema, returningEvidence: true)
    }

    /// Extracts; the evidence returned is complete when `returningEvidence`, else it may lack what this run did
    /// not read.
    private func run(_ source: PDFSource, schema: JSONValue, returningEvidence: Bool) async throws
        -> (result: ExtractionResult, evidence: DocumentEvidence)
    {
        try Self.checkSchema(schema)
        let started = ContinuousClock.now
        let eventsBefore = events.count
        let language = try await languageModel()
        // Field-by-field synthesis and provenance read the text layer's and OCR's lines, never the layout: the
        // offline layout analysis runs only when something reads its regions (its table cells were a quarter of
        // the evidence a 200-page statement held in memory during synthesis).
        let readsLayout = returningEvidence
            || configuration.synthesis.resolvedStrategy(provider: language.descriptor.provider) != .fieldByField
        let evidence = try await reader.read(source, localLayout: readsLayout)
        let evidenceDone = ContinuousClock.now

        // One index of the evidence for synthesis and provenance (built when first needed).
        let sharedIndex = SharedEvidenceIndex(evidence: evidence)
        let stage = CachedStage(
            SynthesisStage(model: language, options: configuration.synthesis, sharedIndex: sharedIndex), store: cache,
            observe: { [events] in events.append($0) }, warn: { [warnings] in warnings.emit($0) }
        )
        let synthesis = try await stage.run(SynthesisInput(evidence: evidence, schema: schema))
        let synthesisDone = ContinuousClock.now

        let fields = SchemaFields.leaves(of: schema)
        let scanner = InstructionScanner()
        let suspicious = scanner.scan(evidence)
        let assessed = scanner.flag(FieldAssessor(
            evidence: evidence, fields: fields, threshold: configuration.reviewThreshold, sharedIndex: sharedIndex
        ).assess(synthesis.value, origins: synthesis.origins), findings: suspicious)
        let needsReview = assessed.filter(\.needsReview).sorted { $0.confidence < $1.confidence }.map(\.pointer)
        let runEvents = events.since(eventsBefore)
        let status: ExtractionResult.Status = synthesis.value == nil ? .failure : needsReview.isEmpty ? .success
            : .partial
        let result = ExtractionResult(
            file: source.displayName,
            status: status,
            value: synthesis.value,
            fields: assessed,
            needsReview: needsReview,
            errors: synthesis.errors,
            pages: evidence.pages.map { page in
                ExtractionResult.PageRouting(
                    page: page.number, size: page.size, decision: page.ocrDecision, probe: page.probe,
                    textLayerWords: page.textLayer?.words.count ?? 0, ocrWords: page.ocr?.words.count ?? 0
                )
            },
            diagnostics: evidence.diagnostics + scanner.diagnostics(suspicious) + synthesis.diagnostics
                + warnings.diagnostics,
            usage: ExtractionResult.Usage(
                calls: synthesis.usage.calls, inputTokens: synthesis.usage.inputTokens,
                outputTokens: synthesis.usage.outputTokens, costUSD: synthesis.usage.costUSD,
                model: "\(language.descriptor.provider)/\(language.descriptor.model)", attempts: synthesis.attempts
            ),
            timings: ExtractionResult.Timings(
                evidenceSeconds: Self.seconds(evidenceDone - started),
                synthesisSeconds: Self.seconds(synthesisDone - evidenceDone),
                totalSeconds: Self.seconds(ContinuousClock.now - started),
                peakResidentMiB: Self.peakResidentMiB()
            ),
            cacheHits: runEvents.filter { $0.outcome == .cacheHit }.count,
            stagesExecuted: runEvents.filter { $0.outcome == .executed }.count
        )
        return (result, evidence)
    }

    /// The stage events of every extraction so far (executed, cache hit, failed), in order.
    public var stageEvents: [StageEvent] { events.all }

    /// Reads a schema file and checks it (see ``checkSchema(_:)``).
    ///
    /// - Throws: `ExtractError` `.invalidSchema` (exit 2) naming the file when it is missing, unreadable, not
    ///   JSON or not a valid draft 2020-12 schema.
    public static func loadSchema(atPath path: String) throws -> JSONValue {
        guard let data = FileManager.default.contents(atPath: path) else {
            let exists = FileManager.default.fileExists(atPath: path)
            throw ExtractError(
                .invalidSchema, exists ? "the schema file cannot be read" : "the schema file does not exist",
                path: path
            )
        }
        return try parseSchema(data, path: path)
    }

    /// Parses schema bytes and checks them; `path` names them in errors.
    public static func parseSchema(_ data: Data, path: String) throws -> JSONValue {
        let schema: JSONValue
        do {
            schema = try JSONValue(parsing: data)
        } catch {
            throw ExtractError(.invalidSchema, "the schema is not JSON: \(error)", path: path)
        }
        do {
            try checkSchema(schema)
        } catch var error as ExtractError {
            error.path = path
            throw error
        }
        return schema
    }

    /// Checks a schema against the draft 2020-12 meta-schema before any stage runs.
    ///
    /// - Throws: `ExtractError` `.invalidSchema` naming every problem.
    public static func checkSchema(_ schema: JSONValue) throws {
        do {
            _ = try JSONSchema(schema)
        } catch {
            let details = error.violations.prefix(5).map { "\($0)" }.joined(separator: "; ")
            throw ExtractError(.invalidSchema, error.message + (details.isEmpty ? "" : ": " + details))
        }
    }

    /// The model, built on first use; a local server starts only when a request is actually sent.
    private func languageModel() async throws -> any LanguageModel {
        if let existing = model.withLock({ $0 }) { return existing }
        var clientConfiguration = ModelClientConfiguration(
            budget: budget, callLog: callLog, connectTimeout: configuration.connectTimeout,
            timeout: configuration.callTimeout
        )
        clientConfiguration.defaultMaxOutputTokens = configuration.synthesis.maxOutputTokens
        let created = DeferredModel(configuration.model, configuration: clientConfiguration)
        return model.withLock { model in
            if let model { return model }
            model = created
            return created
        }
    }

    private static func peakResidentMiB() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
