import ExtractCore
import PopplerStage
import TesseractStage

/// One page rendered to gray and OCR'd in process.
///
/// Its identity carries every option that changes what OCR reads (languages, resolution and whether scans keep
/// their own, deskew, preprocessing, pixel limit), so changing `--lang`, `--dpi`, `--ocr-resolution` or
/// `--ocr-preprocess` re-runs OCR while the text layer stays cached.
public struct PageOCRStage: Stage {
    /// The stage's output.
    public struct Output: Sendable, Hashable, Codable {
        /// Words with boxes (page points) and confidences, lines and typed blocks.
        public var text: PageText
        /// The resolution the page was rendered at (lower than asked for on a very large page).
        public var renderedDPI: Double
        /// The resolution chosen for the page before the pixel limit: the scan's own for a scanned page
        /// (``EvidenceOptions/matchScanResolution``), else ``EvidenceOptions/dpi``. Nil in entries of older versions.
        public var requestedDPI: Double?
    }

    private let reader: PDFReader
    private let ocr: OCRService
    private let options: EvidenceOptions

    /// A stage rendering through `reader` and recognising through `ocr`.
    public init(reader: PDFReader, ocr: OCRService, options: EvidenceOptions) {
        self.reader = reader
        self.ocr = ocr
        self.options = options
    }

    /// `tesseract.ocr` with its options.
    public var identity: StageIdentity { Self.identity(languages: ocr.languages, options: options) }

    /// The identity of OCR with `languages` and `options`, wherever it runs (in process or in a worker).
    static func identity(languages: OCRLanguages, options: EvidenceOptions) -> StageIdentity {
        // Version 2: scans at their own resolution, Leptonica preprocessing, two readings merged.
        // Version 3: a page still poorly read after two readings is read enlarged (low resolution) and Sauvola-
        // thresholded too.
        StageIdentity(name: "tesseract.ocr", version: 3, options: [
            "lang": languages.description,
            "dpi": String(options.dpi),
            "resolution": options.matchScanResolution ? "scan" : "fixed",
            "deskew": String(options.deskew),
            "preprocess": options.preprocessing.rawValue,
            "max_pixels": String(options.maximumRenderPixels),
        ])
    }

    public func run(_ input: PageRequest) async throws -> Output {
        let (image, requested) = try await reader.renderGrayForOCR(
            input.source, page: input.page, dpi: options.dpi, matchingScan: options.matchScanResolution,
            maximumPixels: options.maximumRenderPixels
        )
        do {
            let text = try await ocr.recognize(
                image, deskew: options.deskew, preprocessing: options.preprocessing,
                timeLimit: options.maximumOCRDuration
            )
            return Output(text: text, renderedDPI: image.dpi, requestedDPI: requested)
        } catch var error as ExtractError {
            error.path = error.path ?? input.source.displayName
            error.page = error.page ?? input.page
            throw error
        }
    }
}
