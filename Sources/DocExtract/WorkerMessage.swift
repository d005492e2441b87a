import ExtractCore
import Foundation
import PopplerStage

/// The JSON lines exchanged with an evidence worker process: one request in, progress lines and one reply out.
enum WorkerMessage {
    /// What the parent asks.
    struct Request: Codable, Sendable {
        enum Operation: String, Codable, Sendable {
            /// Open the document and return its ``DocumentInfo``.
            case info
            /// The text layer and probe of one page.
            case text
            /// One page rendered and OCR'd.
            case ocr
            /// One page rendered and only its `regions` OCR'd.
            case ocrRegions = "ocr-regions"
        }

        var op: Operation
        var path: String
        /// The name errors use (the path the user gave, or an in-memory document's name).
        var name: String
        var password: String?
        var page: Int?
        var languages: String?
        var dpi: Double?
        var deskew: Bool?
        /// Render a page that is one scanned image at the scan's own resolution.
        var matchScan: Bool?
        /// An ``OCRPreprocessing`` raw value.
        var preprocess: String?
        var maxPixels: Int?
        var ocrMilliseconds: Int?
        /// The areas to OCR (`ocr-regions`), in points from the page's top-left corner.
        var regions: [BoundingBox]?
    }

    /// What the worker answers: a `phase` line before each native step, then one line with a result or an error.
    struct Reply: Codable, Sendable {
        /// `open`, `text`, `render` or `ocr`: the native step about to start (so a crash can be named).
        var phase: String?
        var info: DocumentInfo?
        var text: TextLayerStage.Output?
        var ocr: PageOCRStage.Output?
        var error: ErrorBody?

        var isFinal: Bool { phase == nil }
    }

    /// An `ExtractError` on the wire.
    struct ErrorBody: Codable, Sendable {
        var code: String
        var message: String
        var page: Int?

        init(_ error: ExtractError) {
            code = error.code.description
            message = error.message
            page = error.page
        }

        func error(path: String) -> ExtractError {
            let known = Self.codes.first { $0.description == code } ?? .internalError
            return ExtractError(known, message, path: path, page: page)
        }

        private static let codes: [ExtractError.Code] = [
            .fileNotFound, .notAFile, .unreadableFile, .emptyFile, .notAPDF, .damagedPDF, .passwordRequired,
            .wrongPassword, .pageOutOfRange, .limitExceeded, .timeLimitExceeded,
            .ocrLanguageMissing, .ocrFailed, .renderFailed,
            .invalidSchema, .invalidOption, .modelUnavailable, .modelConfiguration, .noValidOutput, .internalError,
        ]
    }
}
