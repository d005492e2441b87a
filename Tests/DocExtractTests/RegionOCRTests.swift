import DocExtract
import ExtractCore
import ExtractTestSupport
import Foundation
import PopplerStage
import Synthesis
import Testing

/// A born-digital page with a good text layer and a large pasted scan (issue 5, item 2): the scan's words are
/// OCR'd, placed where the image is, and added as OCR evidence without repeating the text layer; a page with
/// only small images (logos, 1 % and 3 % of the page) is not OCR'd at all.
@Suite(.serialized) struct RegionOCRTests {
    /// Where the pasted scan sits on page 1 (points from the top-left corner): 540 × 165 pt, 18 % of A4.
    static let scanBox = BoundingBox(x: 30, y: 380, width: 540, height: 165)

    /// A "scan": a 360 × 110 pt page of text rendered by Poppler at 200 dpi, as gray pixels.
    static func scannedText() throws -> MinimalPDF.Image {
        let url = try MinimalPDF(pages: [MinimalPDF.Page(
            width: 360, height: 110, lines: ["Approved by Margaret Holloway", "Reference QX-7731"]
        )]).write(named: "scan.pdf")
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let render = try PDFDocument(.file(url.path)).renderGray(page: 1, dpi: 200)
        return MinimalPDF.Image(
            x: scanBox.x, y: scanBox.y, width: scanBox.width, height: scanBox.height, pixelWidth: render.width,
            pixelHeight: render.height, gray: render.pixels
        )
    }

    /// A small mid-gray logo with a dark frame.
    static func logo(x: Double, y: Double, width: Double, height: Double) -> MinimalPDF.Image {
        let pixels = (0..<(40 * 24)).map { index -> UInt8 in
            let column = index % 40
            let row = index / 40
            return column < 2 || column > 37 || row < 2 || row > 21 ? 30 : 160
        }
        return MinimalPDF.Image(x: x, y: y, width: width, height: height, pixelWidth: 40, pixelHeight: 24,
                                gray: pixels)
    }

    /// Page 1: text, the pasted scan, and a text-layer line printed on the scan's blank top margin (so OCR of
    /// the region sees it too); page 2: text and two logos (1.2 % and 3.2 % of the page).
    static func document() throws -> URL {
        var lines = ["Invoice INV-2041", "Customer: Nordvik Instruments B.V.", "Invoice date: 14 March 2024",
                     "Total due: 1,230.00 EUR", "Payment within 30 days to NL47 NVIB 0417 1234 56"]
        lines += Array(repeating: "", count: 18) + ["Stamped copy"] + Array(repeating: "", count: 9)
        // Terms below the scan: a page of ordinary text density, so the page is not "little text" (which is
        // OCR'd whole) but a good text page with one pasted scan.
        lines += (1...16).map { number in
            "Term \(number): goods remain the property of the seller until paid in full, clause \(number)."
        }
        let first = MinimalPDF.Page(width: 595, height: 842, lines: lines, images: [try scannedText()])
        let second = MinimalPDF.Page(
            width: 595, height: 842,
            lines: ["Delivery note DN-88", "Shipped 3 cartons to Nordvik Instruments B.V.", "Carrier: Van den Berg",
                    "Received in good order on 18 March 2024", "Signed for by the warehouse"],
            images: [logo(x: 450, y: 20, width: 100, height: 60), logo(x: 40, y: 700, width: 200, height: 80)]
        )
        return try MinimalPDF(pages: [first, second]).write(named: "pasted-scan.pdf")
    }

    private func read(_ url: URL, cache: InMemoryCache, events: StageEventRecorder) async throws -> DocumentEvidence {
        let reader = try EvidenceReader(cache: cache, observe: events.record)
        defer { reader.close() }
        return try await reader.read(.file(url.path))
    }

