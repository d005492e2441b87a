import ExtractCore

/// How the evidence stages read a document. Every field has a documented default.
public struct EvidenceOptions: Sendable, Hashable {
    /// When to OCR pages. Default `.auto`: pages whose text layer is missing or broken.
    public var ocrMode: OCRMode = .auto
    /// Tesseract languages, e.g. `eng` or `eng+deu`. Default `eng`.
    public var languages: String = "eng"
    /// Resolution pages are rendered at for OCR. Default 300 dpi.
    public var dpi: Double = 300
    /// Which pages to read. Default: all.
    public var pages: PageSelection = .all
    /// Straighten skewed scans before OCR. Default `true`.
    public var deskew: Bool = true
    /// The largest raster rendered for one page; larger pages are rendered at a lower resolution.
    /// Default 40 million pixels.
    public var maximumRenderPixels: Int = 40_000_000
    /// Run the offline layout analyser (reading order across columns, headings, running headers and footers)
    /// and give synthesis the evidence in that order. Default `true`.
    public var analyzeLayout: Bool = true
    /// Keep the text layer in the evidence. Default `true`; `false` (`--strategy ocr`) gives synthesis OCR only.
    public var useTextLayer: Bool = true
    /// The thresholds that decide, in `.auto` mode, which pages need OCR.
    public var routing = OCRRouting()

    /// The defaults.
    public init() {}
}
