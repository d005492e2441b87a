import Foundation
import ModelClients
import StageCache
import Synthesis

/// Everything that decides how a document is extracted, resolved once at the edge (command line, watch
/// service or your code) and then fixed for the extractor's lifetime. Every field has a documented default.
public struct ExtractorConfiguration: Sendable {
    /// How pages are read: routing, OCR languages, resolution, page selection. Default: ``EvidenceOptions``.
    public var evidence = EvidenceOptions()
    /// How the model is asked: strategy, attempts, limits. Default: ``SynthesisOptions``.
    public var synthesis = SynthesisOptions()
    /// The model. Default: the embedded offline model (``ModelChoice/localDefault``).
    public var model: ModelChoice = .localDefault
    /// The vision model for `evidence.layout = .vision`; nil (the default) uses the offline layout analyser.
    public var visionModel: ModelChoice?
    /// The stage cache folder; nil disables the cache. Default `$XDG_CACHE_HOME/docextract`
    /// (`~/.cache/docextract`).
    public var cacheDirectory: URL? = DiskCache.defaultRoot()
    /// Appends one JSON line per model call (provider, model, tokens, latency, cost) to this file. Default none.
    public var modelCallLog: URL?
    /// Limits on model use for the whole run (calls, tokens, cost). Default: none.
    public var budget = BudgetLimits()
    /// Fields whose confidence is below this are listed in `needsReview`. Default 0.6.
    public var reviewThreshold = 0.6
    /// Model-call timeouts. Default 10 s to connect, 300 s per call.
    public var connectTimeout: Duration = .seconds(10)
    /// See ``connectTimeout``.
    public var callTimeout: Duration = .seconds(300)

    /// The defaults.
    public init() {}
}