    @Test func largeImageOnATextPageIsOCRdAndAddedAsOCREvidence() async throws {
        let url = try Self.document()
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let events = StageEventRecorder()
        let evidence = try await read(url, cache: InMemoryCache(), events: events)
        let page = evidence.pages[0]

        // Routing: the text layer is used, and the scan (only it) is OCR'd as a region.
        let decision = try #require(page.ocrDecision)
        #expect(!decision.runOCR)
        let region = try #require(decision.regions?.first)
        #expect(decision.regions?.count == 1)
        #expect(abs(region.x - Self.scanBox.x) < 1 && abs(region.y - Self.scanBox.y) < 1)
        #expect(abs(region.width - Self.scanBox.width) < 1 && abs(region.height - Self.scanBox.height) < 1)
        #expect(page.probe?.imageBoxes?.count == 1)
        #expect(events.executions(of: "tesseract.regions") == 1)
        #expect(events.executions(of: "tesseract.ocr@") == 0, "no page is OCR'd whole")

        // The scan's words are OCR evidence, inside the image, on the right lines.
        let ocr = try #require(page.ocr)
        #expect(ocr.source == .ocr)
        #expect(ocr.regions == decision.regions)
        let words = ocr.words
        let holloway = try #require(words.first { $0.text.contains("Holloway") }, "OCR read: \(ocr.text)")
        let reference = try #require(words.first { $0.text.contains("QX-7731") }, "OCR read: \(ocr.text)")
        for word in [holloway, reference] {
            #expect(region.intersection(word.box)?.area ?? 0 >= word.box.area * 0.9, "\(word.text) \(word.box)")
        }
        // Scan line 1 has its baseline 40 pt from the scan's top, line 2 at 56 pt; the scan is scaled by 1.5.
        #expect(abs(holloway.box.maxY - (Self.scanBox.y + 40 * 1.5)) < 8, "\(holloway.box)")
        #expect(abs(reference.box.maxY - (Self.scanBox.y + 56 * 1.5)) < 8, "\(reference.box)")
        #expect(holloway.box.x > 200 && holloway.box.maxX < 480, "\(holloway.box)")
        #expect(holloway.confidence.map { $0 > 0.6 } == true)

        // The text-layer line printed on the scan was OCR'd too, and dropped as a duplicate.
        let textWords = page.textLayer?.words.map(\.text) ?? []
        #expect(textWords.contains("Stamped") && textWords.contains("Holloway") == false)
        #expect(!words.contains { $0.text.lowercased().contains("stamped") }, "OCR kept: \(ocr.text)")
        let before = decision.reason.components(separatedBy: " already in the text layer").first ?? ""
        let dropped = before.split(separator: " ").last.flatMap { Int($0) }
        #expect((dropped ?? 0) >= 1, "\(decision.reason)")

        // The model sees the scan's text as OCR lines of page 1.
        let lines = EvidenceText(evidence).lines.filter { $0.page == 1 && $0.source == .ocr }
        #expect(lines.contains { $0.text.contains("Holloway") && $0.id.hasPrefix("p1.o") })
    }

    @Test func pageWithOnlySmallImagesIsNotOCRd() async throws {
        let url = try Self.document()
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let evidence = try await read(url, cache: InMemoryCache(), events: StageEventRecorder())
        let page = evidence.pages[1]
        #expect(page.probe?.imageBoxes?.count == 2, "both logos are at least 1 % of the page")
        #expect(page.ocrDecision == OCRDecision(runOCR: false, reason: "text layer looks good"))
        #expect(page.ocr == nil)
    }

    @Test func regionOCRIsCached() async throws {
        let url = try Self.document()
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let cache = InMemoryCache()
        let events = StageEventRecorder()
        let first = try await read(url, cache: cache, events: events)
        events.reset()
        let second = try await read(url, cache: cache, events: events)
        #expect(events.executions(of: "tesseract.regions") == 0 && events.hits(of: "tesseract.regions") == 1)
        #expect(first.pages == second.pages)
    }

    @Test func workerProcessesReadTheSameRegions() async throws {
        let url = try Self.document()
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        var options = EvidenceOptions()
        options.isolation = .workerProcess(WorkerProcessOptions(executable: Fixtures.extractExecutable))
        let reader = try EvidenceReader(options: options)
        defer { reader.close() }
        let isolated = try await reader.read(.file(url.path))
        let inProcess = try await read(url, cache: InMemoryCache(), events: StageEventRecorder())
        #expect(isolated.pages[0].ocr?.words.contains { $0.text.contains("Holloway") } == true)
        #expect(isolated.pages == inProcess.pages)
    }
}
