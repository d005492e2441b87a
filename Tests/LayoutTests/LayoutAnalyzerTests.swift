import ExtractCore
import ExtractTestSupport
import Foundation
import Layout
import PopplerStage
import Testing

/// The offline layout analyser on the samples, against the generator's ground truth.
@Suite struct LayoutAnalyzerTests {
    struct Paragraphs: Decodable {
        struct Paragraph: Decodable {
            var column: Int
            var text: String
        }

        var header: String
        var title: String
        var byline: String
        var paragraphs: [Paragraph]
    }

    private func regions(_ sample: String) throws -> [LayoutRegion] {
        let document = try PDFDocument(.file(Fixtures.sample(sample).path))
        return LayoutAnalyzer().analyze(try document.textLayer(page: 1), size: try document.pageSize(1))
    }

    private func words(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    @Test func twoColumnPageReadsColumnByColumn() throws {
        let truth = try JSONDecoder().decode(
            Paragraphs.self, from: Data(contentsOf: Fixtures.sample("expected/two-column.paragraphs.json"))
        )
        let found = try regions("two-column.pdf")
        let paragraphs = found.filter { $0.kind == .paragraph }.map { words($0.text) }
        // Every printed paragraph comes back whole, and in the printed order: column one, then column two.
        let positions = truth.paragraphs.map { expected in paragraphs.firstIndex(of: words(expected.text)) }
        #expect(positions.allSatisfy { $0 != nil }, "\(zip(truth.paragraphs.map(\.text), positions).filter { $0.1 == nil }.map(\.0))")
        let known = positions.compactMap { $0 }
        #expect(known == known.sorted(), "reading order \(known)")
        // Columns are told apart.
        for (expected, position) in zip(truth.paragraphs, positions) {
            guard let position else { continue }
            let region = found.filter { $0.kind == .paragraph }[position]
            #expect(region.column == expected.column - 1, "\(expected.text.prefix(30)): column \(String(describing: region.column))")
        }
    }

    @Test func titleHeaderAndFooter() throws {
        let truth = try JSONDecoder().decode(
            Paragraphs.self, from: Data(contentsOf: Fixtures.sample("expected/two-column.paragraphs.json"))
        )
        let found = try regions("two-column.pdf")
        #expect(found.first?.kind == .pageHeader)
        #expect(words(found.first?.text ?? "") == words(truth.header))
        #expect(found.last?.kind == .pageFooter)
        #expect(found.first { $0.kind == .title }.map { words($0.text) } == words(truth.title))
        #expect(found.map(\.order) == Array(found.indices))
    }

    @Test func noWordIsLostOrDuplicated() throws {
        for sample in ["invoice.pdf", "table.pdf", "two-column.pdf", "mixed.pdf"] {
            let document = try PDFDocument(.file(Fixtures.sample(sample).path))
            let text = try document.textLayer(page: 1)
            let found = LayoutAnalyzer().analyze(text, size: try document.pageSize(1))
            let regionWords = found.flatMap { $0.lines.flatMap(\.words) }.map(\.text).sorted()
            #expect(regionWords == text.words.map(\.text).sorted(), "\(sample)")
        }
    }

    @Test func runningHeadersRepeatAcrossPages() {
        let size = PageSize(width: 600, height: 800)
        func line(_ text: String, y: Double, size font: Double = 9) -> TextLine {
            TextLine(words: text.split(separator: " ").enumerated().map { index, word in
                TextWord(text: String(word), box: BoundingBox(x: 50 + Double(index) * 60, y: y, width: 50, height: 10),
                         fontSize: font)
            })
        }
        let pages = (1...3).map { number in
            PageEvidence(number: number, size: size, textLayer: PageText(source: .textLayer, lines: [
                line("Annual Report 2024", y: 20), line("Body text of page \(number) goes here", y: 300),
                line("more body text on this page", y: 314), line("Page \(number) of 3", y: 770),
            ]))
        }
        let regions = LayoutAnalyzer().analyze(DocumentEvidence(
            info: DocumentInfo(pageCount: 3, pageSizes: [size, size, size], isEncrypted: false), pages: pages
        ))
        for page in regions {
            #expect(page.first?.kind == .pageHeader)
            #expect(page.last?.kind == .pageFooter)
            #expect(page.filter { $0.kind == .paragraph }.count == 1)
        }
    }

    @Test func invoiceLineItemsComeBackAsTableRows() throws {
        let found = try regions("invoice.pdf")
        let expected = try JSONSerialization.jsonObject(
            with: Data(contentsOf: Fixtures.sample("expected/invoice.json"))
        ) as? [String: Any]
        let items = try #require(expected?["line_items"] as? [[String: Any]])
        let table = try #require(found.first { region in
            region.kind == .table && region.tableRows.first == ["Description", "Quantity", "Unit price", "Amount"]
        })
        #expect(table.tableRows.count == items.count + 1, "header row first, then one row per item")
        for (row, item) in zip(table.tableRows.dropFirst(), items) {
            #expect(row.first == item["description"] as? String)
            #expect(row.count == 4)
        }
    }

    @Test func proseIsNotATable() throws {
        #expect(try regions("two-column.pdf").allSatisfy { $0.kind != .table })
    }

    @Test func ruledTableYieldsOneRegionWithItsRowsAndColumns() throws {
        let tables = try regions("table.pdf").filter { $0.kind == .table }
        #expect(tables.count == 1)
        let table = try #require(tables.first)
        let expected = try JSONSerialization.jsonObject(
            with: Data(contentsOf: Fixtures.sample("expected/table.json"))
        ) as? [String: Any]
        let rows = try #require(expected?["rows"] as? [[String: Any]])
        #expect(table.tableRows.count == rows.count + 1, "header row, then one row per part")
        #expect(table.tableRows.allSatisfy { $0.count == 5 }, "\(table.tableRows)")
        for (row, truth) in zip(table.tableRows.dropFirst(), rows) {
            #expect(row.first == truth["part"] as? String)
            #expect(row.last == truth["status"] as? String)
            #expect(row[3] == truth["bin"] as? String)
        }
    }
}
