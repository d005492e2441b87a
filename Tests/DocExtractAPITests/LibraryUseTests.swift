// Uses DocExtract the way a user's package does: `import DocExtract` and nothing else of the project.
import DocExtract
import Foundation
import Testing

private let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

private let localModelInstalled: Bool = {
    let home = ProcessInfo.processInfo.environment["DOCEXTRACT_HOME"].map { URL(fileURLWithPath: $0) }
        ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".local/share/docextract")
    return FileManager.default.isExecutableFile(atPath: home.appendingPathComponent("bin/llama-server").path)
}()

@Suite(.serialized) struct LibraryUseTests {
    @Test(.enabled(if: localModelInstalled, "the local model is installed by `make setup`"))
    func scannedReceiptWithTheOfflineModel() async throws {
        let schemaURL = repository.appendingPathComponent("schemas/receipt.schema.json")
        let schema = try JSONValue(parsing: try Data(contentsOf: schemaURL))
        let cacheFolder = FileManager.default.temporaryDirectory
            .appendingPathComponent("docextract-api-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: cacheFolder) }
        var configuration = ExtractorConfiguration()
        configuration.cacheDirectory = cacheFolder
        let extractor = try Extractor(configuration: configuration)
        defer { extractor.close() }
        let result = try await extractor.extract(
            pdfAt: repository.appendingPathComponent("samples/receipt-scanned.pdf").path, schema: schema
        )
        #expect(result.status != .failure, "errors: \(result.errors)")
        #expect(result.value?.objectValue != nil)
        #expect(result.pages.first?.decision?.runOCR == true, "the scanned page was routed to OCR")
        #expect((result.pages.first?.ocrWords ?? 0) > 20)
        #expect(result.usage.calls > 0)
        #expect(result.usage.model.hasPrefix("local/"))
        // Whatever the small model answered is either located in the evidence or flagged for review.
        for field in result.fields where !field.value.isNull {
            #expect(field.provenance != nil || result.needsReview.contains(field.pointer), "\(field.pointer)")
        }
    }

    @Test func badInputIsAnErrorWithACode() async throws {
        var configuration = ExtractorConfiguration()
        configuration.cacheDirectory = nil
        let extractor = try Extractor(configuration: configuration)
        defer { extractor.close() }
        let error = await #expect(throws: ExtractError.self) {
            try await extractor.extract(
                pdfAt: repository.appendingPathComponent("samples/bad/truncated.pdf").path, schema: ["type": "object"]
            )
        }
        #expect(error?.code == .damagedPDF)
        #expect(error?.code.exitCode == 4)
    }
}
