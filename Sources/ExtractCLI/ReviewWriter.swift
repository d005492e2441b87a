import DocExtract
import ExtractCore
import Foundation
import PopplerStage
import ReviewReport

/// Renders the pages of an extracted document and writes its HTML review report (`--review`; watch mode's
/// `--review-dir` can use it too).
enum ReviewWriter {
    /// The longest side of an embedded page image, in pixels: legible on a laptop, a few hundred KB a page.
    static let maximumSide = 1400

    /// Writes the report of `result` for the PDF `source` to `url`.
    static func write(_ result: ExtractionResult, source: PDFSource, to url: URL) async throws {
        try AtomicFile.write(try await html(result, source: source), to: url)
    }

    /// The self-contained HTML report of `result` for the PDF `source`, its pages rendered in.
    static func html(_ result: ExtractionResult, source: PDFSource) async throws -> Data {
        let reader = PDFReader(threads: 1)
        defer { reader.shutdown(waitUntilStopped: true) }
        let info = try await reader.info(source)
        var pages: [ReviewPage] = []
        for routing in result.pages where routing.page >= 1 && routing.page <= info.pageCount {
            let size = routing.size ?? info.pageSizes[routing.page - 1]
            // 200 dpi is lowered by the renderer until the long side fits.
            let png = try await reader.renderPNG(source, page: routing.page, dpi: 200, maximumSide: maximumSide).png
            pages.append(ReviewPage(number: routing.page, size: size, png: png))
        }
        return Data(ReviewReport(result: result, pages: pages).html().utf8)
    }
}
