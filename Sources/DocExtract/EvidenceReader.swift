import ExtractCore
import Foundation
import Layout
import ModelClients
import PopplerStage
import StageCache
import TesseractStage
import VisionLayout

/// Reads a PDF every way the options ask for: the text layer and its probe on every selected page, and OCR on
/// the pages that need it, many pages at once.
///
/// One Poppler document and one Tesseract engine per worker thread; the reader can be reused for many
/// documents, and keeps its engines warm between them. Each page stage (text layer, OCR) goes through the
/// stage cache when one is given: a page read before with the same options is not read again.
public final class EvidenceReader: Sendable {
    private let pdf: PDFReader?
    private let ocrService: OCRService?
    private let workers: WorkerEvidence?
    private let threadCount: Int
    private let workerFiles = WorkerTemporaryFile.Registry()
    private let infoStage: CachedStage<DocumentInfoStage>
    private let textStage: CachedStage<PageStage<TextLayerStage.Output>>
    private let ocrStage: CachedStage<PageStage<PageOCRStage.Output>>?
    private let regionStage: CachedStage<RegionOCRStage>?
    private let visionStage: CachedStage<VisionLayoutStage>?
    private let visionReader: PDFReader?
    /// The options every document is read with.
    public let options: EvidenceOptions

    /// Creates a reader. `threads` defaults to the number of active processors.
    ///
    /// With ``EvidenceOptions/isolation`` `.workerProcess`, each thread drives one worker process instead of
    /// its own Poppler document and Tesseract engine.
    ///
    /// - Parameters:
    ///   - cache: where page stages keep their outputs; nil reads every page every time.
    ///   - observe: receives one ``StageEvent`` per page stage request (executed, cache hit, failed).
    ///   - warn: receives cache problems that were worked around.
    ///   - visionModel: the model asked for layout when ``EvidenceOptions/layout`` is `.vision`.
    /// - Throws: `ExtractError` `.invalidOption` or `.ocrLanguageMissing` when OCR could be needed and its
    ///   languages are not installed.
    public init(
        options: EvidenceOptions = EvidenceOptions(),
        threads: Int? = nil,
        cache: (any CacheStore)? = nil,
        observe: @escaping @Sendable (StageEvent) -> Void = { _ in },
        warn: @escaping @Sendable (Diagnostic) -> Void = { _ in },
        visionModel: (any LanguageModel)? = nil
    ) throws {
        let count = max(1, threads ?? ProcessInfo.processInfo.activeProcessorCount)
        self.options = options
        threadCount = count
        let languages = options.ocrMode == .never ? nil : try OCRLanguages(options.languages)
        let textIdentity = TextLayerStage.identity
        switch options.isolation {
        case .inProcess:
            let pdf = PDFReader(threads: count)
            self.pdf = pdf
            workers = nil
            let text = TextLayerStage(reader: pdf)
            textStage = CachedStage(
                PageStage(identity: text.identity, body: text.run), store: cache, observe: observe, warn: warn
            )
            if let languages {
                let service = OCRService(languages: languages, threads: count)
                ocrService = service
                let stage = PageOCRStage(reader: pdf, ocr: service, options: options)
                ocrStage = CachedStage(
                    PageStage(identity: stage.identity, body: stage.run), store: cache, observe: observe, warn: warn
                )
                regionStage = CachedStage(
                    RegionOCRStage.inProcess(reader: pdf, ocr: service, options: options), store: cache,
                    observe: observe, warn: warn
                )
            } else {
                ocrService = nil
                ocrStage = nil
                regionStage = nil
            }
        case .workerProcess(let workerOptions):
            let workers = WorkerEvidence(options: workerOptions, threads: count)
            let files = workerFiles
            self.workers = workers
            pdf = nil
            ocrService = nil
            textStage = CachedStage(
                PageStage(identity: textIdentity) { request in
                    try await workers.textLayer(request, path: files.path(for: request))
                },
                store: cache, observe: observe, warn: warn
            )
            ocrStage = languages.map { languages in
                CachedStage(
                    PageStage(identity: PageOCRStage.identity(languages: languages, options: options)) { request in
                        try await workers.ocr(request, path: files.path(for: request), options: options)
                    },
                    store: cache, observe: observe, warn: warn
                )
            }
            regionStage = languages.map { languages in
                let identity = RegionOCRStage.identity(languages: languages, options: options)
                return CachedStage(
                    RegionOCRStage(identity: identity) { input in
                        try await workers.ocr(
                            input.page, path: files.path(for: input.page), options: options, regions: input.regions
                        )
                    },
                    store: cache, observe: observe, warn: warn
                )
            }
        }
        let (pdfReader, workerReader, files) = (pdf, workers, workerFiles)
        infoStage = CachedStage(
            DocumentInfoStage { request in
                if let workerReader {
                    return try await workerReader.info(
                        request.source, path: files.path(of: request.source, digest: request.documentDigest)
                    )
                }
                return try await pdfReader!.info(request.source)
            },
            store: cache, observe: observe, warn: warn
        )
        if options.layout == .vision, let visionModel {
            // Pages for the vision model are rendered in this process (PNG only, no OCR engine involved).
            let renderer = pdf ?? PDFReader(threads: 1)
            visionReader = pdf == nil ? renderer : nil
            visionStage = CachedStage(
                VisionLayoutStage(reader: renderer, model: visionModel, dpi: options.visionDPI,
                                  maximumSide: options.visionMaximumSide),
                store: cache, observe: observe, warn: warn
            )
        } else {
            visionReader = nil
            visionStage = nil
        }
    }

