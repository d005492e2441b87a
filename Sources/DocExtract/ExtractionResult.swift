import ExtractCore
import JSONCore

/// What an extraction produced: the JSON, how much to trust each value and where it came from, and what it cost.
public struct ExtractionResult: Sendable, Codable {
    /// How the extraction ended.
    public enum Status: String, Sendable, Codable {
        /// The value validates and every field is confident enough.
        case success
        /// The value validates, but some fields need a person to look (see ``ExtractionResult/needsReview``).
        case partial
        /// No value that validates could be produced; ``ExtractionResult/errors`` says why.
        case failure
    }

    /// One leaf value with its provenance and confidence.
    public struct Field: Sendable, Codable, Hashable {
        /// JSON Pointer to the value.
        public var pointer: String
        /// The value.
        public var value: JSONValue
        /// 0…1; see the README for how it is computed.
        public var confidence: Double
        /// Whether a person should check it.
        public var needsReview: Bool
        /// How synthesis decided it: `model`, `candidate`, `table` (a row read from an item table), `repaired`, `null`.
        public var origin: String
        /// Where it is printed, when found.
        public var provenance: Location?
    }

    /// Where a value is printed.
    public struct Location: Sendable, Codable, Hashable {
        /// 1-based page.
        public var page: Int
        /// The printed words' box in points from the page's top-left corner.
        public var box: BoundingBox
        /// `text_layer`, `ocr` or `both`.
        public var source: String
        /// `exact`, `normalized` or `fuzzy`.
        public var match: String
        /// The printed text.
        public var text: String
    }

    /// How one page was read.
    public struct PageRouting: Sendable, Codable, Hashable {
        /// 1-based page.
        public var page: Int
        /// The page size in points (after rotation): the frame of every provenance box on this page.
        public var size: PageSize?
        /// Whether the page was OCR'd, and why.
        public var decision: OCRDecision?
        /// The text-layer signals the decision was based on.
        public var probe: TextLayerProbe?
        /// Words from the text layer and from OCR.
        public var textLayerWords: Int
        /// See ``textLayerWords``.
        public var ocrWords: Int
    }

    /// Model use of the run.
    public struct Usage: Sendable, Codable, Hashable {
        /// Model calls (retries included).
        public var calls: Int
        /// Prompt tokens.
        public var inputTokens: Int
        /// Generated tokens.
        public var outputTokens: Int
        /// Estimated cost in US dollars.
        public var costUSD: Double
        /// Provider and model.
        public var model: String
        /// Answers requested (first asks and repairs).
        public var attempts: Int
    }

    /// Seconds per phase.
    public struct Timings: Sendable, Codable, Hashable {
        /// Reading pages (text layer and OCR).
        public var evidenceSeconds: Double
        /// Synthesis (model calls).
        public var synthesisSeconds: Double
        /// The whole extraction.
        public var totalSeconds: Double
        /// Peak resident memory of this process so far, in MiB (a local model server is a separate process).
        public var peakResidentMiB: Double
    }

    /// The document.
    public var file: String
    /// How the extraction ended.
    public var status: Status
    /// The JSON; it validates against the schema. Nil on failure.
    public var value: JSONValue?
    /// Every leaf of ``value`` with its confidence and provenance.
    public var fields: [Field]
    /// Pointers of the fields a person should check, least confident first.
    public var needsReview: [String]
    /// The last validation errors, on failure.
    public var errors: [String]
    /// Page by page routing.
    public var pages: [PageRouting]
    /// Warnings and notes of every stage.
    public var diagnostics: [Diagnostic]
    /// Model use.
    public var usage: Usage
    /// Time spent.
    public var timings: Timings
    /// Stage requests served from the cache / executed.
    public var cacheHits: Int
    /// See ``cacheHits``.
    public var stagesExecuted: Int
}
