import ArgumentParser
import DocExtract
import ExtractCore
import Foundation
import ModelClients
import Synthesis

/// How pages are routed between the text layer and OCR (`--strategy`).
enum RoutingStrategy: String, ExpressibleByArgument, CaseIterable {
    /// The text layer where the probe says it is good, OCR elsewhere.
    case auto
    /// The text layer only; never OCR.
    case text
    /// OCR every page and use only OCR.
    case ocr
    /// OCR every page and use both.
    case all
}

/// Which model provider synthesis uses (`--provider`).
enum ProviderName: String, ExpressibleByArgument, CaseIterable {
    case local, openai, anthropic, gemini
}

extension SynthesisOptions.Strategy: ExpressibleByArgument {}

/// The options every extracting command shares (`extract FILE`, `extract eval`), resolved once into an
/// ``ExtractorConfiguration``. The schema is not among them: `extract FILE` takes `--schema`, `extract eval`
/// reads one schema per dataset line.
struct ExtractionOptions: ParsableArguments {
    @Option(help: "Pages to read, e.g. 1-3,5 or 8- (default: all).")
    var pages: String = "all"

    @Option(help: "Password of an encrypted PDF.")
    var password: String?

    @Option(name: .customLong("lang"), help: "OCR languages, e.g. eng or eng+deu.")
    var languages: String = "eng"

    @Option(help: "Rendering resolution for OCR, in dots per inch (scanned pages: see --ocr-resolution).")
    var dpi: Double = 300

    @Option(help: "Scanned pages: scan (render at the scan's own resolution, 72-400 dpi) or fixed (at --dpi).")
    var ocrResolution: OCRResolution = .scan

    @Option(help: "Page preparation before OCR: auto (contrast, and a second reading of faint pages), contrast, none.")
    var ocrPreprocess: OCRPreprocessing = .auto

    @Option(help: "Page routing: auto (text layer where good, OCR elsewhere), text, ocr, all.")
    var strategy: RoutingStrategy = .auto

    @Option(help: "Layout analysis: local (offline, default), vision (a vision model, see --vision-provider), none.")
    var layout: EvidenceOptions.LayoutMode = .local

    @Option(help: "Vision model provider for --layout vision: openai (any OpenAI-compatible server), anthropic, gemini.")
    var visionProvider: ProviderName?

    @Option(help: "Vision model name (default gpt-4o-mini, claude-3-5-haiku-latest, gemini-2.0-flash).")
    var visionModel: String?

    @Option(help: "Base URL of the vision provider's API.")
    var visionBaseURL: String?

    @Option(help: "Environment variable holding the vision provider's API key.")
    var visionApiKeyEnv: String?

    @Option(help: "Model provider: local (offline, default), openai (any OpenAI-compatible server), anthropic, gemini.")
    var provider: ProviderName = .local

    @Option(help: "Model name (default per provider: the bundled SmolLM2 for local, gpt-4o-mini, claude-3-5-haiku-latest, gemini-2.0-flash).")
    var model: String?

    @Option(help: "Base URL of the provider's API (e.g. http://127.0.0.1:8000/v1 for vLLM).")
    var baseURL: String?

    @Option(help: "Environment variable holding the API key (default OPENAI_API_KEY, ANTHROPIC_API_KEY, GEMINI_API_KEY).")
    var apiKeyEnv: String?

    @Option(help: "How the model is asked: auto, whole (one request for the schema), fields (one per field).")
    var synthesis: SynthesisOptions.Strategy = .auto

    @Option(help: "Fields: take the best candidate unasked when it leads the next by this score (2: always ask).")
    var candidateMargin: Double?

    @Option(help: "Answers requested per document at most, first ask and repairs included.")
    var maxAttempts: Int = 3

    @Option(help: "Stop when the estimated model cost of the run reaches this many US dollars.")
    var maxCost: Double?

    @Option(help: "Stop after this many model tokens in the run.")
    var maxTokens: Int?

    @Option(help: "Stage cache folder (default $XDG_CACHE_HOME/docextract or ~/.cache/docextract).")
    var cacheDir: String?

    @Flag(help: "Read and ask everything again; neither read nor write the cache.")
    var noCache = false

    @Option(help: "Append one JSON line per stage request and per model call to this file.")
    var log: String?

    @Option(help: "Format of --log: json (JSON Lines) or text (one readable line per record).")
    var logFormat: RunLog.Format = .json

