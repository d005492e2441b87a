import ExtractCore
import ExtractTestSupport
import Foundation
import JSONCore
import Provenance
import Testing

@Suite struct CandidateFinderTests {
    let schema: JSONValue
    let expected: JSONValue

    init() throws {
        schema = try TestEvidence.invoiceSchema()
        expected = try TestEvidence.json(Fixtures.sample("expected/invoice.json"))
    }

    @Test func invoiceTextLayerTopCandidates() throws {
        let evidence = try TestEvidence.invoiceText.get()
        let score = TopOneScore.measure(evidence: evidence, schema: schema, expected: expected)
        print("invoice.pdf text layer top-1: \(score.correct)/\(score.total)\n\(score)")
        #expect(score.total == 11)
        #expect(score.correct == 11)
    }

    @Test func invoiceScannedTopCandidates() throws {
        let score = TopOneScore.measure(evidence: try TestEvidence.invoiceOCR.get(), schema: schema, expected: expected)
        print("invoice-scanned.pdf OCR top-1: \(score.correct)/\(score.total)\n\(score)")
        // Measured 11/11 with Tesseract 5 (eng, 300 dpi); one field of slack for other Tesseract builds.
        #expect(score.correct >= 10)
    }

    /// A total typed `["string", "number"]` (SROIE's receipt schema) is read as an amount next to its label,
    /// as it is when typed `number`.
    @Test func stringOrNumberTotalGetsAmountCandidates() throws {
        let finder = CandidateFinder(evidence: try TestEvidence.invoiceText.get())
        let either = finder.candidates(for: SchemaField(path: ["total"], types: ["string", "number"]))
        let number = finder.candidates(for: SchemaField(path: ["total"], types: ["number"]))
        #expect(either.first?.value == expected["total"])
        #expect(either.first?.value == number.first?.value)
    }

    /// A purchase-order or order number is the buyer's order: a receipt's `Invoice #` is not its value (SROIE
    /// 030, asked with a decoy `purchase_order_number`), a `PO No.` is.
    @Test func anOrderNumberFieldIsNotTheInvoiceNumber() throws {
        let receipt = CandidateFinder(evidence: TestEvidence.lines(["TAX INVOICE", "Invoice # : OR18030502160349"]))
        for name in ["purchase_order_number", "order_number", "po_number"] {
            let field = SchemaField(path: [name], types: ["string"])
            #expect(!receipt.candidates(for: field).contains { $0.value == "OR18030502160349" }, "\(name)")
        }
        let invoice = SchemaField(path: ["invoice_number"], types: ["string"])
        #expect(receipt.candidates(for: invoice).first?.value == "OR18030502160349")
        let order = CandidateFinder(evidence: TestEvidence.lines(["Invoice # : OR1803", "PO No.: 4711-22"]))
        let field = SchemaField(path: ["purchase_order_number"], types: ["string"])
        #expect(order.candidates(for: field).first?.value == "4711-22")
    }

    /// A receipt's header, centred: a logo OCR'd as stray marks above the name, address lines wider than the name,
    /// a line that ends with its own comma, and the GST number that ends the block (SROIE 184).
    @Test func aCentredReceiptHeaderGivesItsNameAndWholeAddress() throws {
        let finder = CandidateFinder(evidence: MadeUpEvidence.centredLines([
            "f)", "SLF CASH & CARRY", "NO.15, JLN TSJ2, TMN SUBANG JASA,", "OFF JLN BT 3 SUBANG",
            "40000 SHAH ALAM, SEL.", "GST NO 001169342944", "RECEIPT #: CS00241867 DATE: 02/02/2018",
        ]))
        let company = finder.candidates(for: SchemaField(path: ["company"], types: ["string"]))
        #expect(company.first?.value == "SLF CASH & CARRY")
        #expect(!company.contains { $0.value == "f)" })
        let address = finder.candidates(for: SchemaField(path: ["address"], types: ["string"]))
        #expect(address.first?.value == "NO.15, JLN TSJ2, TMN SUBANG JASA, OFF JLN BT 3 SUBANG, 40000 SHAH ALAM, SEL.")
    }

