import ExtractCore
import ExtractTestSupport
import Foundation
import JSONCore
import Provenance
import Testing

@Suite struct CodeListTests {
    // MARK: - Tables

    @Test(arguments: [
        (CodeList.currency, "EUR", "€"), (.currency, "EUR", "Euro"), (.currency, "USD", "US-Dollar"),
        (.currency, "USD", "$"), (.currency, "GBP", "£"), (.currency, "CAD", "CA$"), (.currency, "CHF", "Fr."),
        (.country, "DE", "Deutschland"), (.country, "DE", "Germany"), (.country, "DE", "Allemagne"),
        (.country, "NL", "Nederland"), (.country, "NL", "Pays-Bas"), (.country, "NL", "Niederlande"),
        (.country, "FR", "France"), (.country, "GB", "Royaume-Uni"), (.country, "ES", "España"),
        (.country, "IT", "Italia"), (.country, "US", "United States"),
        (.unit, "H87", "Stk."), (.unit, "H87", "Stück"), (.unit, "H87", "pcs"), (.unit, "C62", "Unit(s)"),
        (.unit, "C62", "unité"), (.unit, "HUR", "Std"), (.unit, "HUR", "Stunden"), (.unit, "HUR", "hours"),
        (.unit, "KGM", "kg"), (.unit, "MTR", "m"), (.unit, "MTK", "m²"), (.unit, "LTR", "Liter(s)"),
        (.unit, "LTR", "l"), (.unit, "DAY", "Tag(e)"), (.unit, "MON", "Monat"), (.unit, "LS", "pauschal"),
        (.unit, "KWH", "kWh"), (.unit, "SET", "Set"),
        (.documentType, "380", "Rechnung"), (.documentType, "380", "Facture"), (.documentType, "381", "Avoir"),
        (.documentType, "381", "Credit note"), (.documentType, "384", "Rechnungskorrektur"),
        (.documentType, "386", "Facture d'acompte"), (.documentType, "326", "Teilrechnung"),
        (.documentType, "389", "Self-billed invoice"),
        (.vatCategory, "AE", "Reverse charge"), (.vatCategory, "K", "innergemeinschaftliche"),
        (.vatCategory, "E", "steuerfrei"), (.vatCategory, "Z", "zero rated"), (.vatCategory, "G", "Ausfuhr"),
    ])
    func printedFormsReadBothWays(list: CodeList, code: String, printed: String) {
        #expect(list.code(forPrinted: printed) == code, "\(printed) → \(code)")
        #expect(list.printedForms(of: code).contains(CodeList.formKey(printed)), "\(code) → \(printed)")
        #expect(list.canonicalCode(code.lowercased()) == code)
        #expect(list.code(forPrinted: code) == code)
    }

    @Test func unknownFormsAndCodesAreNotGuessed() {
        #expect(CodeList.currency.code(forPrinted: "Zahlbetrag") == nil)
        #expect(CodeList.country.code(forPrinted: "Atlantis") == nil)
        #expect(CodeList.unit.canonicalCode("XYZ") == nil)
        #expect(CodeList.unit.printedForms(of: "XYZ").isEmpty)
        // A piece word is listed under both count codes but reads back as one of them.
        #expect(CodeList.unit.printedForms(of: "C62").contains("stk"))
        #expect(CodeList.unit.code(forPrinted: "Stk") == "H87")
    }

    @Test func formKeysDropPluralMarkersAndPunctuation() {
        #expect(CodeList.formKey("Unit(s)") == "unit")
        #expect(CodeList.formKey("Tag(e)") == "tag")
        #expect(CodeList.formKey("Stk.") == "stk")
        #expect(CodeList.formKey("m²") == "m2")
        #expect(CodeList.formKey("€") == "€")
    }

    // MARK: - Fields

    static func zugferdFields() throws -> [String: SchemaField] {
        let schema = try TestEvidence.json(Fixtures.corpus("zugferd/invoice.schema.json"))
        var fields: [String: SchemaField] = [:]
        for field in SchemaFields.leaves(of: schema) { fields[field.pointer] = field }
        return fields
    }

