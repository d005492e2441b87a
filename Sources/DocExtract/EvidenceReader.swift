import ExtractCore
import Foundation
import PopplerStage
import TesseractStage

/// Reads a PDF every way the options ask for: the text layer and its probe on every selected page, and OCR on
/// the pages that need it, many pages at once.
///
/// One Poppler document and one Tesseract engine per worker thread; the reader can be reused for many
/// documents, and keeps its engines warm between them.
public final class EvidenceReader: Sendable {
    private let pdf: PDFReader
    private let ocr: OCRService?
    /// The options every document is read with.
    public let options: EvidenceOptions

    /// Creates a reader. `threads` defaults to the number of active processors.
    ///
    /// - Throws: `ExtractError` `.invalidOption` or `.ocrLanguageMissing` when OCR could be needed and its
    ///   languages are not installed.
    public init(options: EvidenceOptions = EvidenceOptions(), threads: Int? = nil) throws {
        let count = threads ?? ProcessInfo.processInfo.activeProcessorCount
        self.options = options
        pdf = PDFReader(threads: count)
        if options.ocrMode == .never {
            ocr = nil
        } else {
            let languages = try OCRLanguages(options.languages)
            ocr = OCRService(languages: languages, threads: count)
        }
    }

    deinit {
        pdf.shutdown()
        ocr?.shutdown()
    }

    /// Stops the worker threads and waits until they have released their documents and engines.
    ///
    /// Call it before the process exits (the command-line tool does): Poppler's static destructors crash when
    /// a worker thread is still closing a document at exit. The reader cannot be used afterwards.
    public func close() {
        pdf.shutdown(waitUntilStopped: true)
        ocr?.shutdown(waitUntilStopped: true)
    }

    /// Reads the selected pages of a document.
    ///
    /// - Throws: the document's open error (missing, not a PDF, damaged, encrypted …) or a page's OCR error.
    public func read(_ source: PDFSource) async throws -> DocumentEvidence {
        let info = try await pdf.info(source)
        let diagnostics = DiagnosticCollector()
        guard info.pageCount > 0 else {
            throw ExtractError(.damagedPDF, "the PDF has no pages", path: source.displayName)
        }
        let missing = options.pages.missingPages(in: info.pageCount)
        if !missing.isEmpty {
            throw ExtractError(
                .pageOutOfRange,
                "page \(missing.map(String.init).joined(separator: ", ")) requested, but the document has "
                    + "\(info.pageCount) page\(info.pageCount == 1 ? "" : "s")",
                path: source.displayName
            )
        }
        let numbers = options.pages.pages(in: info.pageCount)
        let window = max(2, pdf.threadCount * 2)
        var results: [Int: PageEvidence] = [:]
        try await withThrowingTaskGroup(of: PageEvidence.self) { group in
            var next = numbers.makeIterator()
            for _ in 0..<window {
                guard let number = next.next() else { break }
                group.addTask { try await self.readPage(source, number: number, info: info, diagnostics: diagnostics) }
            }
            while let page = try await group.next() {
                results[page.number] = page
                if let number = next.next() {
                    group.addTask {
                        try await self.readPage(source, number: number, info: info, diagnostics: diagnostics)
                    }
                }
            }
        }
        return DocumentEvidence(info: info, pages: numbers.compactMap { results[$0] }, diagnostics: diagnostics.diagnostics)
    }

    private func readPage(
        _ source: PDFSource, number: Int, info: DocumentInfo, diagnostics: DiagnosticCollector
    ) async throws -> PageEvidence {
        let size = info.pageSizes[number - 1]
        let (text, probe) = try await pdf.textLayer(source, page: number)
        let decision = options.routing.decide(mode: options.ocrMode, probe: probe)
        var page = PageEvidence(
            number: number, size: size, textLayer: text.lines.isEmpty ? nil : text, probe: probe, ocrDecision: decision
        )
        guard decision.runOCR, let ocr else { return page }
        let image = try await pdf.renderGray(
            source, page: number, dpi: options.dpi, maximumPixels: options.maximumRenderPixels
        )
        if image.dpi < options.dpi - 0.5 {
            diagnostics.emit(Diagnostic(
                .warning, code: "render.downscaled",
                "page is large: rendered for OCR at \(Int(image.dpi)) dpi instead of \(Int(options.dpi)) dpi",
                page: number
            ))
        }
        do {
            page.ocr = try await ocr.recognize(image, deskew: options.deskew)
        } catch var error as ExtractError {
            error.path = error.path ?? source.displayName
            error.page = error.page ?? number
            throw error
        }
        return page
    }
}
