import ExtractCore
import ExtractTestSupport
import Foundation
import PopplerStage
import Testing

/// Rendering pages into memory: gray pixels for OCR and PNG bytes for a vision model.
@Suite struct RenderTests {
    @Test func grayRenderHasThePageSizeAtTheChosenResolution() throws {
        let document = try PDFDocument(.file(Fixtures.sample("invoice.pdf").path))
        let image = try document.renderGray(page: 1, dpi: 144)
        #expect(abs(image.width - Int((595.28 * 2).rounded())) <= 1)
        #expect(abs(image.height - Int((841.89 * 2).rounded())) <= 1)
        #expect(image.dpi == 144)
        #expect(image.pixels.count == image.width * image.height)
    }

    @Test func backgroundIsWhiteAndTextIsDark() throws {
        let document = try PDFDocument(.file(Fixtures.sample("invoice.pdf").path))
        let image = try document.renderGray(page: 1, dpi: 100)
        // The top-left corner is margin: painted white, not left transparent (black).
        #expect(image[2, 2] == 255)
        let dark = image.pixels.filter { $0 < 128 }.count
        let share = Double(dark) / Double(image.pixels.count)
        #expect(share > 0.005 && share < 0.3, "share of dark pixels \(share)")
        // Inside the first line of text there is ink.
        let line = try ExpectedLayout.load("invoice").pages[0].lines[0].box.scaled(by: 100.0 / 72.0)
        var ink = 0
        for y in Int(line.y)..<Int(line.maxY) {
            for x in Int(line.x)..<Int(line.maxX) where image[x, y] < 128 { ink += 1 }
        }
        #expect(ink > 100)
    }

    @Test func hugePagesAreRenderedWithinThePixelLimit() throws {
        let document = try PDFDocument(.file(Fixtures.sample("invoice.pdf").path))
        let image = try document.renderGray(page: 1, dpi: 1200, maximumPixels: 2_000_000)
        #expect(image.width * image.height <= 2_000_000)
        #expect(image.dpi < 1200)
    }

    @Test func pngBytesForAVisionModel() throws {
        let document = try PDFDocument(.file(Fixtures.sample("two-column.pdf").path))
        let (png, dpi) = try document.renderPNG(page: 1, dpi: 150, maximumSide: 800)
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        // 792 pt at the returned resolution fits the maximum side.
        #expect(792 * dpi / 72 <= 800.5)
        #expect(png.count > 10_000)
    }

    @Test func concurrentReaderMatchesDirectUse() async throws {
        let reader = PDFReader(threads: 2)
        defer { reader.shutdown() }
        let source = PDFSource.file(Fixtures.sample("mixed.pdf").path)
        let direct = try PDFDocument(source)
        try await withThrowingTaskGroup(of: (Int, PageText).self) { group in
            for round in 0..<4 {
                for page in 1...3 {
                    group.addTask { (page + round * 0, try await reader.textLayer(source, page: page).text) }
                }
            }
            for try await (page, text) in group {
                #expect(text == (try direct.textLayer(page: page)))
            }
        }
    }
}

/// A 200 × 200 inch page (the largest PDF allows) at 300 dpi would be 3.6 billion pixels; it is rendered
/// within the default pixel limit instead.
@Suite struct HugePageRenderTests {
    @Test func a200InchPageRendersWithinTheDefaultPixelLimit() throws {
        let pdf = MinimalPDF(pages: [MinimalPDF.Page(width: 14_400, height: 14_400, lines: ["HUGE PAGE"])])
        let document = try PDFDocument(.bytes(pdf.data(), name: "huge.pdf"))
        let before = Self.peakResidentBytes()
        let image = try document.renderGray(page: 1, dpi: 300)
        #expect(image.width * image.height <= defaultMaximumRenderPixels)
        #expect(image.width * image.height > defaultMaximumRenderPixels * 9 / 10)
        #expect(abs(image.dpi - 31.6) < 0.2, "rendered at \(image.dpi) dpi")
        // The raster (4 bytes a pixel while drawing, then 1 in gray) stays far below a gigabyte.
        let grown = Self.peakResidentBytes() - before
        #expect(grown < 1024 * 1024 * 1024, "peak resident size grew by \(grown / 1_048_576) MiB")
        // The text is still there: ink in the top-left corner where the line is printed.
        let scale = image.dpi / 72
        var ink = 0
        for y in Int(25 * scale)..<Int(45 * scale) {
            for x in Int(40 * scale)..<Int(140 * scale) where image[x, y] < 160 { ink += 1 }
        }
        #expect(ink > 0)
    }

    private static func peakResidentBytes() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss * 1024
    }
}
