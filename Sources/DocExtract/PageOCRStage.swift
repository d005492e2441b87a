import ExtractCore
import PopplerStage
import TesseractStage

/// One page rendered to gray and OCR'd in process.
///
/// Its identity carries every option that changes what OCR reads (languages, resolution, deskew, pixel
/// limit), so changing `--lang` or `--dpi` re-runs OCR while the text layer stays cached.
public struct PageOCRStage: Stage {
    /// The stage's output.
    public struct Output: Sendable, Hashable, Codable {
        /// Words with boxes (page points) and confidences, lines and typed blocks.
        public var text: PageText
        /// The resolution the page was rendered at (lower than asked for on a very large page).
        public var renderedDPI: Double
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
        StageIdentity(name: "tesseract.ocr", version: 1, options: [
            "lang": languages.description,
            "dpi": String(options.dpi),
            "deskew": String(options.deskew),
            "max_pixels": String(options.maximumRenderPixels),
        ])
    }

    public func run(_ input: PageRequest) async throws -> Output {
        let image = try await reader.renderGray(
            input.source, page: input.page, dpi: options.dpi, maximumPixels: options.maximumRenderPixels
        )
        do {
            let text = try await ocr.recognize(image, deskew: options.deskew, timeLimit: options.maximumOCRDuration)
            return Output(text: text, renderedDPI: image.dpi)
        } catch var error as ExtractError {
            error.path = error.path ?? input.source.displayName
            error.page = error.page ?? input.page
            throw error
        }
    }
}