    @Test func schemaFieldsNameTheirLists() throws {
        let fields = try Self.zugferdFields()
        let expected: [String: CodeList?] = [
            "/currency": .currency, "/seller/country": .country, "/buyer/country": .country,
            "/lines/*/unit": .unit, "/type_code": .documentType, "/tax_breakdown/*/category": .vatCategory,
            "/invoice_number": nil, "/lines/*/net_unit_price": nil, "/lines/*/name": nil, "/seller/name": nil,
            "/totals/tax_total": nil,
        ]
        for (pointer, list) in expected {
            let field = try #require(fields[pointer], "\(pointer)")
            #expect(CodeList.list(for: field) == list, "\(pointer)")
            #expect(CodeList.wantsCode(field) == (list != nil), "\(pointer)")
        }
        // invoice2data's number field named after a unit is no unit code.
        let priceUnit = SchemaField(path: ["lines", "*", "price_unit"], types: ["number"])
        #expect(CodeList.list(for: priceUnit) == nil)
        let hinted = SchemaField(path: ["waehrung"], schema: ["type": "string", "x-code-list": "ISO 4217"])
        #expect(CodeList.list(for: hinted) == .currency && CodeList.wantsCode(hinted))
        let enumerated = SchemaField(path: ["money"], enumValues: ["EUR", "USD", "GBP"])
        #expect(CodeList.list(for: enumerated) == .currency)
        // A number in a description names no standard by itself.
        let reference = SchemaField(path: ["reference"], description: "Order reference, at most 1001 characters")
        #expect(CodeList.list(for: reference) == nil)
        // A currency field that does not ask for a code keeps the printed form.
        let plain = SchemaField(path: ["currency"])
        #expect(CodeList.list(for: plain) == .currency && !CodeList.wantsCode(plain))
    }

    // MARK: - Normalising answers

    @Test func answersBecomeCodesWhenTheSchemaAsksForOne() throws {
        let fields = try Self.zugferdFields()
        let normalizer = ValueNormalizer()
        let currency = try #require(fields["/currency"])
        #expect(normalizer.normalize("€", for: currency) == "EUR")
        #expect(normalizer.normalize("Euro", for: currency) == "EUR")
        #expect(normalizer.normalize("eur", for: currency) == "EUR")
        #expect(normalizer.normalize("US-Dollar", for: currency) == "USD")
        #expect(normalizer.normalize("Deutschland", for: try #require(fields["/seller/country"])) == "DE")
        #expect(normalizer.normalize("Stück", for: try #require(fields["/lines/*/unit"])) == "H87")
        #expect(normalizer.normalize("Avoir", for: try #require(fields["/type_code"])) == "381")
        #expect(normalizer.normalize(JSONValue.string("£"), for: currency) == "GBP")
        let listed = SchemaField(path: ["currency"], enumValues: ["EUR", "CHF"])
        #expect(normalizer.normalize("Euro", for: listed) == "EUR")
        #expect(normalizer.normalize("US-Dollar", for: listed) == nil)
        #expect(normalizer.normalize("€", for: SchemaField(path: ["currency"])) == "€")
    }

    // MARK: - Locating in real documents

    static func locator(_ path: String) throws -> EvidenceLocator {
        EvidenceLocator(evidence: try TestEvidence.textLayer(Fixtures.corpus(path)),
                        normalizer: ValueNormalizer(dateOrder: .dayFirst))
    }

    @Test func aDollarDocumentLocatesUSD() throws {
        let locator = try Self.locator("invoice2data/tests/compare/AmazonWebServices.pdf")
        let currency = SchemaField(path: ["currency"], description: "ISO 4217 code", pattern: "^[A-Z]{3}$")
        let match = try #require(locator.locate("USD", field: currency))
        #expect(match.kind == .normalized)
        #expect(match.text.hasPrefix("$"))
        #expect(locator.locate("EUR", field: currency) == nil)
        #expect(locator.locate("CAD", field: currency) == nil)
        // Without a field the value is no code: nothing prints "USD".
        #expect(locator.locate("USD") == nil)
    }

