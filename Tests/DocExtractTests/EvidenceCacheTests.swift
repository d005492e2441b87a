import DocExtract
import ExtractCore
import ExtractTestSupport
import Foundation
import PopplerStage
import StageCache
import Testing

/// The page stages go through the stage cache: nothing is read twice, and only what an option changes re-runs.
@Suite(.serialized) struct EvidenceCacheTests {
    let source = PDFSource.file(Fixtures.sample("mixed.pdf").path)

    private func read(
        _ options: EvidenceOptions = EvidenceOptions(), cache: any CacheStore, events: StageEventRecorder
    ) async throws -> DocumentEvidence {
        let reader = try EvidenceReader(options: options, cache: cache, observe: events.record)
        defer { reader.close() }
        return try await reader.read(source)
    }

    @Test func secondReadRunsNoStage() async throws {
        let cache = InMemoryCache()
        let events = StageEventRecorder()
        let first = try await read(cache: cache, events: events)
        #expect(events.executions(of: "poppler.text") == 3)
        #expect(events.executions(of: "tesseract.ocr") == 1, "only the scanned page is OCR'd")
        events.reset()
        let second = try await read(cache: cache, events: events)
        #expect(events.executions(of: "poppler.text") == 0)
        #expect(events.executions(of: "tesseract.ocr") == 0)
        #expect(events.hits(of: "poppler.text") == 3 && events.hits(of: "tesseract.ocr") == 1)
        #expect(events.executions(of: "pdf.info") == 0 && events.hits(of: "pdf.info") == 1,
                "the document is not even opened again")
        #expect(first.pages == second.pages)
        #expect(first.info == second.info)
    }

    /// Opening a document is what checks its password: a document given with one is opened every time, and what
    /// a run with the password read is never handed to a run without it.
    @Test func aDocumentGivenWithAPasswordIsOpenedEveryTime() async throws {
        let cache = InMemoryCache()
        let events = StageEventRecorder()
        let encrypted = Fixtures.sample("encrypted.pdf").path
        for _ in 0..<2 {
            let reader = try EvidenceReader(cache: cache, observe: events.record)
            defer { reader.close() }
            let evidence = try await reader.read(.file(encrypted, password: "secret"))
            #expect(evidence.info.isEncrypted)
        }
        #expect(events.hits(of: "pdf.info") + events.executions(of: "pdf.info") == 0, "no cached document facts")
        #expect(events.hits(of: "poppler.text") >= 1, "the second run read its pages from the cache")
        let reader = try EvidenceReader(cache: cache, observe: events.record)
        defer { reader.close() }
        await #expect(throws: ExtractError.self) { _ = try await reader.read(.file(encrypted)) }
    }

    /// A file that cannot be hashed is reported as opening it reports it (missing, a folder), not as unhashable.
    @Test func aMissingFileIsNamedAsMissing() async throws {
        let reader = try EvidenceReader(cache: InMemoryCache())
        defer { reader.close() }
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("missing-\(UUID().uuidString).pdf")
        do {
            _ = try await reader.read(.file(missing.path))
            Issue.record("expected an error")
        } catch let error as ExtractError {
            #expect(error.code == .fileNotFound, "\(error)")
        }
    }

    @Test func changedResolutionReRunsOnlyOCR() async throws {
        let cache = InMemoryCache()
        let events = StageEventRecorder()
        _ = try await read(cache: cache, events: events)
        events.reset()
        var options = EvidenceOptions()
        options.dpi = 200
        let evidence = try await read(options, cache: cache, events: events)
        #expect(events.executions(of: "poppler.text") == 0)
        #expect(events.executions(of: "tesseract.ocr") == 1)
        #expect(evidence.pages[1].ocr.map { !$0.words.isEmpty } == true)
    }

    @Test func sameBytesElsewhereShareTheCache() async throws {
        let cache = InMemoryCache()
        let events = StageEventRecorder()
        _ = try await read(cache: cache, events: events)
        events.reset()
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("copy-\(UUID().uuidString).pdf")
        try FileManager.default.copyItem(at: Fixtures.sample("mixed.pdf"), to: copy)
        defer { try? FileManager.default.removeItem(at: copy) }
        let reader = try EvidenceReader(cache: cache, observe: events.record)
        defer { reader.close() }
        _ = try await reader.read(.file(copy.path))
        #expect(events.executions(of: "poppler.text") + events.executions(of: "tesseract.ocr") == 0)
    }

    @Test func diskCacheSurvivesANewReader() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dx-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let events = StageEventRecorder()
        _ = try await read(cache: try DiskCache(root: folder), events: events)
        events.reset()
        _ = try await read(cache: try DiskCache(root: folder), events: events)
        #expect(events.hits(of: "poppler.text") == 3 && events.hits(of: "tesseract.ocr") == 1)
        #expect(events.executions(of: "") == 0)
        // No cache file names or contents carry the document's path.
        let names = try FileManager.default.subpathsOfDirectory(atPath: folder.path)
        #expect(names.allSatisfy { !$0.contains("mixed") })
    }
}
