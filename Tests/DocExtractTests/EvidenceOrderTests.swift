import DocExtract
import ExtractCore
import ExtractTestSupport
import Foundation
import PopplerStage
import Synthesis
import Testing

/// The evidence synthesis reads follows the layout's reading order: a two-column page reads column by column.
@Suite struct EvidenceOrderTests {
    @Test func twoColumnEvidenceReadsColumnByColumn() async throws {
        let reader = try EvidenceReader()
        defer { reader.close() }
        let evidence = try await reader.read(.file(Fixtures.sample("two-column.pdf").path))
        let rendered = EvidenceText(evidence).rendered
        let columnOneEnd = try #require(rendered.range(of: "By the end of the first winter"))
        let columnTwoStart = try #require(rendered.range(of: "Column two begins with the second winter"))
        #expect(columnOneEnd.lowerBound < columnTwoStart.lowerBound)
        #expect(rendered.contains("[title] Tidal Energy on the Northern Shelf"))
        #expect(rendered.contains("[page_header]"))
        // Every line keeps an id naming its page and source.
        #expect(EvidenceText(evidence).lines.allSatisfy { $0.id.hasPrefix("p1.t") })
    }

    /// Field-by-field synthesis reads rows as printed: a label and the value beside it share one line, even
    /// when the text layer lists the labels' column first.
    @Test func rowsKeepALabelBesideItsValue() {
        func line(_ text: String, x: Double, y: Double) -> TextLine {
            TextLine(words: [TextWord(text: text, box: BoundingBox(x: x, y: y, width: 60, height: 10))])
        }
        let lines = [
            line("Invoice no.", x: 50, y: 100), line("Date", x: 50, y: 120), line("30064443", x: 200, y: 101),
            line("7 May 2014", x: 200, y: 119), line("Customer", x: 350, y: 100),
        ]
        let size = PageSize(width: 595, height: 842)
        let evidence = DocumentEvidence(
            info: DocumentInfo(pageCount: 1, pageSizes: [size]),
            pages: [PageEvidence(number: 1, size: size, textLayer: PageText(source: .textLayer, lines: lines))]
        )
        let rows = EvidenceText.rows(evidence)
        #expect(rows.lines.map(\.text) == ["Invoice no. | 30064443 | Customer", "Date | 7 May 2014"])
        #expect(rows.lines.map(\.id) == ["p1.t1", "p1.t2"])
        #expect(!rows.rendered.contains("["))
    }

    @Test func layoutCanBeTurnedOff() async throws {
        var options = EvidenceOptions()
        options.layout = .none
        let reader = try EvidenceReader(options: options)
        defer { reader.close() }
        let evidence = try await reader.read(.file(Fixtures.sample("two-column.pdf").path))
        #expect(evidence.pages.allSatisfy { $0.layout == nil })
    }
}
