import DocExtract
import ExtractCore
import ExtractTestSupport
import Foundation
import PopplerStage
import StageCache
import Testing

/// `--ocr-preprocess` and `--ocr-resolution` reach the OCR stage, in process and in worker processes, and are
/// part of its cache key: changing one re-runs OCR and nothing else.
@Suite(.serialized) struct OCROptionsTests {
    let source = PDFSource.file(Fixtures.sample("mixed.pdf").path)

    private func read(_ options: EvidenceOptions, cache: any CacheStore, events: StageEventRecorder) async throws
        -> DocumentEvidence
    {
        let reader = try EvidenceReader(options: options, cache: cache, observe: events.record)
        defer { reader.close() }
        return try await reader.read(source)
    }

    @Test func defaultsPreprocessAndMatchTheScan() {
        let options = EvidenceOptions()
        #expect(options.preprocessing == .auto)
        #expect(options.matchScanResolution)
    }

    @Test func changingPreprocessingOrResolutionReRunsOnlyOCR() async throws {
        let cache = InMemoryCache()
        let events = StageEventRecorder()
        let first = try await read(EvidenceOptions(), cache: cache, events: events)
        #expect(events.executions(of: "tesseract.ocr") == 1)
        var keys: Set<String?> = [first.cacheKey]
        var none = EvidenceOptions()
        none.preprocessing = .none
        var fixed = EvidenceOptions()
        fixed.matchScanResolution = false
        fixed.dpi = 200
        for options in [none, fixed] {
            events.reset()
            let evidence = try await read(options, cache: cache, events: events)
            #expect(events.executions(of: "poppler.text") == 0)
            #expect(events.executions(of: "tesseract.ocr") == 1, "the changed option re-ran OCR")
            #expect(evidence.pages[1].ocr.map { !$0.words.isEmpty } == true)
            keys.insert(evidence.cacheKey)
        }
        #expect(keys.count == 3 && !keys.contains(nil), "each option set has its own evidence key")
        events.reset()
        _ = try await read(none, cache: cache, events: events)
        #expect(events.executions(of: "tesseract.ocr") == 0 && events.hits(of: "tesseract.ocr") == 1)
    }

    @Test func workersApplyTheSameOptions() async throws {
        var options = EvidenceOptions()
        options.preprocessing = .none
        options.matchScanResolution = false
        options.dpi = 200
        var isolated = options
        isolated.isolation = .workerProcess(WorkerProcessOptions(executable: Fixtures.extractExecutable))
        let inWorkers = try EvidenceReader(options: isolated, threads: 1)
        defer { inWorkers.close() }
        let inProcess = try EvidenceReader(options: options, threads: 1)
        defer { inProcess.close() }
        let fromWorkers = try await inWorkers.read(source)
        let fromProcess = try await inProcess.read(source)
        #expect(fromWorkers.pages == fromProcess.pages)
        let defaults = try EvidenceReader(options: EvidenceOptions(), threads: 1)
        defer { defaults.close() }
        #expect(try await defaults.read(source).pages[1].ocr != fromProcess.pages[1].ocr,
                "other options read the scan differently")
    }
}
