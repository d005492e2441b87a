import ExtractCore
import ExtractTestSupport
import Foundation
import JSONCore
import Provenance
import Testing

@Suite struct EvidenceLocatorTests {
    /// Line boxes of `samples/expected/invoice.layout.json` (page 1).
    static func layoutLines() throws -> [(text: String, box: BoundingBox)] {
        let layout = try TestEvidence.json(Fixtures.sample("expected/invoice.layout.json"))
        let lines = layout["pages"]?[0]?["lines"]?.arrayValue ?? []
        return lines.compactMap { line in
            guard let text = line["text"]?.stringValue, let box = line["bbox"]?.arrayValue,
                box.count == 4 else { return nil }
            let values = box.compactMap(\.doubleValue)
            return (text, BoundingBox(x1: values[0], y1: values[1], x2: values[2], y2: values[3]))
        }
    }

    /// Whether `box` lies on `line`: its vertical centre inside the line and horizontally within it.
    static func lies(_ box: BoundingBox, on line: BoundingBox, tolerance: Double = 3) -> Bool {
        box.midY >= line.y - tolerance && box.midY <= line.maxY + tolerance
            && box.x >= line.x - tolerance && box.maxX <= line.maxX + tolerance
    }

    @Test(arguments: [
        ("INV-2024-00417", "Invoice number: INV-2024-00417"),
        ("PO-88213", "Order reference: PO-88213"),
        ("EUR", "Currency: EUR"),
        ("Nordvik Instruments B.V.", "Nordvik Instruments B.V. INVOICE"),
        ("NL859372614B01", "VAT ID: NL859372614B01"),
        ("Halloran & Pike Logistics B.V.", "Halloran & Pike Logistics B.V."),
        ("NL004127885B01", "VAT ID: NL004127885B01"),
        ("Net 30 days from the invoice date.", "Payment terms: Net 30 days from the invoice date."),
        ("Keizersgracht 221", "Keizersgracht 221"),
        ("Vibration sensor VS-200, calibrated", "Vibration sensor VS-200, calibrated 12 102.50 1,230.00"),
    ])
    func verbatimValuesOnTheirLines(value: String, lineText: String) throws {
        let locator = EvidenceLocator(evidence: try TestEvidence.invoiceText.get())
        let match = try #require(locator.locate(.string(value)))
        let line = try #require(try Self.layoutLines().first { $0.text == lineText })
        #expect(match.kind == .exact)
        #expect(match.page == 1)
        #expect(match.source == .textLayer)
        #expect(match.quality == 1)
        #expect(Self.lies(match.box, on: line.box), "\(value): \(match.box) not on \(line.box)")
        #expect(match.text.replacingOccurrences(of: " ", with: "") == value.replacingOccurrences(of: " ", with: ""))
    }

    @Test func normalizedMatches() throws {
        let locator = EvidenceLocator(evidence: try TestEvidence.invoiceText.get())
        let lines = try Self.layoutLines()
        func line(_ prefix: String) throws -> BoundingBox {
            try #require(lines.first { $0.text.hasPrefix(prefix) }).box
        }

        let date = try #require(locator.locate("2024-03-14", field: SchemaField(path: ["d"], format: "date")))
        #expect(date.kind == .normalized)
        #expect(date.text == "14 March 2024")
        #expect(Self.lies(date.box, on: try line("Invoice date")))

        let total = try #require(locator.locate(.number(JSONNumber(literal: "10695.49")!)))
        #expect(total.kind == .normalized)
        #expect(total.text == "10,695.49")
        #expect(Self.lies(total.box, on: try line("Total due")))

        let amount = try #require(locator.locate(.number(JSONNumber(literal: "1230.00")!)))
        #expect(amount.text == "1,230.00")
        #expect(Self.lies(amount.box, on: try line("Vibration sensor")))

        let iban = try #require(locator.locate("NL47NVIB0417164300"))
        #expect(iban.kind == .normalized)
        #expect(iban.text == "NL47 NVIB 0417 1643 00")
        #expect(Self.lies(iban.box, on: try line("IBAN")))

        // A number printed as a string in the model's answer still finds the printed amount.
        let subtotal = try #require(locator.locate("8839.25"))
        #expect(subtotal.text == "8,839.25")

        let rate = try #require(locator.locate(21))
        #expect(rate.text == "21%")
        #expect(Self.lies(rate.box, on: try line("VAT 21%")))
    }

    @Test func fuzzyAndMissing() throws {
        let locator = EvidenceLocator(evidence: try TestEvidence.invoiceText.get())
        let fuzzy = try #require(locator.locate("Nordvik Instrumants BV"))
        #expect(fuzzy.kind == .fuzzy)
        #expect(fuzzy.quality >= 0.8 && fuzzy.quality < 1)
        #expect(fuzzy.text == "Nordvik Instruments B.V.")
        #expect(locator.locate("Completely absent value") == nil)
        #expect(locator.locate("INV-9999-00000") == nil)
        #expect(locator.locate(.number(JSONNumber(literal: "123456.78")!)) == nil)
        #expect(locator.locate(.null) == nil)
        #expect(locator.locate(true) == nil)
    }