    deinit {
        pdf?.shutdown()
        ocrService?.shutdown()
        workers?.shutdown()
        visionReader?.shutdown()
    }

    /// The number of worker processes started so far, replacements included (0 when reading in process).
    public var workerProcessesStarted: Int { workers?.workersStarted ?? 0 }

    /// Stops the worker threads and waits until they have released their documents and engines.
    ///
    /// Call it before the process exits (the command-line tool does): Poppler's static destructors crash when
    /// a worker thread is still closing a document at exit. The reader cannot be used afterwards.
    public func close() {
        pdf?.shutdown(waitUntilStopped: true)
        ocrService?.shutdown(waitUntilStopped: true)
        workers?.shutdown(waitUntilStopped: true)
        visionReader?.shutdown(waitUntilStopped: true)
    }

    /// Reads the selected pages of a document.
    ///
    /// - Parameter localLayout: whether to run the offline layout analysis when ``EvidenceOptions/layout`` is
    ///   `.local`; pass false when nothing will read the pages' ``PageEvidence/layout`` (it is then nil). The
    ///   layout is not part of what the page stages cache, and the evidence's cache key stays the same.
    /// - Throws: the document's open error (missing, not a PDF, damaged, encrypted …) or a page's OCR error.
    public func read(_ source: PDFSource, localLayout: Bool = true) async throws -> DocumentEvidence {
        try EvidenceLimits.checkFileSize(of: source, limit: options.maximumFileBytes)
        let layout = localLayout || options.layout != .local
        guard let workers, case .bytes(let data, let name) = source.origin else {
            return try await read(source, workers: workers, layout: layout)
        }
        // A worker opens documents by path: hand it the bytes in a private temporary file.
        let file = try WorkerTemporaryFile(data, name: name)
        defer { file.remove() }
        return try await read(source, workers: workers, file: file.path, layout: layout)
    }