    @Test func aCreditNoteLocatesItsCodes() throws {
        let fields = try Self.zugferdFields()
        let locator = try Self.locator("zugferd/eval/Avoir_FR_type381_BASIC.pdf")
        let cases: [(String, String, String)] = [
            ("/type_code", "381", "Avoir"), ("/currency", "EUR", "€"), ("/seller/country", "FR", "France"),
            ("/lines/*/unit", "C62", "Unit(s)"), ("/lines/*/unit", "LTR", "Liter(s)"),
        ]
        for (pointer, code, printed) in cases {
            let match = try #require(locator.locate(.string(code), field: fields[pointer]), "\(pointer) \(code)")
            #expect(match.kind == .normalized, "\(code)")
            #expect(match.text == printed, "\(code): \(match.text)")
        }
        #expect(locator.locate("DE", field: fields["/seller/country"]) == nil)
        #expect(locator.locate("HUR", field: fields["/lines/*/unit"]) == nil)
        // A credit note prints its totals negative; the data model keeps them positive.
        let total = try #require(locator.locate(.number(JSONNumber(literal: "233.47")!)))
        #expect(total.kind == .normalized && total.text.hasPrefix("-233,47"))
    }

    @Test func shortUnitsCountOnlyNextToAQuantity() throws {
        let fields = try Self.zugferdFields()
        let unit = try #require(fields["/lines/*/unit"])
        // EN16931_Miete prints "Frankfurt a. M." and "km: 17791" but no quantity in metres or hours.
        let rental = try Self.locator("zugferd/eval/EN16931_Miete.pdf")
        #expect(rental.locate("MTR", field: unit) == nil)
        #expect(rental.locate("HUR", field: unit) == nil)
        #expect(rental.locate("DAY", field: unit)?.text == "Tag(e)")
        let partial = try Self.locator("zugferd/eval/EN16931_1_Teilrechnung.pdf")
        #expect(partial.locate("MTK", field: unit)?.text == "m²")
        #expect(partial.locate("KGM", field: unit)?.text == "kg")
        #expect(partial.locate("H87", field: unit)?.text == "Stk")
        #expect(partial.locate("LTR", field: unit) != nil)   // "12 x 1,0l PET"
        #expect(partial.locate("KWH", field: unit) == nil)
        // Made-up evidence: "m" alone on a line, then "5 m".
        func evidence(_ lines: [[String]]) -> DocumentEvidence {
            MadeUpEvidence.grid(lines, step: 60, width: 50)
        }
        let alone = EvidenceLocator(evidence: evidence([["Zone", "m", "Nord"], ["Kabel", "gelb"]]))
        #expect(alone.locate("MTR", field: unit) == nil)
        let measured = EvidenceLocator(evidence: evidence([["Kabel", "gelb", "5", "m", "12,00"]]))
        #expect(measured.locate("MTR", field: unit)?.text == "m")
        let attached = EvidenceLocator(evidence: evidence([["Kabel", "gelb", "5m", "12,00"]]))
        #expect(attached.locate("MTR", field: unit)?.text == "5m")
        // A bare dollar is USD only where no more specific dollar is printed.
        let currency = try #require(fields["/currency"])
        let canadian = EvidenceLocator(evidence: evidence([["Total", "$12.00"], ["Amounts", "in", "CA$"]]))
        #expect(canadian.locate("USD", field: currency) == nil)
        #expect(canadian.locate("CAD", field: currency)?.text == "CA$")
    }

