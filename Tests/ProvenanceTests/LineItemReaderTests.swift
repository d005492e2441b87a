import Evaluation
import ExtractCore
import ExtractTestSupport
import Foundation
import JSONCore
import Provenance
import Testing

/// The item-table reader on made-up tables and on the corpus's invoices, scored with the corpus's own rules.
struct LineItemReaderTests {
    /// A page of words placed at given columns: one entry per line, `(x, text)` per phrase, words 5 pt apart.
    static func page(_ rows: [[(Double, String)]]) -> DocumentEvidence {
        let lines = rows.enumerated().map { row, phrases in
            TextLine(words: phrases.flatMap { start, text in
                var x = start
                return text.split(separator: " ").map { word in
                    let width = Double(word.count) * 5
                    defer { x += width + 2.5 }
                    return TextWord(text: String(word), box: BoundingBox(x: x, y: 40 + 14 * Double(row),
                                                                         width: width, height: 10))
                }
            })
        }
        let page = PageEvidence(number: 1, size: PageSize(width: 595, height: 842),
                                textLayer: PageText(source: .textLayer, lines: lines))
        return DocumentEvidence(info: DocumentInfo(pageCount: 1, pageSizes: [page.size]), pages: [page])
    }

    static let schema: JSONValue = [
        "type": "object",
        "properties": ["lines": ["type": "array", "items": ["type": "object", "properties": [
            "line_id": ["type": "string"], "name": ["type": "string"], "seller_item_id": ["type": "string"],
            "global_item_id": ["type": "string"], "quantity": ["type": "number"],
            "unit": ["type": "string", "description": "UN/ECE rec 20 code (H87, C62, HUR...)"],
            "net_unit_price": ["type": "number"], "tax_rate": ["type": "number"],
            "line_net_amount": ["type": "number"],
        ]]]],
    ]

    static func number(_ text: String) -> JSONValue {
        .number(JSONNumber(literal: text)!)
    }

    static func rowFields(_ schema: JSONValue) -> [SchemaField] {
        SchemaFields.leaves(of: schema).filter(\.isInArray)
    }

