import ExtractCore
import ExtractTestSupport
import Foundation
import PopplerStage
@testable import TesseractStage
import Testing

/// Leptonica preprocessing before OCR: faint, unevenly lit scans read at least as well with it, and every
/// intermediate image is freed.
@Suite(.serialized) struct PreprocessingTests {
    /// The scanned receipt sample made faint and unevenly lit: ink lightened to a quarter of its darkness, on
    /// paper that greys from white at the top to mid-grey at the bottom (a thermal receipt photographed under
    /// a lamp). Tesseract's one global threshold cannot separate such ink from such paper everywhere.
    static func faintReceipt() throws -> GrayImage {
        let image = try PDFDocument(.file(Fixtures.sample("receipt-scanned.pdf").path)).renderGray(page: 1, dpi: 300)
        var pixels = image.pixels
        for row in 0..<image.height {
            let paper = 255 - 110 * Double(row) / Double(image.height)
            for column in 0..<image.width {
                let ink = 1 - Double(image.pixels[row * image.width + column]) / 255
                pixels[row * image.width + column] = UInt8(max(0, min(255, paper * (1 - 0.3 * ink))))
            }
        }
        return GrayImage(width: image.width, height: image.height, dpi: image.dpi, pixels: pixels)
    }

    static var receiptWords: [String] {
        get throws { try ExpectedLayout.load("receipt").pages[0].words }
    }

    @Test func faintScanReadsAtLeastAsWellWithPreprocessing() throws {
        let engine = try TesseractEngine(languages: OCRLanguages("eng"))
        let faint = try Self.faintReceipt()
        let truth = try Self.receiptWords
        let plain = try engine.recognize(faint, preprocessing: .none)
        let contrast = try engine.recognize(faint, preprocessing: .contrast)
        let auto = try engine.recognize(faint, preprocessing: .auto)
        let recall = { (text: PageText) in WordComparison.recall(expected: truth, actual: text.words.map(\.text)) }
        #expect(recall(contrast) >= recall(plain), "contrast \(recall(contrast)) vs none \(recall(plain))")
        #expect(recall(auto) >= recall(plain), "auto \(recall(auto)) vs none \(recall(plain))")
        #expect(recall(auto) >= 0.8, "auto read \(Int(recall(auto) * 100)) % of the receipt's words")
    }

    @Test func cleanScanStillReadsWellWithPreprocessing() throws {
        let engine = try TesseractEngine(languages: OCRLanguages("eng"))
        let image = try PDFDocument(.file(Fixtures.sample("receipt-scanned.pdf").path)).renderGray(page: 1, dpi: 300)
        let ocr = try engine.recognize(image, preprocessing: .auto)
        let recall = WordComparison.recall(expected: try Self.receiptWords, actual: ocr.words.map(\.text))
        #expect(recall >= 0.85, "receipt recall \(recall)")
    }

    @Test func preprocessingFreesEveryImage() throws {
        let engine = try TesseractEngine(languages: OCRLanguages("eng"))
        let faint = try Self.faintReceipt()
        #expect(engine.preprocessingImagesAlive == 0)
        var counts: [Int] = []
        for mode in [OCRPreprocessing.auto, .contrast, .none, .auto, .auto] {
            _ = try engine.recognize(faint, deskew: true, preprocessing: mode)
            counts.append(engine.preprocessingImagesAlive)
        }
        #expect(counts == [0, 0, 0, 0, 0], "images left alive after each page: \(counts)")
        // A failing reading frees its images too.
        #expect(throws: ExtractError.self) {
            try engine.recognize(faint, preprocessing: .auto, timeLimit: .milliseconds(1))
        }
        #expect(engine.preprocessingImagesAlive == 0)
    }

    @Test func mergedReadingsKeepTheMoreConfidentLineAndAddMissingOnes() {
        func line(_ text: String, y: Double, confidence: Double) -> TextLine {
            let words = text.split(separator: " ").enumerated().map { index, word in
                TextWord(text: String(word), box: BoundingBox(x: 10 + Double(index) * 40, y: y, width: 35, height: 10),
                         confidence: confidence)
            }
            return TextLine(words: words)
        }
        let first = PageText(source: .ocr, lines: [
            line("TOTAL 11.50", y: 100, confidence: 0.9),
            line("Tqtal Sa1es", y: 120, confidence: 0.3),
        ])
        let firstBlocks = PageText(source: .ocr, lines: first.lines, blocks: [
            TextBlock(kind: .text, box: BoundingBox.enclosing(first.lines.map(\.box))!, lines: first.lines),
        ])
        let second = PageText(source: .ocr, lines: [
            line("T0TAL 11.5O", y: 101, confidence: 0.5),
            line("Total Sales", y: 121, confidence: 0.95),
            line("10-05-17", y: 60, confidence: 0.8),
        ])
        let merged = OCRReadingMerger.merge(firstBlocks, second)
        #expect(merged.lines.map(\.text) == ["10-05-17", "TOTAL 11.50", "Total Sales"])
        #expect(merged.blocks.flatMap(\.lines).map(\.text).sorted() == merged.lines.map(\.text).sorted())
        #expect(OCRReadingMerger.merge(first, PageText(source: .ocr, lines: [])) == first)
        #expect(OCRReadingMerger.merge(PageText(source: .ocr, lines: []), second) == second)
    }
}
