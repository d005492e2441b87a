import ExtractCore
import Foundation
import PopplerStage
import TesseractStage

/// The worker side of ``EvidenceIsolation/workerProcess(_:)``: serves evidence requests, one JSON line each
/// on standard input, answering on standard output, until standard input ends.
///
/// It keeps the document it opened last and one Tesseract engine per language set, so consecutive pages of
/// a document cost no reopening. Everything runs on the calling thread.
public enum EvidenceWorker {
    /// Serves requests until standard input closes and returns the process exit status (0).
    ///
    /// `arguments` may hold `--memory-limit BYTES`, applied with `setrlimit(RLIMIT_AS)` before anything is
    /// loaded. For tests only, `DOCEXTRACT_TEST_CRASH_PAGE=N` makes the worker abort when asked for page N's
    /// text layer (with `DOCEXTRACT_TEST_CRASH_STAGE=render` when rendering it instead, and
    /// `DOCEXTRACT_TEST_CRASH_SIGNAL=11` raising that signal instead of aborting),
    /// `DOCEXTRACT_TEST_HANG_PAGE=N` makes it stop answering there,
    /// `DOCEXTRACT_TEST_HANG_ON=TEXT` makes it stop answering at the OCR step (where Tesseract's layout
    /// analysis, which no deadline covers, would run) of every page of a document whose path contains `TEXT`,
    /// and `DOCEXTRACT_TEST_ALLOCATE_PAGE=N` makes it allocate memory until it fails there — they prove that a
    /// crashing or stuck worker costs one document, not the process.
    public static func serve(arguments: [String]) -> Int32 {
        var memoryLimited = false
        if let index = arguments.firstIndex(of: "--memory-limit"), index + 1 < arguments.count,
           let bytes = Int(arguments[index + 1]), bytes > 0 {
            var limit = rlimit(rlim_cur: rlim_t(bytes), rlim_max: rlim_t(bytes))
            memoryLimited = setrlimit(__rlimit_resource_t(RLIMIT_AS.rawValue), &limit) == 0
        }
        let environment = ProcessInfo.processInfo.environment
        var state = State(
            crashPage: environment["DOCEXTRACT_TEST_CRASH_PAGE"].flatMap(Int.init),
            crashInRender: environment["DOCEXTRACT_TEST_CRASH_STAGE"] == "render",
            crashSignal: environment["DOCEXTRACT_TEST_CRASH_SIGNAL"].flatMap(Int32.init),
            hangPage: environment["DOCEXTRACT_TEST_HANG_PAGE"].flatMap(Int.init),
            hangOnPath: environment["DOCEXTRACT_TEST_HANG_ON"].flatMap { $0.isEmpty ? nil : $0 },
            // Only under a memory limit: without one this would take the whole machine's memory.
            allocatePage: memoryLimited ? environment["DOCEXTRACT_TEST_ALLOCATE_PAGE"].flatMap(Int.init) : nil
        )
        var buffer = Data()
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            while let newline = buffer.firstIndex(of: 0x0A) {
                let line = Data(buffer[buffer.startIndex..<newline])
                buffer = Data(buffer[buffer.index(after: newline)...])
                guard !line.isEmpty else { continue }
                let reply: WorkerMessage.Reply
                do {
                    let request = try JSONDecoder().decode(WorkerMessage.Request.self, from: line)
                    reply = state.handle(request)
                } catch {
                    reply = WorkerMessage.Reply(error: WorkerMessage.ErrorBody(
                        ExtractError(.internalError, "the evidence worker got an unreadable request: \(error)")
                    ))
                }
                send(reply)
            }
            let count = read(0, &chunk, chunk.count)
            if count < 0, errno == EINTR { continue }
            if count <= 0 { return 0 }
            buffer.append(contentsOf: chunk[0..<count])
        }
    }

    fileprivate static func send(_ reply: WorkerMessage.Reply) {
        guard var data = try? JSONEncoder().encode(reply) else { return }
        data.append(0x0A)
        data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = write(1, raw.baseAddress!.advanced(by: offset), raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    exit(0)
                }
                offset += written
            }
        }
    }

    /// The worker's open document and engines.
    private struct State {
        let crashPage: Int?
        let crashInRender: Bool
        let crashSignal: Int32?
        let hangPage: Int?
        let hangOnPath: String?
        let allocatePage: Int?
        var source: PDFSource?
        var document: PDFDocument?
        var engines: [String: TesseractEngine] = [:]

        init(
            crashPage: Int?, crashInRender: Bool, crashSignal: Int32?, hangPage: Int?, hangOnPath: String?,
            allocatePage: Int?
        ) {
            self.crashPage = crashPage
            self.crashInRender = crashInRender
            self.crashSignal = crashSignal
            self.hangPage = hangPage
            self.hangOnPath = hangOnPath
            self.allocatePage = allocatePage
        }

        mutating func handle(_ request: WorkerMessage.Request) -> WorkerMessage.Reply {
            do {
                switch request.op {
                case .info:
                    return WorkerMessage.Reply(info: try open(request).info)
                case .text:
                    let page = request.page ?? 1
                    let document = try open(request)
                    EvidenceWorker.send(WorkerMessage.Reply(phase: "text"))
                    if page == crashPage, !crashInRender { crash() }
                    if page == hangPage { while true { pause() } }
                    if page == allocatePage { Self.exhaustMemory() }
                    let text = try document.textLayer(page: page)
                    return WorkerMessage.Reply(
                        text: TextLayerStage.Output(text: text, probe: try document.probe(page: page, textLayer: text))
                    )
                case .ocr, .ocrRegions:
                    return WorkerMessage.Reply(ocr: try recognize(request))
                }
            } catch let error as ExtractError {
                return WorkerMessage.Reply(error: WorkerMessage.ErrorBody(error))
            } catch {
                return WorkerMessage.Reply(error: WorkerMessage.ErrorBody(ExtractError(.internalError, "\(error)")))
            }
        }

        private mutating func open(_ request: WorkerMessage.Request) throws -> PDFDocument {
            let wanted = PDFSource.file(request.path, password: request.password)
            if let document, source == wanted { return document }
            document = nil
            EvidenceWorker.send(WorkerMessage.Reply(phase: "open"))
            let opened = try PDFDocument(wanted)
            source = wanted
            document = opened
            return opened
        }

        private mutating func recognize(_ request: WorkerMessage.Request) throws -> PageOCRStage.Output {
            let page = request.page ?? 1
            let document = try open(request)
            let languages = request.languages ?? "eng"
            EvidenceWorker.send(WorkerMessage.Reply(phase: "render"))
            if page == crashPage, crashInRender { crash() }
            let dpi = request.dpi ?? 300
            let maximumPixels = request.maxPixels ?? defaultMaximumRenderPixels
            // Image regions sit on a text page: only a whole page can be one scan.
            let (image, requested) = request.op == .ocrRegions
                ? (try document.renderGray(page: page, dpi: dpi, maximumPixels: maximumPixels), dpi)
                : try document.renderGrayForOCR(
                    page: page, dpi: dpi, matchingScan: request.matchScan ?? false, maximumPixels: maximumPixels
                )
            let preprocessing = request.preprocess.flatMap(OCRPreprocessing.init(rawValue:)) ?? .none
            EvidenceWorker.send(WorkerMessage.Reply(phase: "ocr"))
            if let hangOnPath, request.name.contains(hangOnPath) || request.path.contains(hangOnPath) {
                while true { pause() }
            }
            let engine: TesseractEngine
            if let existing = engines[languages] {
                engine = existing
            } else {
                engine = try TesseractEngine(languages: try OCRLanguages(languages))
                engines[languages] = engine
            }
            let limit = request.ocrMilliseconds.map { Duration.milliseconds($0) }
            do {
                let text = if request.op == .ocrRegions {
                    try engine.recognize(
                        image, regions: request.regions ?? [], deskew: request.deskew ?? true,
                        preprocessing: preprocessing, timeLimit: limit
                    )
                } else {
                    try engine.recognize(
                        image, deskew: request.deskew ?? true, preprocessing: preprocessing, timeLimit: limit
                    )
                }
                return PageOCRStage.Output(text: text, renderedDPI: image.dpi, requestedDPI: requested)
            } catch var error as ExtractError {
                error.page = error.page ?? page
                throw error
            }
        }

        /// Test trigger: dies as a crashing C library would.
        private func crash() {
            if let crashSignal {
                signal(crashSignal, SIG_DFL)
                raise(crashSignal)
            }
            abort()
        }

        /// Test trigger: allocates and touches memory until an allocation fails, as a runaway decoder would.
        private static func exhaustMemory() {
            var blocks: [UnsafeMutableRawPointer] = []
            while true {
                guard let block = malloc(64 << 20) else { abort() }
                memset(block, 1, 64 << 20)
                blocks.append(block)
            }
        }
    }
}