    /// A German table whose rows take two lines (the amount and the GTIN on the second), a unit printed with the
    /// quantity, a note line under a row, and a totals line that ends the table.
    @Test func twoLineRowsWithUnitsAndGTINs() {
        let evidence = Self.page([
            [(20, "Pos"), (60, "Art-Nr"), (140, "Beschreibung"), (300, "Einzelpreis"), (380, "Menge"),
             (430, "MwSt"), (490, "Betrag")],
            [(20, "1"), (60, "TB100A4"), (140, "Trennblätter A4"), (300, "9,9000"), (380, "20 Stk"), (430, "19 %")],
            [(60, "4012345001235"), (490, "198,00")],
            [(60, "(GTIN)")],
            [(140, "Lieferung vom 03.03.2018")],
            [(20, "2"), (60, "ARNR2"), (140, "Joghurt Banane"), (300, "5,5000"), (380, "50 Stk"), (430, "7%")],
            [(60, "4000050986428"), (490, "1.275,00")],
            [(140, "Summe"), (490, "1.473,00")],
        ])
        let rows = LineItemReader(evidence: evidence).rows(for: Self.rowFields(Self.schema)).map(\.value)
        #expect(rows.count == 2)
        #expect(rows.first == [
            "line_id": "1", "seller_item_id": "TB100A4", "global_item_id": "4012345001235", "name": "Trennblätter A4",
            "net_unit_price": Self.number("9.9"), "quantity": 20, "unit": "H87", "tax_rate": 19,
            "line_net_amount": 198,
        ])
        #expect(rows.last?["line_net_amount"] == 1275)
        #expect(rows.last?["tax_rate"] == 7)
    }

    /// French headers stacked on two lines (`Prix` / `unitaire`), `Prix HT` as the line amount; only the fields
    /// whose column was found get values.
    @Test func stackedFrenchHeaders() {
        let evidence = Self.page([
            [(300, "Prix")],
            [(120, "Description"), (220, "Quantité"), (350, "Prix HT")],
            [(300, "unitaire")],
            [(20, "Nougat 250g"), (220, "5 Unit(s)"), (300, "4,55 €"), (350, "20,48 €")],
            [(20, "Huile d'olive"), (220, "10 Liter(s)"), (300, "19,80 €"), (350, "198,00 €")],
            [(300, "Total HT"), (350, "218,48 €")],
        ])
        let rows = LineItemReader(evidence: evidence).rows(for: Self.rowFields(Self.schema)).map(\.value)
        #expect(rows == [
            ["name": "Nougat 250g", "quantity": 5, "unit": "C62", "net_unit_price": Self.number("4.55"),
             "line_net_amount": Self.number("20.48")],
            ["name": "Huile d'olive", "quantity": 10, "unit": "LTR", "net_unit_price": Self.number("19.8"),
             "line_net_amount": 198],
        ])
    }

    /// Stacked labels naming a cell's entries line by line: the item number above the name (`Art-Nr-Lieferant` over
    /// `Artikelbezeichnung`), the GTIN above the buyer's number (`Art-Nr-Kunde`, which is no seller's number).
    @Test func stackedLabelsNameTheEntriesOfACell() {
        let evidence = Self.page([
            [(20, "GTIN"), (110, "Art-Nr-Lieferant"), (260, "Menge"), (340, "Nettopreis"), (440, "MwSt-% Nettowert")],
            [(20, "Art-Nr-Kunde"), (110, "Artikelbezeichnung")],
            [(20, "4123456000014"), (110, "ZS997"), (260, "100,0000 Stk."), (340, "1,0000"), (440, "19,0"),
             (500, "100,00")],
            [(110, "Zitronensäure 100ml")],
            [(110, "Verpackung: Flasche")],
            [(20, "4100130013294"), (110, "2031"), (260, "15,0000 Stk."), (340, "12,0000"), (440, "19,0"),
             (500, "180,00")],
            [(20, "K4321"), (110, "Bierbrau Pils 20/0500")],
        ])
        let rows = LineItemReader(evidence: evidence).rows(for: Self.rowFields(Self.schema)).map(\.value)
        #expect(rows.count == 2)
        #expect(rows.first?["seller_item_id"] == "ZS997")
        #expect(rows.first?["name"] == "Zitronensäure 100ml")
        #expect(rows.first?["global_item_id"] == "4123456000014")
        #expect(rows.first?["line_net_amount"] == 100)
        #expect(rows.first?["tax_rate"] == 19)
        #expect(rows.last?["seller_item_id"] == "2031")
        #expect(rows.last?["name"] == "Bierbrau Pils 20/0500")
    }

    /// The entry under `Art-Nr-Kunde` (the buyer's article number, here a bare number) is no position: a table
    /// without a position column gives no line ids.
    @Test func theBuyersNumberIsNoLineID() {
        let evidence = Self.page([
            [(20, "GTIN"), (110, "Art-Nr-Lieferant"), (260, "Menge"), (340, "Nettopreis"), (440, "MwSt-% Nettowert")],
            [(20, "Art-Nr-Kunde"), (110, "Artikelbezeichnung")],
            [(20, "4123456000021"), (110, "GZ250"), (260, "50,0000 Stk."), (340, "1,4500"), (440, "7,0"),
             (500, "72,50")],
            [(20, "3"), (110, "Gelierzucker Extra 250g")],
        ])
        let rows = LineItemReader(evidence: evidence).rows(for: Self.rowFields(Self.schema)).map(\.value)
        #expect(rows.count == 1)
        #expect(rows.first?["seller_item_id"] == "GZ250")
        #expect(rows.first?["line_id"] == nil, "\(rows)")
    }

    /// No header naming the row fields' columns: no rows (synthesis asks the model instead).
    @Test func noHeaderNoRows() {
        let evidence = Self.page([
            [(20, "AWS Data Transfer"), (490, "$0.01")],
            [(20, "Amazon Glacier"), (490, "$2.22")],
        ])
        #expect(LineItemReader(evidence: evidence).rows(for: Self.rowFields(Self.schema)).isEmpty)
    }

    // MARK: Corpus

    static let hasCorpus = FileManager.default.fileExists(atPath: Fixtures.corpus("zugferd/eval").path)

    struct Tally {
        var rowsRight = 0
        var rowsExpected = 0
        var rowsRead = 0
        var fieldsRight = 0
        var fieldsExpected = 0
    }

    /// Reads `pdf`'s text layer, scores the rows against `expected` with the schema's `x-compare` rules.
    static func score(pdf: URL, expected: URL, schema: URL, log: inout [String]) throws -> Tally {
        let schemaValue = try TestEvidence.json(schema)
        var truth = try TestEvidence.json(expected)
        if let first = truth.arrayValue?.first { truth = first }
        let evidence = try TestEvidence.textLayer(pdf)
        let fields = SchemaFields.leaves(of: schemaValue).filter { $0.isInArray && $0.path.first == "lines" }
        let rows = LineItemReader(evidence: evidence).rows(for: fields).map(\.value)
        let plan = try ScoringPlan(schema: schemaValue)
        let scored = DocumentScorer(plan: plan).score(predicted: ["lines": .array(rows)], expected: truth)
        var tally = Tally()
        for table in scored.tables where table.pointer == "/lines" {
            tally.rowsRight += table.correctRows
            tally.rowsExpected += table.expectedRows
            tally.rowsRead += table.predictedRows
        }
        for outcome in scored.fields where outcome.pointer.hasPrefix("/lines/*/") {
            tally.fieldsRight += outcome.counts.correct
            tally.fieldsExpected += outcome.counts.scored
        }
        log.append("\(pdf.lastPathComponent): rows \(tally.rowsRight)/\(tally.rowsExpected) right "
            + "(\(tally.rowsRead) read), fields \(tally.fieldsRight)/\(tally.fieldsExpected)")
        for outcome in scored.fields where outcome.pointer.hasPrefix("/lines/*/")
            && outcome.counts.correct < outcome.counts.scored {
            log.append("    \(outcome.pointer): \(outcome.counts.correct)/\(outcome.counts.scored)")
        }
        if tally.rowsRight < tally.rowsExpected {
            for row in rows { log.append("    read \(row.serialized())") }
        }
        return tally
    }

    /// Every ZUGFeRD dev invoice and the invoice2data invoices with line items, text layer only. Measured when
    /// the reader was written: ZUGFeRD 21 of 39 rows fully right and 287 of 317 row values (the small model alone:
    /// 0 rows; 28 rows if a quantity printed without a unit were given Rec 20's `C62`, which is not printed and so
    /// not given); invoice2data 9 of 13 rows and 42 of 50 values (AmazonWebServices prints no item table header).
    @Test(.enabled(if: hasCorpus)) func corpusRows() throws {
        var log: [String] = []
        var zugferd = Tally()
        let folder = Fixtures.corpus("zugferd/eval")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".pdf") }
        for file in files.sorted() {
            let name = String(file.dropLast(4))
            let tally = try Self.score(
                pdf: folder.appendingPathComponent(file),
                expected: folder.appendingPathComponent("\(name).expected.json"),
                schema: Fixtures.corpus("zugferd/invoice.schema.json"), log: &log
            )
            zugferd.rowsRight += tally.rowsRight
            zugferd.rowsExpected += tally.rowsExpected
            zugferd.rowsRead += tally.rowsRead
            zugferd.fieldsRight += tally.fieldsRight
            zugferd.fieldsExpected += tally.fieldsExpected
        }
        var others = Tally()
        for name in ["QualityHosting", "saeco", "AmazonWebServices"] {
            let base = Fixtures.corpus("invoice2data/tests/compare/\(name)")
            let tally = try Self.score(
                pdf: base.appendingPathExtension("pdf"), expected: base.appendingPathExtension("json"),
                schema: base.appendingPathExtension("schema.json"), log: &log
            )
            others.rowsRight += tally.rowsRight
            others.rowsExpected += tally.rowsExpected
            others.fieldsRight += tally.fieldsRight
            others.fieldsExpected += tally.fieldsExpected
        }
        log.append("ZUGFeRD: rows \(zugferd.rowsRight)/\(zugferd.rowsExpected) fully right (\(zugferd.rowsRead) read), "
            + "row values \(zugferd.fieldsRight)/\(zugferd.fieldsExpected)")
        log.append("invoice2data: rows \(others.rowsRight)/\(others.rowsExpected) fully right, "
            + "row values \(others.fieldsRight)/\(others.fieldsExpected)")
        print(log.joined(separator: "\n"))
        #expect(zugferd.rowsRight >= 20, "\(log.joined(separator: "\n"))")
        #expect(zugferd.fieldsRight >= 280, "\(log.joined(separator: "\n"))")
        #expect(others.rowsRight >= 9, "\(log.joined(separator: "\n"))")
    }
}