    /// Between a receipt's name and its address: a registration number (`Co-REG:…`, `(867388-U)`) and the date of
    /// printing are no address lines (SROIE 032, 588).
    @Test func registrationsAndADateBetweenNameAndAddressAreSkipped() throws {
        let dated = CandidateFinder(evidence: MadeUpEvidence.centredLines([
            "UNIHAKKA INTERNATIONAL SDN BHD", "03 Mar 2018", "(867388-U)",
            "12, Jalan Tampoi 7/4, Kawasan Perindustrian",
            "81200 Johor Bahru, Johor", "Tel: 07-3333333",
        ]))
        let field = SchemaField(path: ["address"], types: ["string"])
        #expect(dated.candidates(for: field).first?.value
            == "12, Jalan Tampoi 7/4, Kawasan Perindustrian, 81200 Johor Bahru, Johor")
        let registered = CandidateFinder(evidence: MadeUpEvidence.centredLines([
            "MR. D.I.Y. (M) SDN BHD", "Co-REG:860571-D", "LOT 1851-A & 1851-B, JALAN KPB 6,",
            "KAWASAN PERINDUSTRIAN BALAKONG,", "43300 SERI KEMBANGAN, SELANGOR",
        ]))
        #expect(registered.candidates(for: field).first?.value
            == "LOT 1851-A & 1851-B, JALAN KPB 6, KAWASAN PERINDUSTRIAN BALAKONG, 43300 SERI KEMBANGAN, SELANGOR")
        // OCR's stray quotes at the ends of the bracketed registration (SROIE 205, 580).
        let quoted = CandidateFinder(evidence: MadeUpEvidence.centredLines([
            "MR. D.I.Y. (M) SDN BHD", "“(CO Reg : 750441-W)", "LOT 1851-A & 1851-B, JALAN KPB 6,",
            "43300 SERI KEMBANGAN, SELANGOR",
        ]))
        #expect(quoted.candidates(for: field).first?.value
            == "LOT 1851-A & 1851-B, JALAN KPB 6, 43300 SERI KEMBANGAN, SELANGOR")
    }

    /// A logo OCR read at confidence 0 (`Aoso/&`) is no company name, and the rest of a name line below it (`BHD`)
    /// no address, which holds a house number or a postcode (SROIE 030).
    @Test func anUnsureTopLineIsNoNameAndAnAddressHoldsANumber() throws {
        let finder = CandidateFinder(evidence: MadeUpEvidence.centredLines([
            "Aoso/&", "UNIHAKKA INTERNATIONAL SDN BHD", "05 Mar 2018 18:24",
            "12, Jalan Tampoi 7/4, Kawasan Perindustrian",
            "Tampoi, 81200 Johor Bahru, Johor",
        ], confidences: [0: 0]))
        let company = finder.candidates(for: SchemaField(path: ["company"], types: ["string"]))
        #expect(!company.contains { $0.value == "Aoso/&" })
        #expect(company.first?.value == "UNIHAKKA INTERNATIONAL SDN BHD")
        let address = finder.candidates(for: SchemaField(path: ["address"], types: ["string"]))
        #expect(address.allSatisfy { $0.value.stringValue?.contains(where: \.isNumber) == true })
        #expect(address.first?.value == "12, Jalan Tampoi 7/4, Kawasan Perindustrian, Tampoi, 81200 Johor Bahru, Johor")
    }

    /// `included in total RM 1.48` is a sentence about the tax, not the receipt's total (SROIE 205, 451).
    @Test func aLabelInASentenceIsNoLabel() throws {
        let finder = CandidateFinder(evidence: TestEvidence.lines([
            "Total Incl. GST@6% RM 26.10", "CASH RM 50.00", "GST @6% included in total RM 1.48",
        ]))
        let total = finder.candidates(for: SchemaField(path: ["total"], types: ["string", "number"]))
        #expect(total.first?.value.doubleValue == 26.1)
        #expect(!total.contains { $0.value.doubleValue == 1.48 && $0.foundByLabel })
    }

    @Test func invoice2dataTopCandidates() throws {
        let folder = Fixtures.corpus("invoice2data/tests/compare")
        let names = ["AmazonWebServices", "QualityHosting", "SammyMaystoneLinesTest", "free_fiber", "saeco"]
        var correct = 0
        var total = 0
        var printedCorrect = 0
        var printedTotal = 0
        for name in names {
            let pdf = folder.appendingPathComponent("\(name).pdf")
            guard FileManager.default.fileExists(atPath: pdf.path) else { continue }
            let schema = try TestEvidence.json(folder.appendingPathComponent("\(name).schema.json"))
            let truth = try TestEvidence.json(folder.appendingPathComponent("\(name).json"))[0] ?? .null
            let score = TopOneScore.measure(evidence: try TestEvidence.textLayer(pdf), schema: schema, expected: truth)
            print("invoice2data \(name): \(score.correct)/\(score.total)\n\(score)")
            correct += score.correct
            total += score.total
            // Fields printed in the text layer: not marked image-only / inferable by `x-in-document`.
            let printed = Set(SchemaFields.topLevelScalars(of: schema).filter { field in
                guard let note = field.schema["x-in-document"]?.stringValue else { return true }
                return !note.hasPrefix("image-only") && !note.hasPrefix("inferable")
            }.map(\.pointer))
            let inText = score.fields.filter { printed.contains($0.name) }
            printedCorrect += inText.filter(\.correct).count
            printedTotal += inText.count
        }
        print("invoice2data top-1 over top-level scalars: \(correct)/\(total); "
            + "over those printed in the text layer: \(printedCorrect)/\(printedTotal)")
        // Measured 35/53 (text layer only; 13 of the misses are printed only inside saeco's image).
        if total > 0 {
            #expect(total == 53)
            #expect(correct >= 33)
        }
    }
}

@Suite struct SampleAccuracyTests {
    static let samples: [(pdf: String, schema: String, expected: String)] = [
        ("invoice.pdf", "invoice", "invoice"),
        ("invoice-scanned.pdf", "invoice", "invoice"),
        ("receipt-scanned.pdf", "receipt", "receipt"),
        ("mixed.pdf", "letter", "mixed"),
        ("table.pdf", "table", "table"),
        ("two-column.pdf", "article", "two-column"),
    ]

    /// Top-1 over every leaf outside arrays (nested objects included), per sample; measured, with a floor.
    @Test func allSamplesNestedLeaves() throws {
        var correct = 0
        var total = 0
        for sample in Self.samples {
            let schema = try TestEvidence.json(
                Fixtures.repositoryRoot.appendingPathComponent("schemas/\(sample.schema).schema.json"))
            let expected = try TestEvidence.json(Fixtures.sample("expected/\(sample.expected).json"))
            let evidence = sample.pdf == "invoice-scanned.pdf" ? try TestEvidence.invoiceOCR.get()
                : try TestEvidence.auto(Fixtures.sample(sample.pdf))
            let score = TopOneScore.measure(evidence: evidence, schema: schema, expected: expected, nested: true)
            print("sample \(sample.pdf): \(score.correct)/\(score.total)\n\(score)")
            correct += score.correct
            total += score.total
        }
        print("samples top-1 over all non-array leaves: \(correct)/\(total)")
        // Measured 62/72.
        #expect(total == 72)
        #expect(correct >= 58)
    }
}
