import ExtractCore
import ExtractTestSupport
import Foundation
import JSONCore
import Provenance
import Testing

/// Candidates on real e-invoices of the ZUGFeRD corpus (text layer): the number in the document's heading, the
/// parties' blocks told apart, and the parts of postal lines.
struct EInvoiceCandidateTests {
    /// Every field's candidates on a ZUGFeRD dev document's text layer, by pointer.
    static func candidates(_ file: String) throws -> [String: [Candidate]] {
        let evidence = try TestEvidence.textLayer(Fixtures.corpus("zugferd/eval/\(file).pdf"))
        let schema = try TestEvidence.json(Fixtures.corpus("zugferd/invoice.schema.json"))
        return Dictionary(
            CandidateFinder(evidence: evidence).candidates(forSchema: schema).map { ($0.field.pointer, $0.candidates) },
            uniquingKeysWith: { first, _ in first }
        )
    }

    /// Every field's best candidate.
    static func top(_ file: String) throws -> [String: JSONValue] {
        try candidates(file).compactMapValues { $0.first?.value }
    }

    /// `Handelsrechnung (380) Nr. 471102 vom 05.03.2018`, a `Verkäufer` block above a `Käufer/Leistungsempfänger`
    /// block, each with `Name:`, `Anschrift:` and a postal line `DE 80333 München`.
    @Test func germanHeadingAndPartyBlocks() throws {
        let best = try Self.top("EN16931_Einfach")
        #expect(best["/invoice_number"] == "471102")
        #expect(best["/seller/name"] == "Lieferant GmbH")
        #expect(best["/buyer/name"] == "Kunden AG Mitte")
        #expect(best["/seller/street"] == "Lieferantenstraße 20")
        #expect(best["/buyer/street"] == "Kundenstraße 15")
        #expect(best["/seller/postcode"] == "80333")
        #expect(best["/buyer/postcode"] == "69876")
        #expect(best["/seller/city"] == "München")
        #expect(best["/buyer/city"] == "Frankfurt")
        #expect(best["/seller/tax_number"] == "201/113/40209")
        // The street is not taken for the seller's name, nor the tax number for the invoice number.
        #expect(best["/seller/street"] != best["/seller/name"])
        #expect(best["/seller/tax_number"] != best["/invoice_number"])
    }

    /// The buyer prints no tax number: the seller's `Steuernummer:` is no label-found candidate for it, and the
    /// next label below a label (`USt.-Id.-Nr.:` below `Steuernummer:`) is no value at all.
    @Test func theOtherPartysLabelsAndLabelsBelowLabelsGiveNoLabelledValue() throws {
        let found = try Self.candidates("EN16931_Einfach")
        let buyerTax = try #require(found["/buyer/tax_number"])
        let labelled = buyerTax.filter(\.foundByLabel)
        #expect(labelled.isEmpty, "\(labelled)")
        let sellerTax = try #require(found["/seller/tax_number"])
        #expect(sellerTax.first?.foundByLabel == true)
        let labels = sellerTax.filter { $0.value.stringValue?.hasPrefix("USt") == true }
        #expect(labels.isEmpty, "\(labels)")
    }

    /// A credit note's heading `Avoir AV-2017-0005` gives its number; `Facture liée FA-2017-0010` (the invoice it
    /// corrects, in a sentence) does not.
    @Test func frenchCreditNoteNumberFromItsHeading() throws {
        let best = try Self.top("Avoir_FR_type381_BASIC")
        #expect(best["/invoice_number"] == "AV-2017-0005")
        #expect(best["/seller/name"] == "Au bon moulin SARL")
    }

    /// `TVA : FR11999999998` in the letterhead is the seller's VAT number, `N° TVA client FR19787878784` the
    /// buyer's by its label wherever it stands; `Votre référence` is the order reference, and the name under
    /// `Adresse de livraison` the buyer's. The French `de 120 000,00` is no VAT number.
    @Test func frenchLabelsNameTheParties() throws {
        let found = try Self.candidates("Avoir_FR_type381_BASIC")
        #expect(found["/seller/vat_id"]?.first?.value == "FR11999999998")
        #expect(found["/buyer/vat_id"]?.first?.value == "FR19787878784")
        #expect(found["/buyer/vat_id"]?.first?.foundByLabel == true)
        #expect(found["/seller/vat_id"]?.first(where: { $0.value == "FR19787878784" })?.foundByLabel != true)
        #expect(found["/order_reference"]?.first?.value == "PO445")
        #expect(found["/buyer/name"]?.first?.value == "Ma jolie boutique")
        let vatNumbers = (found["/seller/vat_id"] ?? []) + (found["/buyer/vat_id"] ?? [])
        #expect(!vatNumbers.contains { $0.value.stringValue?.hasPrefix("DE") == true })
    }

