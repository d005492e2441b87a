import ExtractCore
import ExtractTestSupport
import PopplerStage
import Testing

/// The per-page text-layer probe that routing uses.
@Suite struct ProbeTests {
    private func probe(_ sample: String, page: Int) throws -> TextLayerProbe {
        let document = try PDFDocument(.file(Fixtures.sample(sample).path))
        return try document.probe(page: page, textLayer: document.textLayer(page: page))
    }

    @Test func bornDigitalPageHasDenseVisibleText() throws {
        let result = try probe("invoice.pdf", page: 1)
        #expect(result.characterCount > 500)
        #expect(result.charactersPerSquareInch > 3)
        #expect(result.imageCoverage < 0.05)
        #expect(result.unmappableShare == 0)
        #expect(result.invisibleShare < 0.05)
    }

    @Test func scannedPageHasNoTextAndIsCoveredByAnImage() throws {
        let result = try probe("invoice-scanned.pdf", page: 1)
        #expect(result.characterCount == 0)
        #expect(result.imageCoverage > 0.95)
    }

    @Test func mixedDocumentIsTellsItsScannedPageApart() throws {
        let pages = try (1...3).map { try probe("mixed.pdf", page: $0) }
        #expect(pages[0].characterCount > 200 && pages[0].imageCoverage < 0.2)
        #expect(pages[1].characterCount == 0 && pages[1].imageCoverage > 0.9)
        #expect(pages[2].characterCount > 100)
    }

    @Test func routingOCRsExactlyTheImageOnlyPages() throws {
        let routing = OCRRouting()
        let decisions = try (1...3).map { routing.decide(mode: .auto, probe: try probe("mixed.pdf", page: $0)) }
        #expect(decisions.map(\.runOCR) == [false, true, false])
    }
}
