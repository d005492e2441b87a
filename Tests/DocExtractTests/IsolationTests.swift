import DocExtract
import ExtractCore
import ExtractTestSupport
import Foundation
import PopplerStage
import Testing

/// Evidence read in worker processes (`extract __worker`): the same evidence as in process, and a worker that
/// crashes costs one document — the parent survives, the error names the signal and the page, and the next
/// document gets a fresh worker.
@Suite struct IsolationTests {
    private func options(environment: [String: String] = [:], memory: Int? = 4 << 30) -> EvidenceOptions {
        var worker = WorkerProcessOptions(executable: Fixtures.extractExecutable)
        worker.environment = environment
        worker.memoryLimitBytes = memory
        var options = EvidenceOptions()
        options.isolation = .workerProcess(worker)
        return options
    }

    private func failure(_ body: () async throws -> Void) async -> ExtractError? {
        do {
            try await body()
            Issue.record("expected an error")
            return nil
        } catch let error as ExtractError {
            return error
        } catch {
            Issue.record("unexpected error \(error)")
            return nil
        }
    }

    @Test func workersReadTheSameEvidenceAsTheProcessItself() async throws {
        let source = PDFSource.file(Fixtures.sample("mixed.pdf").path)
        let isolated = try EvidenceReader(options: options(), threads: 2)
        defer { isolated.close() }
        let inProcess = try EvidenceReader(options: EvidenceOptions(), threads: 2)
        defer { inProcess.close() }
        let fromWorkers = try await isolated.read(source)
        let fromProcess = try await inProcess.read(source)
        #expect(fromWorkers.info == fromProcess.info)
        #expect(fromWorkers.pages == fromProcess.pages)
        #expect(fromWorkers.pages[1].ocr?.words.isEmpty == false, "page 2 is scanned and was OCR'd in a worker")
        #expect(isolated.workerProcessesStarted >= 1)
    }

    @Test func aDocumentReadBeforeStartsNoWorker() async throws {
        let source = PDFSource.file(Fixtures.sample("mixed.pdf").path)
        let cache = InMemoryCache()
        let cold = try EvidenceReader(options: options(), threads: 1, cache: cache)
        let first = try await cold.read(source)
        cold.close()
        #expect(cold.workerProcessesStarted >= 1)
        let warm = try EvidenceReader(options: options(), threads: 1, cache: cache)
        defer { warm.close() }
        let second = try await warm.read(source)
        #expect(warm.workerProcessesStarted == 0, "the document's facts and pages all came from the cache")
        #expect(second.info == first.info && second.pages == first.pages)
    }

    @Test func aCrashingWorkerFailsOneDocumentAndTheNextGetsAFreshWorker() async throws {
        let reader = try EvidenceReader(
            options: options(environment: ["DOCEXTRACT_TEST_CRASH_PAGE": "2"]), threads: 1
        )
        defer { reader.close() }
        let path = Fixtures.sample("mixed.pdf").path
        let error = await failure { _ = try await reader.read(.file(path)) }
        #expect(error?.code == .damagedPDF)
        #expect(error?.path == path)
        #expect(error?.page == 2)
        #expect(error?.message.contains("the PDF reader crashed (signal \(SIGABRT)") == true,
                "\(String(describing: error))")
        let startedAfterCrash = reader.workerProcessesStarted
        // The parent is alive and the next document (one page: the trigger never fires) is read by a new worker.
        let next = try await reader.read(.file(Fixtures.sample("invoice.pdf").path))
        #expect(next.pages.count == 1)
        #expect(next.pages[0].textLayer?.words.isEmpty == false)
        #expect(reader.workerProcessesStarted >= 2)
        #expect(reader.workerProcessesStarted >= startedAfterCrash)
    }

    @Test func aWorkerThatRunsOutOfItsMemoryLimitFailsTheDocument() async throws {
        let reader = try EvidenceReader(
            options: options(environment: ["DOCEXTRACT_TEST_ALLOCATE_PAGE": "1"], memory: 512 << 20), threads: 1
        )
        defer { reader.close() }
        let error = await failure { _ = try await reader.read(.file(Fixtures.sample("invoice.pdf").path)) }
        #expect(error?.page == 1)
        #expect(error?.message.contains("crashed (signal") == true, "\(String(describing: error))")
        #expect(error?.message.contains("memory limit of 512 MiB") == true)
        #expect(error?.message.contains("--worker-memory") == true)
    }

    @Test func documentsInMemoryAreHandedToTheWorkerThroughAPrivateFile() async throws {
        let data = try Data(contentsOf: Fixtures.sample("invoice.pdf"))
        let reader = try EvidenceReader(options: options(), threads: 1)
        defer { reader.close() }
        let evidence = try await reader.read(.bytes(data, name: "upload.pdf"))
        #expect(evidence.pages.count == 1)
        #expect(evidence.pages[0].textLayer?.words.isEmpty == false)
        let damaged = await failure { _ = try await reader.read(.bytes(data.prefix(400), name: "cut.pdf")) }
        #expect(damaged?.path == "cut.pdf", "errors name the document, not the temporary file")
    }

    @Test func errorsFromTheWorkerKeepTheirCodes() async throws {
        let reader = try EvidenceReader(options: options(), threads: 1)
        defer { reader.close() }
        let encrypted = await failure { _ = try await reader.read(.file(Fixtures.sample("encrypted.pdf").path)) }
        #expect(encrypted?.code == .passwordRequired)
        let evidence = try await reader.read(.file(Fixtures.sample("encrypted.pdf").path, password: "secret"))
        #expect(evidence.info.isEncrypted)
        let missing = await failure { _ = try await reader.read(.file("/nonexistent/x.pdf")) }
        #expect(missing?.code == .fileNotFound)
    }
}

