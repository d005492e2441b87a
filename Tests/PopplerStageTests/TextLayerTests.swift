import ExtractCore
import ExtractTestSupport
import Foundation
import PopplerStage
import Testing

/// The text layer of the born-digital samples, checked against the ground truth the sample generator wrote.
@Suite struct TextLayerTests {
    @Test func invoiceWordsAndLinesMatchTheGroundTruth() throws {
        let document = try PDFDocument(.file(Fixtures.sample("invoice.pdf").path))
        let expected = try ExpectedLayout.load("invoice")
        #expect(document.pageCount == 1)
        let text = try document.textLayer(page: 1)
        let ours = text.words.map(\.text)
        let truth = expected.pages[0].words
        #expect(WordComparison.recall(expected: truth, actual: ours) == 1)
        #expect(WordComparison.recall(expected: ours, actual: truth) == 1)
        for word in text.words {
            #expect(word.fontSize != nil, "every text-layer word carries its font size: \(word.text)")
        }
    }

    @Test func lineBoxesSitWhereTheGeneratorDrewThem() throws {
        // Poppler gives lines in content-stream order and may split a printed row at a wide gap
        // ("Invoice number:" … "INV-2024-00417"); each of our lines must lie inside the printed line it
        // belongs to, in the same coordinates (points, top-left origin).
        let document = try PDFDocument(.file(Fixtures.sample("invoice.pdf").path))
        let lines = try document.textLayer(page: 1).lines
        let expected = try ExpectedLayout.load("invoice").pages[0].lines
        #expect(!lines.isEmpty)
        for line in lines {
            let home = expected.first { printed in
                printed.text.contains(line.text) && printed.box.intersectionOverUnion(line.box) > 0
                    && abs(printed.box.midY - line.box.midY) < 2
            }
            #expect(home != nil, "line '\(line.text)' at \(line.box) matches no printed line")
            if let home {
                #expect(line.box.x >= home.box.x - 1.5 && line.box.maxX <= home.box.maxX + 1.5)
                #expect(abs(line.box.height - home.box.height) < 3, "'\(line.text)': \(line.box) vs \(home.box)")
            }
        }
    }

    @Test func tableCellsDoNotRunTogether() throws {
        let document = try PDFDocument(.file(Fixtures.sample("table.pdf").path))
        let ours = try document.textLayer(page: 1).words.map(\.text)
        let truth = try ExpectedLayout.load("table").pages[0].words
        #expect(WordComparison.recall(expected: truth, actual: ours) == 1)
        #expect(ours.count == truth.count, "no cell may merge with its neighbour")
    }

    @Test func twoColumnPageKeepsEveryWord() throws {
        let document = try PDFDocument(.file(Fixtures.sample("two-column.pdf").path))
        let ours = try document.textLayer(page: 1).words.map(\.text)
        let truth = try ExpectedLayout.load("two-column").pages[0].words
        #expect(WordComparison.recall(expected: truth, actual: ours) >= 0.99)
    }

    @Test func pageSizesAreInPoints() throws {
        let document = try PDFDocument(.file(Fixtures.sample("two-column.pdf").path))
        let size = try document.pageSize(1)
        #expect(abs(size.width - 612) < 0.5 && abs(size.height - 792) < 0.5, "US Letter: \(size)")
        let invoice = try PDFDocument(.file(Fixtures.sample("invoice.pdf").path))
        let a4 = try invoice.pageSize(1)
        #expect(abs(a4.width - 595.28) < 0.5 && abs(a4.height - 841.89) < 0.5, "A4: \(a4)")
    }

    @Test func bytesAndPathGiveTheSameText() throws {
        let url = Fixtures.sample("mixed.pdf")
        let fromPath = try PDFDocument(.file(url.path))
        let fromBytes = try PDFDocument(.bytes(Data(contentsOf: url), name: "mixed.pdf"))
        #expect(fromPath.pageCount == 3 && fromBytes.pageCount == 3)
        for page in 1...3 {
            #expect(try fromPath.textLayer(page: page) == fromBytes.textLayer(page: page))
        }
    }

    @Test func encryptedPDFOpensWithItsPassword() throws {
        let document = try PDFDocument(.file(Fixtures.sample("encrypted.pdf").path, password: "secret"))
        #expect(document.isEncrypted)
        let truth = try ExpectedLayout.load("encrypted").pages[0].words
        #expect(WordComparison.recall(expected: truth, actual: try document.textLayer(page: 1).words.map(\.text)) == 1)
        let owner = try PDFDocument(.file(Fixtures.sample("encrypted.pdf").path, password: "owner-secret"))
        #expect(owner.pageCount == 1)
    }

    @Test func pageOutOfRangeIsAClearError() throws {
        let document = try PDFDocument(.file(Fixtures.sample("invoice.pdf").path))
        let error = #expect(throws: ExtractError.self) { try document.textLayer(page: 2) }
        #expect(error?.code == .pageOutOfRange)
        #expect(error?.message.contains("1 page") == true || error?.message.contains("has 1") == true)
    }
}
