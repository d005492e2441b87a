import ExtractCore
import Foundation

/// Reads text layers, probes and renders from many pages at once, one Poppler document per worker thread.
///
/// Each worker thread keeps the document it last opened, so consecutive jobs on the same source reuse it.
public final class PDFReader: Sendable {
    private let pool: ThreadWorkerPool<OpenDocumentCache>

    /// Creates a reader with `threads` worker threads (default: the number of active processors).
    public init(threads: Int = ProcessInfo.processInfo.activeProcessorCount) {
        pool = ThreadWorkerPool(threadCount: threads, name: "poppler") { OpenDocumentCache() }
    }

    /// The number of worker threads.
    public var threadCount: Int { pool.threadCount }

    /// Opens the document once to check it and returns its facts. Throws the document's open error.
    public func info(_ source: PDFSource) async throws -> DocumentInfo {
        try await pool.run { cache in try cache.document(for: source).info }
    }

    /// The text layer and its probe for one page.
    public func textLayer(_ source: PDFSource, page: Int) async throws -> (text: PageText, probe: TextLayerProbe) {
        try await pool.run { cache in
            let document = try cache.document(for: source)
            let text = try document.textLayer(page: page)
            return (text, try document.probe(page: page, textLayer: text))
        }
    }

    /// One page rendered to gray for OCR.
    public func renderGray(
        _ source: PDFSource, page: Int, dpi: Double, maximumPixels: Int = defaultMaximumRenderPixels
    ) async throws -> GrayImage {
        try await pool.run { cache in
            try cache.document(for: source).renderGray(page: page, dpi: dpi, maximumPixels: maximumPixels)
        }
    }

    /// One page rendered to gray for OCR, at the scan's own resolution when `matchingScan` is set and the page
    /// is one scanned image (see ``PDFDocument/renderGrayForOCR(page:dpi:matchingScan:maximumPixels:)``).
    public func renderGrayForOCR(
        _ source: PDFSource, page: Int, dpi: Double, matchingScan: Bool,
        maximumPixels: Int = defaultMaximumRenderPixels
    ) async throws -> (image: GrayImage, requestedDPI: Double) {
        try await pool.run { cache in
            try cache.document(for: source).renderGrayForOCR(
                page: page, dpi: dpi, matchingScan: matchingScan, maximumPixels: maximumPixels
            )
        }
    }

    /// One page rendered to PNG for a vision model.
    public func renderPNG(
        _ source: PDFSource, page: Int, dpi: Double, maximumSide: Int = 1600
    ) async throws -> (png: Data, dpi: Double) {
        try await pool.run { cache in
            try cache.document(for: source).renderPNG(page: page, dpi: dpi, maximumSide: maximumSide)
        }
    }

    /// Stops the worker threads once queued jobs finish; with `waitUntilStopped`, returns when every
    /// thread has released its documents (do that before the process exits).
    public func shutdown(waitUntilStopped: Bool = false) {
        pool.shutdown(waitUntilStopped: waitUntilStopped)
    }
}

/// The document a worker thread opened last, kept for the next job on the same source.
struct OpenDocumentCache {
    private var source: PDFSource?
    private var document: PDFDocument?

    mutating func document(for wanted: PDFSource) throws -> PDFDocument {
        if let document, source == wanted { return document }
        document = nil
        let opened = try PDFDocument(wanted)
        source = wanted
        document = opened
        return opened
    }
}
