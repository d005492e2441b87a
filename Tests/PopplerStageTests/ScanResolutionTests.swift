import ExtractCore
import ExtractTestSupport
import Foundation
import PopplerStage
import Testing

/// Scanned pages are rendered for OCR at the scan's own resolution.
@Suite struct ScanResolutionTests {
    @Test func scannedPageReportsItsImageResolution() throws {
        let scan = try PDFDocument(.file(Fixtures.sample("receipt-scanned.pdf").path))
        let resolution = try #require(try scan.scanResolution(page: 1))
        #expect(abs(resolution - 300) < 1)
        #expect(try PDFDocument(.file(Fixtures.sample("invoice.pdf").path)).scanResolution(page: 1) == nil)
    }

    @Test func renderingForOCRUsesTheScanResolutionOnlyWhenAsked() throws {
        let scan = try PDFDocument(.file(Fixtures.sample("receipt-scanned.pdf").path))
        let matched = try scan.renderGrayForOCR(page: 1, dpi: 150, matchingScan: true)
        #expect(abs(matched.image.dpi - 300) < 1 && abs(matched.requestedDPI - 300) < 1)
        let fixed = try scan.renderGrayForOCR(page: 1, dpi: 150, matchingScan: false)
        #expect(fixed.image.dpi == 150 && fixed.requestedDPI == 150)
        let text = try PDFDocument(.file(Fixtures.sample("invoice.pdf").path))
        #expect(try text.renderGrayForOCR(page: 1, dpi: 150, matchingScan: true).image.dpi == 150)
    }
}
