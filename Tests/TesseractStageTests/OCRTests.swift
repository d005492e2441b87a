import ExtractCore
import ExtractTestSupport
import Foundation
import PopplerStage
import TesseractStage
import Testing

/// OCR of the scanned samples, checked against the born-digital twin and the generator's ground truth.
@Suite(.serialized) struct OCRTests {
    static func render(_ sample: String, page: Int = 1, dpi: Double = 300) throws -> GrayImage {
        try PDFDocument(.file(Fixtures.sample(sample).path)).renderGray(page: page, dpi: dpi)
    }

    @Test func scannedInvoiceAgreesWithTheBornDigitalWords() throws {
        let engine = try TesseractEngine(languages: OCRLanguages("eng"))
        let ocr = try engine.recognize(Self.render("invoice-scanned.pdf"))
        let born = try PDFDocument(.file(Fixtures.sample("invoice.pdf").path)).textLayer(page: 1)
        let recall = WordComparison.recall(expected: born.words.map(\.text), actual: ocr.words.map(\.text))
        #expect(recall >= 0.95, "OCR found \(Int(recall * 100)) % of the born-digital words")

        // The same word sits in the same place: OCR boxes come back in page points, top-left origin. The scan
        // is the born-digital page turned 0.7° counter-clockwise about its centre (samples/manifest.json), so
        // the text-layer boxes are turned the same way before comparing.
        let size = try PDFDocument(.file(Fixtures.sample("invoice.pdf").path)).pageSize(1)
        let turned = born.words.map { word in
            TextWord(text: word.text, box: Self.rotated(word.box, degrees: 0.7, about: (size.width / 2, size.height / 2)))
        }
        let overlaps = WordComparison.matchedBoxOverlaps(reference: turned, other: ocr.words)
        #expect(overlaps.count >= born.words.count * 9 / 10)
        let good = overlaps.filter { $0.1 >= 0.5 }.count
        #expect(Double(good) >= Double(overlaps.count) * 0.9, "\(good) of \(overlaps.count) boxes with IoU ≥ 0.5")
        let sorted = overlaps.map(\.1).sorted()
        #expect(sorted[sorted.count / 2] >= 0.5, "median IoU \(sorted[sorted.count / 2])")
    }

    /// The box enclosing `box` turned counter-clockwise (as seen on the page) by `degrees` about `centre`.
    static func rotated(_ box: BoundingBox, degrees: Double, about centre: (Double, Double)) -> BoundingBox {
        let angle = degrees * .pi / 180
        let corners = [(box.x, box.y), (box.maxX, box.y), (box.x, box.maxY), (box.maxX, box.maxY)].map { x, y in
            let dx = x - centre.0
            let dy = y - centre.1
            let turnedX = centre.0 + dx * cos(angle) + dy * sin(angle)
            let turnedY = centre.1 - dx * sin(angle) + dy * cos(angle)
            return BoundingBox(x: turnedX, y: turnedY, width: 0, height: 0)
        }
        return BoundingBox.enclosing(corners)!
    }

    @Test func wordsCarryConfidencesAndLinesAndBlocks() throws {
        let engine = try TesseractEngine(languages: OCRLanguages("eng"))
        let ocr = try engine.recognize(Self.render("invoice-scanned.pdf"))
        #expect(ocr.source == .ocr)
        #expect(ocr.words.allSatisfy { ($0.confidence ?? -1) >= 0 && ($0.confidence ?? 2) <= 1 })
        #expect((ocr.meanConfidence ?? 0) > 0.8)
        #expect(!ocr.blocks.isEmpty)
        #expect(ocr.lines.count >= 25)
        // Every word lies on the page.
        #expect(ocr.words.allSatisfy { $0.box.x >= -2 && $0.box.maxX <= 597 && $0.box.y >= -2 && $0.box.maxY <= 844 })
        // Block kinds come from Tesseract's page layout analysis, not a single default block.
        #expect(Set(ocr.blocks.map(\.kind)).count >= 2)
    }

    @Test func scannedReceiptIsRead() throws {
        let engine = try TesseractEngine(languages: OCRLanguages("eng"))
        let ocr = try engine.recognize(Self.render("receipt-scanned.pdf"))
        let truth = try ExpectedLayout.load("receipt").pages[0].words
        let recall = WordComparison.recall(expected: truth, actual: ocr.words.map(\.text))
        #expect(recall >= 0.85, "receipt recall \(recall)")
    }

    @Test func blankImageGivesNoWords() throws {
        let engine = try TesseractEngine(languages: OCRLanguages("eng"))
        let blank = GrayImage(width: 600, height: 800, dpi: 300, pixels: [UInt8](repeating: 255, count: 600 * 800))
        #expect(try engine.recognize(blank).words.isEmpty)
        #expect(try engine.recognize(GrayImage(width: 0, height: 0, dpi: 300, pixels: [])).words.isEmpty)
    }

    @Test func concurrentOCRMatchesSerialOCR() async throws {
        let images = try [
            Self.render("invoice-scanned.pdf"), Self.render("mixed.pdf", page: 2),
            Self.render("receipt-scanned.pdf"), Self.render("table.pdf", dpi: 200),
        ]
        let engine = try TesseractEngine(languages: OCRLanguages("eng"))
        let serial = try images.map { try engine.recognize($0) }
        let service = OCRService(languages: try OCRLanguages("eng"), threads: 2)
        defer { service.shutdown() }
        let concurrent = try await withThrowingTaskGroup(of: (Int, PageText).self) { group in
            for (index, image) in images.enumerated() {
                group.addTask { (index, try await service.recognize(image)) }
            }
            var results = [PageText?](repeating: nil, count: images.count)
            for try await (index, text) in group { results[index] = text }
            return results.compactMap { $0 }
        }
        #expect(concurrent.count == 4)
        for (one, other) in zip(serial, concurrent) {
            #expect(one == other)
        }
    }
}
