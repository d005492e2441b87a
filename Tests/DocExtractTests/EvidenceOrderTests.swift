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

    @Test func layoutCanBeTurnedOff() async throws {
        var options = EvidenceOptions()
        options.layout = .none
        let reader = try EvidenceReader(options: options)
        defer { reader.close() }
        let evidence = try await reader.read(.file(Fixtures.sample("two-column.pdf").path))
        #expect(evidence.pages.allSatisfy { $0.layout == nil })
    }
}