    private func read(_ source: PDFSource, workers: WorkerEvidence?, file: String? = nil, layout: Bool) async throws
        -> DocumentEvidence
    {
        let digest: String
        do {
            digest = try Self.digest(of: source)
        } catch {
            // Opening says best what is wrong with a file that cannot be hashed (missing, a folder …).
            _ = try await infoStage.wrapped.run(DocumentInfoStage.Request(source: source, documentDigest: ""))
            throw error
        }
        if let file { workerFiles.register(file, digest: digest) }
        defer { if file != nil { workerFiles.unregister(digest: digest) } }
        let info = try await documentInfo(source, digest: digest)
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
        try EvidenceLimits.checkPageCount(numbers.count, of: info.pageCount, limit: options.maximumPages,
                                          source: source)
        let window = max(2, threadCount * 2)
        var results: [Int: PageEvidence] = [:]
        try await withThrowingTaskGroup(of: PageEvidence.self) { group in
            var next = numbers.makeIterator()
            let read: @Sendable (Int) async throws -> PageEvidence = { number in
                try await self.readPage(
                    PageRequest(source: source, documentDigest: digest, page: number), info: info,
                    diagnostics: diagnostics
                )
            }
            for _ in 0..<window {
                guard let number = next.next() else { break }
                group.addTask { try await read(number) }
            }
            while let page = try await group.next() {
                results[page.number] = page
                if let number = next.next() { group.addTask { try await read(number) } }
            }
        }
        let routing = options.routing
        let key = [
            "pdf:\(digest)", "pages:\(numbers.map(String.init).joined(separator: ","))",
            "text:\(textStage.identity)", "ocr:\(ocrStage.map { $0.identity.description } ?? "none")",
            "regions:\(regionStage.map { $0.identity.description } ?? "none")",
            "mode:\(options.ocrMode.rawValue)", "text-layer:\(options.useTextLayer)",
            "layout:\(options.layout.rawValue)@\(LayoutAnalyzer.version)"
                + (visionStage.map { "/\($0.identity)" } ?? ""),
            "routing:\(routing.minimumCharactersPerSquareInch),\(routing.maximumUnmappableShare),"
                + "\(routing.maximumInvisibleShare),\(routing.imageCoverageForOCR),"
                + "\(routing.sparseTextCharactersPerSquareInch),\(routing.minimumImageRegionShare)",
        ].joined(separator: ";")
        var evidence = DocumentEvidence(
            info: info, pages: numbers.compactMap { results[$0] }, diagnostics: diagnostics.diagnostics, cacheKey: key
        )
        if options.layout != .none, layout {
            for (index, regions) in LayoutAnalyzer().analyze(evidence).enumerated() where !regions.isEmpty {
                evidence.pages[index].layout = regions
            }
        }
        if let visionStage {
            for index in evidence.pages.indices {
                let page = evidence.pages[index]
                guard let text = page.textLayer ?? page.ocr else { continue }
                do {
                    let output = try await visionStage.run(
                        PageRequest(source: source, documentDigest: digest, page: page.number)
                    )
                    evidence.pages[index].layout = VisionLayoutStage.regions(output, text: text)
                    if output.dropped > 0 {
                        evidence.diagnostics.append(Diagnostic(
                            .warning, code: "layout.vision-dropped",
                            "the vision model gave \(output.dropped) region(s) outside the page; they were dropped",
                            page: page.number
                        ))
                    }
                } catch is CancellationError {
                    throw CancellationError()
                } catch {
                    evidence.diagnostics.append(Diagnostic(
                        .warning, code: "layout.vision-fallback",
                        "vision layout failed (\(error)); the offline layout analyser was used instead",
                        page: page.number
                    ))
                }
            }
        }
        return evidence
    }

    /// The document's page count and sizes: from the cache when the same bytes were opened before without a
    /// password, by opening the document otherwise.
    ///
    /// A document given with a password is always opened, and its facts are not cached: opening is what checks
    /// the password, and a cached answer would let a later run without it read the cached pages. (A document
    /// that opened without a password needs none, so its facts may be cached even when it is encrypted.)
    private func documentInfo(_ source: PDFSource, digest: String) async throws -> DocumentInfo {
        let request = DocumentInfoStage.Request(source: source, documentDigest: digest)
        if source.password != nil { return try await infoStage.wrapped.run(request) }
        return try await infoStage.run(request)
    }

    private func readPage(
        _ request: PageRequest, info: DocumentInfo, diagnostics: DiagnosticCollector
    ) async throws -> PageEvidence {
        let number = request.page
        let size = info.pageSizes[number - 1]
        let layer = try await textStage.run(request)
        let decision = options.routing.decide(mode: options.ocrMode, probe: layer.probe,
                                              pageArea: size.width * size.height)
        var page = PageEvidence(
            number: number, size: size,
            textLayer: layer.text.lines.isEmpty || !options.useTextLayer ? nil : layer.text, probe: layer.probe,
            ocrDecision: decision
        )
        if decision.ocrsRegions, let regions = decision.regions, let regionStage {
            // A good text layer with large images: OCR just the images, keep only words the text layer lacks.
            let result = try await regionStage.run(RegionRequest(page: request, regions: regions))
            let merged = RegionOCRMerger.newWords(result.text, textLayer: page.textLayer)
            page.ocr = merged.text
            let words = merged.kept == 1 ? "1 word" : "\(merged.kept) words"
            page.ocrDecision?.reason += ": \(words) added, \(merged.dropped) already in the text layer"
            return page
        }
        guard decision.runOCR, let ocrStage else { return page }
        let result = try await ocrStage.run(request)
        let requested = result.requestedDPI ?? options.dpi
        if result.renderedDPI < requested - 0.5 {
            diagnostics.emit(Diagnostic(
                .warning, code: "render.downscaled",
                "page is large: rendered for OCR at \(Int(result.renderedDPI)) dpi instead of \(Int(requested)) dpi",
                page: number
            ))
        }
        page.ocr = result.text
        return page
    }

    /// The SHA-256 of the document's bytes, which names it in cache keys.
    private static func digest(of source: PDFSource) throws -> String {
        switch source.origin {
        case .bytes(let data, _):
            return DocumentDigest.of(data)
        case .file(let path):
            do {
                return try DocumentDigest.ofFile(atPath: path)
            } catch {
                throw ExtractError(.unreadableFile, "cannot be read (\(error.localizedDescription))", path: path)
            }
        }
    }
}
