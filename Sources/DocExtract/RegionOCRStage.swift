import ExtractCore
import PopplerStage
import TesseractStage

/// OCR of the large image regions of a page whose text layer is used: the page is rendered at the OCR
/// resolution, each region is cropped and recognised on its own, and the words come back in page points with
/// ``PageText/regions`` naming the areas read.
///
/// Like ``PageStage`` it is given by its identity and a closure, so it runs in process or in a worker process
/// under the same identity and shares cache entries. The identity carries every OCR option (languages,
/// resolution, deskew, pixel limit); the regions are part of the input.
struct RegionOCRStage: Stage {
    let identity: StageIdentity
    let body: @Sendable (RegionRequest) async throws -> PageOCRStage.Output

    func run(_ input: RegionRequest) async throws -> PageOCRStage.Output {
        try await body(input)
    }

    /// `tesseract.regions` with the OCR options; bump the version when cropping or recognition changes.
    static func identity(languages: OCRLanguages, options: EvidenceOptions) -> StageIdentity {
        var identity = PageOCRStage.identity(languages: languages, options: options)
        identity.name = "tesseract.regions"
        identity.version = 2
        return identity
    }

    /// The stage reading in this process, through `reader`'s Poppler documents and `ocr`'s engines.
    static func inProcess(reader: PDFReader, ocr: OCRService, options: EvidenceOptions) -> RegionOCRStage {
        RegionOCRStage(identity: identity(languages: ocr.languages, options: options)) { input in
            let page = input.page
            let image = try await reader.renderGray(
                page.source, page: page.page, dpi: options.dpi, maximumPixels: options.maximumRenderPixels
            )
            do {
                let text = try await ocr.recognize(
                    image, regions: input.regions, deskew: options.deskew, preprocessing: options.preprocessing,
                    timeLimit: options.maximumOCRDuration
                )
                return PageOCRStage.Output(text: text, renderedDPI: image.dpi)
            } catch var error as ExtractError {
                error.path = error.path ?? page.source.displayName
                error.page = error.page ?? page.page
                throw error
            }
        }
    }
}
