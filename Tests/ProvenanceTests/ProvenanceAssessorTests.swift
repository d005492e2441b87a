import ExtractTestSupport
import JSONCore
import Provenance
import Testing

@Suite struct ProvenanceAssessorTests {
    /// The expected invoice, plus one invented value, assessed against text layer + OCR.
    @Test func expectedInvoiceIsTrustedAndInventionsNeedReview() throws {
        var result = try TestEvidence.json(Fixtures.sample("expected/invoice.json"))
        guard case .object(var object) = result else { Issue.record("not an object"); return }
        object["order_reference"] = "PO-00000"
        result = .object(object)
        let assessor = ProvenanceAssessor(evidence: try TestEvidence.invoiceBoth())
        let records = assessor.assess(result, schema: try TestEvidence.invoiceSchema())
        let byPointer = Dictionary(uniqueKeysWithValues: records.map { ($0.pointer, $0) })
        #expect(records.count == 37)
        let invented = try #require(byPointer["/order_reference"])
        #expect(invented.needsReview)
        #expect(invented.match == nil)
        let number = try #require(byPointer["/invoice_number"])
        #expect(number.match?.source == .both)
        #expect(number.confidence > 0.9)
        #expect(!number.needsReview)
        let amount = try #require(byPointer["/line_items/2/amount"])
        #expect(amount.match?.text == "1,360.00")
        let review = records.filter(\.needsReview).map(\.pointer)
        print("needs_review: \(review)")
        #expect(review.contains("/order_reference"))
        #expect(review.count <= 4)
    }
}