/// A worker that stops answering is killed at the request timeout; the document fails and the next one is read.
@Suite struct WorkerTimeoutTests {
    @Test func aStuckWorkerIsKilledAndReplaced() async throws {
        var worker = WorkerProcessOptions(executable: Fixtures.extractExecutable)
        worker.environment = ["DOCEXTRACT_TEST_HANG_PAGE": "3"]
        worker.requestTimeout = .seconds(8)
        var options = EvidenceOptions()
        options.isolation = .workerProcess(worker)
        options.ocrMode = .never
        let reader = try EvidenceReader(options: options, threads: 1)
        defer { reader.close() }
        do {
            _ = try await reader.read(.file(Fixtures.sample("mixed.pdf").path))
            Issue.record("expected the stuck page to fail the document")
        } catch let error as ExtractError {
            #expect(error.code == .timeLimitExceeded)
            #expect(error.page == 3)
            #expect(error.message.contains("did not finish within 8 s"), "\(error)")
        }
        let next = try await reader.read(.file(Fixtures.sample("invoice.pdf").path))
        #expect(next.pages.count == 1)
    }

    /// Tesseract's deadline is not checked during its layout analysis: the hook stops the worker right there,
    /// and the parent's OCR deadline (limit + margin, counted from the start of the page's render) still holds.
    @Test func aPageStuckWhereTesseractsDeadlineIsNotCheckedFailsAtTheOCRTimeLimit() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stuck-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let stuck = folder.appendingPathComponent("stuck-scan.pdf")
        try FileManager.default.copyItem(at: Fixtures.sample("invoice-scanned.pdf"), to: stuck)
        var worker = WorkerProcessOptions(executable: Fixtures.extractExecutable)
        worker.environment = ["DOCEXTRACT_TEST_HANG_ON": "stuck-scan"]
        worker.ocrDeadlineMargin = .seconds(1)
        var options = EvidenceOptions()
        options.isolation = .workerProcess(worker)
        // Long enough for the next document's real OCR on a busy machine (about 3 s a page on a quiet one).
        options.maximumOCRDuration = .seconds(15)
        let reader = try EvidenceReader(options: options, threads: 1)
        defer { reader.close() }
        let started = ContinuousClock.now
        do {
            _ = try await reader.read(.file(stuck.path))
            Issue.record("expected the stuck page to fail the document")
        } catch let error as ExtractError {
            #expect(error.code == .timeLimitExceeded)
            #expect(error.code.exitCode == 9)
            #expect(error.path == stuck.path)
            #expect(error.page == 1)
            // The OCR engine, where the hook waits (the renderer if rendering alone overran, on a starved machine).
            #expect(error.message.contains("did not finish the page within the OCR time limit of 15 s "
                + "(plus a margin of 1 s) and its worker was stopped"), "\(error)")
            #expect(error.message.contains("--ocr-timeout 30"), "\(error)")
        }
        let elapsed = ContinuousClock.now - started
        #expect(elapsed >= .seconds(16), "not stopped before the limit and its margin: \(elapsed)")
        // The time includes starting the worker and reading the text layer, which a full parallel test run can
        // stretch to a minute; without the OCR deadline the page would be stopped at the 600 s request timeout.
        #expect(elapsed < .seconds(120), "stopped at the OCR limit, not the 600 s request timeout: \(elapsed)")
        let startedBefore = reader.workerProcessesStarted
        // The replacement worker OCRs the next scanned document within the same limit.
        let next = try await reader.read(.file(Fixtures.sample("receipt-scanned.pdf").path))
        #expect(next.pages.first?.ocr?.words.isEmpty == false)
        #expect(reader.workerProcessesStarted > startedBefore, "a new worker replaced the killed one")
    }
}

/// A segmentation fault while rendering names the renderer, the signal and the page.
@Suite struct RendererCrashTests {
    @Test func aSegfaultWhileRenderingIsReportedAsARendererCrash() async throws {
        var worker = WorkerProcessOptions(executable: Fixtures.extractExecutable)
        worker.environment = [
            "DOCEXTRACT_TEST_CRASH_PAGE": "2", "DOCEXTRACT_TEST_CRASH_STAGE": "render",
            "DOCEXTRACT_TEST_CRASH_SIGNAL": String(SIGSEGV),
        ]
        var options = EvidenceOptions()
        options.isolation = .workerProcess(worker)
        let reader = try EvidenceReader(options: options, threads: 1)
        defer { reader.close() }
        let path = Fixtures.sample("mixed.pdf").path
        do {
            _ = try await reader.read(.file(path))
            Issue.record("expected the renderer crash to fail the document")
        } catch let error as ExtractError {
            #expect(error.code == .renderFailed)
            #expect(error.page == 2)
            #expect(error.description.hasPrefix("\(path): page 2: the PDF renderer crashed (signal 11, SIGSEGV)"),
                    "\(error)")
        }
    }
}
