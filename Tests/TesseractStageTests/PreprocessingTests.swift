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

    @Test func furtherReadingsAreMadeForPoorLowResolutionPages() {
        let scan = OCRPass.passes(width: 600, height: 1100, dpi: 96)
        #expect(scan.map(\.preparation) == [.strokesThickened, .upscaledTwice, .sauvolaThreshold])
        #expect(scan.map(\.belowConfidence) == [0.85, 0.70, 0.70])
        #expect(scan.map(\.scale) == [1, 2, 1])
        // A page rendered at 300 dpi has pixels enough; a huge low-resolution scan is not enlarged past 40 Mpx.
        #expect(OCRPass.passes(width: 2480, height: 3508, dpi: 300).map(\.preparation)
            == [.strokesThickened, .sauvolaThreshold])
        #expect(OCRPass.passes(width: 4000, height: 3000, dpi: 96).map(\.preparation)
            == [.strokesThickened, .sauvolaThreshold])
    }

    @Test func boxesOfAnEnlargedReadingAreMappedBackToThePage() {
        let image = GrayImage(width: 400, height: 800, dpi: 96, pixels: [UInt8](repeating: 255, count: 400 * 800))
        let plain = BoxMapper(image: image, rotationDegrees: 0)
        let doubled = BoxMapper(image: image, rotationDegrees: 0, scale: 2)
        #expect(doubled.map(left: 200, top: 100, right: 240, bottom: 120)
            == plain.map(left: 100, top: 50, right: 120, bottom: 60))
        let turned = BoxMapper(image: image, rotationDegrees: 1.5)
        let turnedDoubled = BoxMapper(image: image, rotationDegrees: 1.5, scale: 2)
        #expect(turnedDoubled.map(left: 200, top: 100, right: 240, bottom: 120)
            == turned.map(left: 100, top: 50, right: 120, bottom: 60))
    }

    /// The scanned invoice at 100 dpi, read with every further reading forced: the enlarged and Sauvola readings'
    /// words land where the born-digital words are, Tesseract's threshold is reset afterwards, and every image is
    /// freed.
    @Test func forcedFurtherReadingsKeepBoxesOnThePageAndResetTheEngine() throws {
        let engine = try TesseractEngine(languages: OCRLanguages("eng"))
        let image = try PDFDocument(.file(Fixtures.sample("invoice-scanned.pdf").path)).renderGray(page: 1, dpi: 100)
        let before = try engine.recognize(image, preprocessing: .contrast)
        let forced = [OCRPass.Preparation.upscaledTwice, .sauvolaThreshold].map {
            OCRPass(preparation: $0, belowConfidence: 2)
        }
        let merged = try engine.recognize(image, deskew: true, preprocessing: .auto, timeLimit: nil, passes: forced)
        #expect(engine.preprocessingImagesAlive == 0)
        #expect(try engine.recognize(image, preprocessing: .contrast) == before, "thresholding reset after Sauvola")

        let born = try PDFDocument(.file(Fixtures.sample("invoice.pdf").path)).textLayer(page: 1)
        let recall = WordComparison.recall(expected: born.words.map(\.text), actual: merged.words.map(\.text))
        #expect(recall >= 0.8, "merged readings found \(Int(recall * 100)) % of the born-digital words")
        #expect(merged.words.allSatisfy { $0.box.x >= -2 && $0.box.maxX <= 597 && $0.box.y >= -2 })
        #expect(merged.words.allSatisfy { $0.box.maxY <= 844 })
        // The scan is the born-digital page turned 0.7° about its centre (see OCRTests).
        let size = try PDFDocument(.file(Fixtures.sample("invoice.pdf").path)).pageSize(1)
        let turned = born.words.map { word in
            TextWord(text: word.text, box: OCRTests.rotated(word.box, degrees: 0.7, about: (size.width / 2,
                size.height / 2)))
        }
        let overlaps = WordComparison.matchedBoxOverlaps(reference: turned, other: merged.words)
        let good = overlaps.filter { $0.1 >= 0.5 }.count
        #expect(Double(good) >= Double(overlaps.count) * 0.9, "\(good) of \(overlaps.count) boxes with IoU ≥ 0.5")
    }
}
