import DocExtract
import ExtractCore
import ExtractTestSupport
import Foundation
import JSONCore
import PopplerStage
import Testing

/// Every per-document limit fails with `.limitExceeded` (`.timeLimitExceeded` for time; both exit 9), naming the
/// limit and the flag that raises it.
@Suite struct LimitTests {
    private func read(_ path: String, _ adjust: (inout EvidenceOptions) -> Void) async throws -> DocumentEvidence {
        var options = EvidenceOptions()
        adjust(&options)
        let reader = try EvidenceReader(options: options)
        defer { reader.close() }
        return try await reader.read(.file(path))
    }

    private func limitError(_ body: () async throws -> Void) async -> ExtractError? {
        do {
            try await body()
            return nil
        } catch let error as ExtractError {
            return error
        } catch {
            Issue.record("unexpected error \(error)")
            return nil
        }
    }

    @Test func defaultsAreDocumented() {
        let options = EvidenceOptions()
        #expect(options.maximumFileBytes == 512 * 1024 * 1024)
        #expect(options.maximumPages == 2000)
        #expect(options.maximumRenderPixels == 40_000_000)
        #expect(options.maximumOCRDuration == .seconds(120))
        #expect(ExtractorConfiguration().synthesis.maxDocumentTokens == 200_000)
    }

    @Test func aFileLargerThanTheLimitIsRefusedBeforeItIsOpened() async throws {
        let path = Fixtures.sample("invoice.pdf").path
        let error = await limitError { _ = try await read(path) { $0.maximumFileBytes = 1000 } }
        #expect(error?.code == .limitExceeded)
        #expect(error?.code.exitCode == 9)
        #expect(error?.path == path)
        #expect(error?.message.contains("limit of 1000 bytes") == true, "\(String(describing: error))")
        #expect(error?.message.contains("--max-file-size") == true)
        // At the limit it is read.
        let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as! NSNumber
        let evidence = try await read(path) {
            $0.maximumFileBytes = size.intValue
            $0.ocrMode = .never
        }
        #expect(evidence.pages.count == 1)
    }

    @Test func moreSelectedPagesThanTheLimitAreRefused() async throws {
        let pdf = MinimalPDF(pages: (1...5).map { MinimalPDF.Page(lines: ["Page \($0)"]) })
        let url = try pdf.write(named: "five-pages.pdf")
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let error = await limitError { _ = try await read(url.path) {
            $0.maximumPages = 3
            $0.ocrMode = .never
        } }
        #expect(error?.code == .limitExceeded)
        #expect(error?.message.contains("the document has 5 pages, more than the limit of 3") == true,
                "\(String(describing: error))")
        #expect(error?.message.contains("--max-pages") == true)
        // Selecting three pages keeps within the limit.
        let evidence = try await read(url.path) {
            $0.maximumPages = 3
            $0.ocrMode = .never
            $0.pages = try! PageSelection(parsing: "2-4")
        }
        #expect(evidence.pages.map(\.number) == [2, 3, 4])
        #expect(evidence.pages[0].textLayer?.lines.first?.text == "Page 2")
    }

    @Test func ocrLongerThanThePageTimeLimitIsStoppedAndNamesThePage() async throws {
        let path = Fixtures.sample("invoice-scanned.pdf").path
        let error = await limitError { _ = try await read(path) { $0.maximumOCRDuration = .milliseconds(1) } }
        #expect(error?.code == .timeLimitExceeded)
        #expect(error?.code.exitCode == 9)
        #expect(error?.page == 1)
        #expect(error?.path == path)
        #expect(error?.message.contains("--ocr-timeout") == true, "\(String(describing: error))")
    }

    @Test func aHugePageIsOCRdAtALowerResolutionWithinThePixelLimit() async throws {
        // 200 × 200 inches: at 300 dpi that would be 3.6 billion pixels (14 GB as ARGB).
        let pdf = MinimalPDF(pages: [MinimalPDF.Page(width: 14_400, height: 14_400, lines: ["HUGE PAGE"])])
        let url = try pdf.write(named: "huge.pdf")
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let evidence = try await read(url.path) {
            $0.ocrMode = .always
            $0.maximumRenderPixels = 1_000_000
        }
        #expect(evidence.pages.count == 1)
        #expect(evidence.diagnostics.contains { $0.code == "render.downscaled" && $0.page == 1 })
    }

    @Test func theDocumentTokenLimitStopsFurtherModelRequests() async throws {
        let schemaText = try String(contentsOf: Fixtures.repositoryRoot.appendingPathComponent(
            "schemas/invoice.schema.json"), encoding: .utf8)
        let model = ScriptedLanguageModel([.answer(#"{"invoice_number": 5}"#)])
        var configuration = ExtractorConfiguration()
        configuration.model = .custom(model)
        configuration.cacheDirectory = nil
        configuration.synthesis.strategy = .wholeDocument
        configuration.synthesis.maxDocumentTokens = 100
        let extractor = try Extractor(configuration: configuration)
        defer { extractor.close() }
        let error = await limitError {
            _ = try await extractor.extract(
                pdfAt: Fixtures.sample("invoice.pdf").path, schema: try JSONValue(parsing: schemaText)
            )
        }
        #expect(error?.code == .limitExceeded)
        #expect(error?.message.contains("limit of 100 tokens per document") == true, "\(String(describing: error))")
        #expect(error?.message.contains("--max-document-tokens") == true)
        #expect(model.requests.count == 1, "the first answer was invalid, and no repair was sent over the limit")
    }
}