    @Test func aCountryPrintedOnlyInAVATNumberIsLocatedThere() throws {
        let fields = try Self.zugferdFields()
        let country = try #require(fields["/seller/country"])
        func locator(_ lines: [[String]]) -> EvidenceLocator {
            EvidenceLocator(evidence: MadeUpEvidence.grid(lines, step: 60, width: 50))
        }
        let printed = locator([
            ["USt-IdNr", ":", "DE123456789"], ["Steuer-Nr", "ATU12345678"], ["Kunde", "EL094259216"],
        ])
        #expect(printed.locate("DE", field: country)?.text == "DE123456789")
        #expect(printed.locate("AT", field: country)?.text == "ATU12345678")
        #expect(printed.locate("GR", field: country)?.text == "EL094259216", "Greek VAT numbers open with EL")
        #expect(printed.locate("FR", field: country) == nil)
        // Not a VAT number: too few digits, lower case, an IBAN's 20 characters, a non-EU prefix.
        let other = locator([["Ref", "DE12AB"], ["de123456789"], ["DE89370400440532013000"], ["US123456789"]])
        #expect(other.locate("DE", field: country) == nil)
        #expect(other.locate("US", field: country) == nil)
    }

    @Test func rangesAndDeductionsAreLocated() throws {
        let fiber = try Self.locator("invoice2data/tests/compare/free_fiber.pdf")
        let start = SchemaField(path: ["date_start"], format: "date")
        let match = try #require(fiber.locate("2015-07-01", field: start))
        #expect(match.kind == .normalized && match.text.contains("1er"))
        let partial = try Self.locator("zugferd/eval/EN16931_1_Teilrechnung.pdf")
        let prepaid = try #require(partial.locate(.number(JSONNumber(50))))
        #expect(prepaid.kind == .normalized && prepaid.text == "-50,00")
    }

    // MARK: - Candidates

    @Test func candidatesOfferCodesOfPrintedForms() throws {
        let fields = try Self.zugferdFields()
        func top(_ path: String, _ pointer: String) throws -> JSONValue? {
            let finder = CandidateFinder(evidence: try TestEvidence.textLayer(Fixtures.corpus(path)),
                                         normalizer: ValueNormalizer(dateOrder: .dayFirst))
            return finder.candidates(for: try #require(fields[pointer])).first?.value
        }
        #expect(try top("zugferd/eval/Avoir_FR_type381_BASIC.pdf", "/type_code") == "381")
        #expect(try top("zugferd/eval/Facture_FR_MINIMUM.pdf", "/type_code") == "380")
        #expect(try top("zugferd/eval/EN16931_Gutschrift.pdf", "/type_code") == "389")
        #expect(try top("zugferd/eval/Facture_FR_MINIMUM.pdf", "/currency") == "EUR")
        // Its VAT number FR11999999998 is no amount in francs (`Fr.`): letters before digits need decimals.
        let french = CandidateFinder(evidence: try TestEvidence.textLayer(
            Fixtures.corpus("zugferd/eval/Facture_FR_MINIMUM.pdf")))
        #expect(!french.candidates(for: try #require(fields["/currency"])).contains { $0.value == "CHF" })
        // Nor is `FR 604 219 388 61`, the prefix printed apart; `Fr. 12.50` still is.
        let free = CandidateFinder(evidence: try TestEvidence.textLayer(
            Fixtures.corpus("invoice2data/tests/compare/free_fiber.pdf")))
        let code = SchemaField(path: ["currency"], description: "ISO 4217 code", pattern: "^[A-Z]{3}$")
        #expect(free.candidates(for: code).map(\.value) == ["EUR"])
        let swiss = CandidateFinder(evidence: TestEvidence.lines(["Total Fr. 12.50", "MWST-Nr. FR 604 219"]))
        #expect(swiss.candidates(for: code).map(\.value) == ["CHF"])
        let amazon = CandidateFinder(evidence: try TestEvidence.textLayer(
            Fixtures.corpus("invoice2data/tests/compare/AmazonWebServices.pdf")))
        let currency = SchemaField(path: ["currency"], description: "ISO 4217 code", pattern: "^[A-Z]{3}$")
        #expect(amazon.candidates(for: currency).first?.value == "USD")
        #expect(CandidateFinder.isSelfEvident(try #require(fields["/type_code"])))
        #expect(!CandidateFinder.isSelfEvident(try #require(fields["/seller/country"])))
    }
}
