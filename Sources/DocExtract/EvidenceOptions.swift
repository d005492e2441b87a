import ExtractCore

/// How the evidence stages read a document. Every field has a documented default.
public struct EvidenceOptions: Sendable, Hashable {
    /// When to OCR pages. Default `.auto`: pages whose text layer is missing or broken.
    public var ocrMode: OCRMode = .auto
    /// Tesseract languages, e.g. `eng` or `eng+deu`. Default `eng`.
    public var languages: String = "eng"
    /// Resolution pages are rendered at for OCR. Default 300 dpi.
    public var dpi: Double = 300
    /// Render a page that is one scanned image at the scan's own resolution (kept within 72–400 dpi) instead
    /// of ``dpi``, which then applies to every other page. Default `true` (`--ocr-resolution scan`): the SROIE
    /// receipts are 96-ppi images, which at 300 dpi are ten times the pixels, slower and read worse.
    public var matchScanResolution: Bool = true
    /// How rendered pages are prepared before OCR. Default `.auto` (`--ocr-preprocess`).
    public var preprocessing: OCRPreprocessing = .auto
    /// Which pages to read. Default: all.
    public var pages: PageSelection = .all
    /// Straighten skewed scans before OCR. Default `true`.
    public var deskew: Bool = true
    /// The largest raster rendered for one page; larger pages are rendered at a lower resolution, so a
    /// 200 × 200 inch page costs at most this many pixels (4 bytes each while drawing). Default 40 million
    /// pixels (`--max-page-pixels`).
    public var maximumRenderPixels: Int = 40_000_000
    /// How layout is analysed.
    public enum LayoutMode: String, Sendable, Hashable, CaseIterable {
        /// No layout analysis: lines in the order the sources give them.
        case none
        /// The offline analyser: reading order across columns, headings, tables, running headers and footers.
        case local
        /// A vision model looks at each rendered page; pages where it fails fall back to `local`.
        case vision
    }

    /// How layout is analysed; synthesis reads the evidence in the resulting order. Default `.local`.
    public var layout: LayoutMode = .local
    /// Resolution of the page images sent to a vision model. Default 150 dpi.
    public var visionDPI: Double = 150
    /// Longest side of those images, in pixels. Default 1,400.
    public var visionMaximumSide: Int = 1400
    /// The largest PDF read, in bytes; a larger one fails with `.limitExceeded`. Default 512 MiB
    /// (`--max-file-size`).
    public var maximumFileBytes: Int = 512 * 1024 * 1024
    /// The most pages read from one document (after the page selection); more fail with `.limitExceeded`.
    /// Default 2,000 (`--max-pages`).
    public var maximumPages: Int = 2000
    /// The longest one page's OCR may take; a page that takes longer fails the document with
    /// `.timeLimitExceeded` (exit code 9). Default 120 s (`--ocr-timeout`); nil means no limit.
    ///
    /// Tesseract's own deadline stops recognition at the limit. It is not checked during Tesseract's page
    /// layout analysis, deskewing or Poppler's rendering, so with ``EvidenceIsolation/workerProcess(_:)`` the
    /// parent also kills a worker whose render and OCR of a page run past the limit plus
    /// ``WorkerProcessOptions/ocrDeadlineMargin``. In process (``EvidenceIsolation/inProcess``) nothing can stop
    /// a stuck native call: there the limit holds only for recognition, and a page stuck in layout analysis or
    /// rendering blocks its reading thread. Use worker processes for documents you do not trust.
    public var maximumOCRDuration: Duration? = .seconds(120)
    /// Keep the text layer in the evidence. Default `true`; `false` (`--strategy ocr`) gives synthesis OCR only.
    public var useTextLayer: Bool = true
    /// Where Poppler and Tesseract run: in this process (default) or in worker processes, so that a crash in
    /// a C library fails one document instead of the process. The command-line tool uses worker processes.
    public var isolation: EvidenceIsolation = .inProcess
    /// The thresholds that decide, in `.auto` mode, which pages need OCR.
    public var routing = OCRRouting()

    /// The defaults.
    public init() {}
}