    @Test func ocrAndBothSources() throws {
        let ocrLocator = EvidenceLocator(evidence: try TestEvidence.invoiceOCR.get())
        let ocrMatch = try #require(ocrLocator.locate("INV-2024-00417"))
        #expect(ocrMatch.source == .ocr)
        #expect((ocrMatch.ocrConfidence ?? 0) > 0.5)

        let both = EvidenceLocator(evidence: try TestEvidence.invoiceBoth())
        let line = try #require(try Self.layoutLines().first { $0.text.hasPrefix("Order reference") }).box
        let match = try #require(both.locate("PO-88213"))
        #expect(match.source == .both)
        #expect(match.pageHasBothSources)
        #expect(match.ocrConfidence != nil)
        #expect(Self.lies(match.box, on: line))
        let total = try #require(both.locate(.number(JSONNumber(literal: "10695.49")!)))
        #expect(total.source == .both)
    }

    @Test func confidenceFromMatches() throws {
        let confidence = FieldConfidence()
        #expect(confidence.threshold == 0.6)
        let both = EvidenceLocator(evidence: try TestEvidence.invoiceBoth())
        let textOnly = EvidenceLocator(evidence: try TestEvidence.invoiceText.get())
        let ocrOnly = EvidenceLocator(evidence: try TestEvidence.invoiceOCR.get())

        let agreed = confidence.score(both.locate("PO-88213"))
        let text = confidence.score(textOnly.locate("PO-88213"))
        let ocr = confidence.score(ocrOnly.locate("PO-88213"))
        let fuzzy = confidence.score(textOnly.locate("Nordvik Instrumants BV"))
        #expect(agreed == 1)
        #expect(text == 0.9)
        #expect(ocr < text && ocr >= 0.6)
        #expect(fuzzy < 0.8)
        let missing = confidence.assess(value: "INV-9999-00000", match: textOnly.locate("INV-9999-00000"))
        #expect(missing.confidence == 0.1)
        #expect(missing.needsReview)
        #expect(!confidence.assess(value: "PO-88213", match: both.locate("PO-88213")).needsReview)
        #expect(!confidence.assess(value: .null, match: nil).needsReview)
        #expect(confidence.assess(value: .null, match: nil, candidateCount: 2).needsReview)
        let strict = FieldConfidence(threshold: 0.95)
        #expect(strict.assess(value: "PO-88213", match: textOnly.locate("PO-88213")).needsReview)
    }

    /// Every leaf of the expected invoice is found in the text layer (verbatim, normalised or fuzzy).
    @Test func allExpectedInvoiceValuesAreLocated() throws {
        let expected = try TestEvidence.json(Fixtures.sample("expected/invoice.json"))
        let schema = try TestEvidence.invoiceSchema()
        let locator = EvidenceLocator(evidence: try TestEvidence.invoiceText.get())
        var missing: [String] = []
        var total = 0
        for field in SchemaFields.leaves(of: schema) {
            for value in Self.values(at: field.path, in: expected) where !value.isNull {
                total += 1
                if locator.locate(value, field: field) == nil { missing.append("\(field.pointer)=\(value)") }
            }
        }
        print("located \(total - missing.count)/\(total) expected invoice values; missing: \(missing)")
        #expect(missing.count <= 2, "\(missing)")
    }

    static func values(at path: [String], in value: JSONValue) -> [JSONValue] {
        guard let key = path.first else { return [value] }
        let rest = Array(path.dropFirst())
        if key == "*" { return (value.arrayValue ?? []).flatMap { values(at: rest, in: $0) } }
        guard let child = value[key] else { return [] }
        return values(at: rest, in: child)
    }

    /// 100 pages: one index serves locating every value and finding every field's candidates. How fast is
    /// measured by `make bench` (BenchPipeline's 200-page run), not here: a timed test fails on a loaded machine.
    @Test func hundredPages() throws {
        let one = try TestEvidence.invoiceText.get()
        let pages = (1...100).map { number in
            var page = one.pages[0]
            page.number = number
            return page
        }
        let evidence = DocumentEvidence(info: DocumentInfo(pageCount: 100, pageSizes: pages.map(\.size)), pages: pages)
        let schema = try TestEvidence.invoiceSchema()
        let expected = try TestEvidence.json(Fixtures.sample("expected/invoice.json"))
        let clock = ContinuousClock()
        let start = clock.now
        let index = EvidenceIndex(evidence: evidence)
        let indexed = clock.now
        let locator = EvidenceLocator(index: index)
        var found = 0
        for field in SchemaFields.leaves(of: schema) {
            for value in Self.values(at: field.path, in: expected) where locator.locate(value, field: field) != nil {
                found += 1
            }
        }
        _ = locator.locate("Nordvik Instrumants BV")
        let located = clock.now
        let finder = CandidateFinder(index: index)
        let all = finder.candidates(forSchema: schema)
        let finished = clock.now
        print("100 pages: index \(indexed - start), locate \(located - indexed), candidates \(finished - located)")
        #expect(found >= 30)
        #expect(all.count == 21)
    }
}