    @Option(help: "Fields below this confidence are listed for review (0-1).")
    var reviewThreshold: Double = 0.6

    @Option(help: "Most model tokens (input and output) one document may use; 0 means no limit.")
    var maxDocumentTokens: Int = 200_000

    @OptionGroup var limits: LimitOptions

    func validate() throws {
        guard dpi >= 36, dpi <= 1200 else { throw ValidationError("--dpi must be between 36 and 1200") }
        if let candidateMargin, !(0...2).contains(candidateMargin) {
            throw ValidationError("--candidate-margin must be 0 to 2")
        }
        guard maxAttempts >= 1, maxAttempts <= 20 else { throw ValidationError("--max-attempts must be 1 to 20") }
        guard (0...1).contains(reviewThreshold) else { throw ValidationError("--review-threshold must be 0 to 1") }
        if let maxCost, maxCost < 0 { throw ValidationError("--max-cost must not be negative") }
        guard maxDocumentTokens >= 0 else { throw ValidationError("--max-document-tokens must be 0 or more") }
        _ = try PageSelection(parsing: pages)
    }

    /// The configuration these options describe.
    func configuration(environment: [String: String] = ProcessInfo.processInfo.environment) throws
        -> ExtractorConfiguration
    {
        var configuration = ExtractorConfiguration()
        configuration.evidence.pages = try PageSelection(parsing: pages)
        configuration.evidence.languages = languages
        configuration.evidence.dpi = dpi
        configuration.evidence.matchScanResolution = ocrResolution == .scan
        configuration.evidence.preprocessing = ocrPreprocess
        switch strategy {
        case .auto: configuration.evidence.ocrMode = .auto
        case .text: configuration.evidence.ocrMode = .never
        case .ocr:
            configuration.evidence.ocrMode = .always
            configuration.evidence.useTextLayer = false
        case .all: configuration.evidence.ocrMode = .always
        }
        configuration.synthesis.strategy = synthesis
        configuration.synthesis.maxAttempts = maxAttempts
        if let candidateMargin { configuration.synthesis.clearCandidateMargin = candidateMargin }
        configuration.synthesis.maxDocumentTokens = maxDocumentTokens == 0 ? nil : maxDocumentTokens
        limits.apply(to: &configuration.evidence)
        configuration.budget = BudgetLimits(maxTokens: maxTokens, maxCostUSD: maxCost)
        configuration.reviewThreshold = reviewThreshold
        configuration.cacheDirectory = noCache ? nil : cacheDir.map { URL(fileURLWithPath: $0) }
            ?? configuration.cacheDirectory
        configuration.modelCallLog = log.map { URL(fileURLWithPath: $0) }
        configuration.model = Self.choice(provider, model: model, baseURL: baseURL, keyVariable: apiKeyEnv)
        configuration.evidence.layout = layout
        if let visionProvider {
            configuration.visionModel = Self.choice(
                visionProvider, model: visionModel, baseURL: visionBaseURL, keyVariable: visionApiKeyEnv
            )
        }
        return configuration
    }

    /// The model a provider flag and its companions name.
    static func choice(_ provider: ProviderName, model: String?, baseURL: String?, keyVariable: String?) -> ModelChoice {
        switch provider {
        case .local:
            var local = LocalModelConfiguration.fromEnvironment()
            if let model { local.modelFile = URL(fileURLWithPath: model) }
            return .local(local)
        case .openai:
            return .openAICompatible(
                baseURL: baseURL ?? "https://api.openai.com/v1", model: model ?? "gpt-4o-mini",
                apiKeyVariable: keyVariable ?? (baseURL == nil ? "OPENAI_API_KEY" : nil)
            )
        case .anthropic:
            return .anthropic(
                model: model ?? "claude-3-5-haiku-latest", apiKeyVariable: keyVariable ?? "ANTHROPIC_API_KEY",
                baseURL: baseURL ?? "https://api.anthropic.com"
            )
        case .gemini:
            return .gemini(
                model: model ?? "gemini-2.0-flash", apiKeyVariable: keyVariable ?? "GEMINI_API_KEY",
                baseURL: baseURL ?? "https://generativelanguage.googleapis.com/v1beta"
            )
        }
    }
}

extension EvidenceOptions.LayoutMode: ExpressibleByArgument {}

extension OCRPreprocessing: ExpressibleByArgument {}