    /// A French company's SIREN printed in its trade-register entry, before or after `RCS` and its city.
    @Test func aSirenIsReadFromTheTradeRegisterEntry() throws {
        let siren = SchemaField(path: ["siren"])
        let free = CandidateFinder(evidence: try TestEvidence.textLayer(
            Fixtures.corpus("invoice2data/tests/compare/free_fiber.pdf")))
        let found = try #require(free.candidates(for: siren).first)
        #expect(found.value == "421 938 861" && found.label == "RCS" && found.foundByLabel)
        let before = CandidateFinder(evidence: TestEvidence.lines([
            "Au bon moulin SARL", "RCS Lyon B 999 999 998 - APE 4778C", "Capital 120 000 €",
        ]))
        #expect(before.candidates(for: siren).first?.value == "999 999 998")
        // Nine digits without the register are no SIREN by this reading.
        let bare = CandidateFinder(evidence: TestEvidence.lines(["Commande 999 999 998", "Total 12,00 €"]))
        #expect(!bare.candidates(for: siren).contains { $0.foundByLabel })
    }

    /// The totals block of a German e-invoice, each total by its own label (`Rechnungssumme ohne USt.` is the tax
    /// basis, not a total; `Gesamtbetrag der Zuschläge` is no grand total), and the numbers of the party blocks.
    @Test func germanTotalsAndPartyNumbers() throws {
        let best = try Self.top("EN16931_Einfach")
        #expect(best["/totals/line_total"]?.doubleValue == 473)
        #expect(best["/totals/charge_total"]?.doubleValue == 0)
        #expect(best["/totals/allowance_total"]?.doubleValue == 0)
        #expect(best["/totals/tax_basis_total"]?.doubleValue == 473)
        #expect(best["/totals/tax_total"]?.doubleValue == 56.87)
        #expect(best["/totals/grand_total"]?.doubleValue == 529.87)
        #expect(best["/totals/prepaid"]?.doubleValue == 0)
        #expect(best["/totals/due_payable"]?.doubleValue == 529.87)
        #expect(best["/delivery_date"] == "2018-03-05")
        #expect(best["/seller/id"] == "549910")
        #expect(best["/buyer/id"] == "GE2020211")
        #expect(best["/seller/global_id"] == "4000001123452")
    }

    /// A letterhead printing the issuer's address on one line between dashes gives the seller's street, postcode,
    /// city and country; the postal line under `Adresse de livraison` is the buyer's.
    @Test func aLetterheadLineGivesTheSellersAddress() throws {
        let found = try Self.candidates("Avoir_FR_type381_BASIC")
        func first(_ pointer: String) -> Candidate? { found[pointer]?.first }
        #expect(first("/seller/street")?.value == "1242 chemin de l'olive")
        #expect(first("/seller/postcode")?.value == "84340")
        #expect(first("/seller/city")?.value == "Malaucène")
        #expect(first("/seller/country")?.value == "FR")
        #expect(first("/seller/city")?.method == .postalLine && first("/seller/city")?.showsItsField == true)
        // The letterhead leads clearly, so the small model is not asked to choose (it picked the buyer's line).
        let cities = found["/seller/city"] ?? []
        #expect(cities.count < 2 || cities[0].score - cities[1].score >= 0.15, "\(cities)")
        #expect(first("/buyer/city")?.value == "Lyon")
        #expect(first("/buyer/city")?.method == .postalLine)
    }

    /// Without a buyer heading, whose postal line it is cannot be told: a buyer's field gets no postal line that
    /// shows it, a seller's does.
    @Test func withoutABuyerHeadingAPostalLineShowsNoBuyerField() throws {
        let finder = CandidateFinder(evidence: TestEvidence.lines([
            "Muster GmbH", "Hauptstraße 5", "80333 München", "Rechnung Nr. 17", "Total 12,00 €",
        ]))
        let buyer = SchemaField(path: ["buyer", "city"])
        let seller = SchemaField(path: ["seller", "city"])
        #expect(finder.candidates(for: buyer).allSatisfy { !$0.showsItsField })
        #expect(finder.candidates(for: seller).first?.method == .postalLine)
        #expect(finder.candidates(for: SchemaField(path: ["seller", "street"])).first?.value == "Hauptstraße 5")
    }

    /// `Beleg-Nr              : R87654321012345`: the label's colon printed apart across a tab stop, and the
    /// label below it (`Beleg-Datum`) is no value.
    @Test func aColonPrintedApartStillLeadsToTheValue() throws {
        let best = try Self.top("additional-data-sample-1")
        #expect(best["/invoice_number"] == "R87654321012345")
        #expect(best["/issue_date"] == "2013-08-06")
        #expect(best["/delivery_date"] == "2013-08-05")
        let finder = CandidateFinder(evidence: TestEvidence.lines(["Beleg-Nr :", "Beleg-Datum : 06.08.2013"]))
        let number = SchemaField(path: ["invoice_number"])
        #expect(!finder.candidates(for: number).contains { $0.value == "Beleg-Datum" })
    }
}
