import ExtractCore
import ExtractTestSupport
import JSONCore
import Provenance
import Testing

/// Whose value a printed label names: the buyer's IBAN of a SEPA direct debit is not the payee's, and a party's
/// GLN is no buyer reference.
struct PartyLabelTests {
    static func candidates(_ rows: [String], _ field: SchemaField) -> [Candidate] {
        CandidateFinder(evidence: MadeUpEvidence.lines(rows)).candidates(for: field)
    }

    /// The payment block of a direct debit prints the account the money is drawn from, the buyer's.
    static let directDebit = ["Zahlungsart", "Zahlungstyp (codiert): 59", "Käufer-IBAN : DE21860000000086001055"]

    /// An invoice's `iban` (no party in its name) is the payee's account: the `Käufer-IBAN` is the other party's,
    /// for it and for the seller's IBAN, and the buyer's own.
    @Test func theBuyersIBANIsNotTheInvoicesIBAN() {
        let iban = SchemaField(path: ["iban"], types: ["string"])
        let found = Self.candidates(Self.directDebit, iban)
        #expect(found.first?.value == "DE21860000000086001055")
        #expect(!found.isEmpty && found.allSatisfy(\.isOtherPartys), "\(found)")
        let sellers = Self.candidates(Self.directDebit, SchemaField(path: ["seller", "iban"], types: ["string"]))
        #expect(!sellers.isEmpty && sellers.allSatisfy(\.isOtherPartys), "\(sellers)")
        let buyers = Self.candidates(Self.directDebit, SchemaField(path: ["buyer", "iban"], types: ["string"]))
        #expect(buyers.first?.value == "DE21860000000086001055")
        #expect(buyers.first?.isOtherPartys == false)
        // Under a label naming no party, the IBAN is the invoice's.
        let own = Self.candidates(["Zahlungsart", "IBAN : DE21860000000086001055"], iban)
        #expect(own.first?.value == "DE21860000000086001055")
        #expect(own.first?.isOtherPartys == false)
    }

    /// A word before the label's phrase belongs to the label: `Customer VAT:` is the buyer's VAT number, not the
    /// seller's nor that of a `vat` field of no party.
    @Test func aWordBeforeTheLabelNamesTheBuyer() {
        let rows = ["Customer VAT: DE123456789"]
        for path in [["vat"], ["seller", "vat_id"]] {
            let found = Self.candidates(rows, SchemaField(path: path, types: ["string"]))
            #expect(!found.isEmpty && found.allSatisfy(\.isOtherPartys), "\(path): \(found)")
        }
        let buyers = Self.candidates(rows, SchemaField(path: ["buyer", "vat_id"], types: ["string"]))
        #expect(buyers.first?.value == "DE123456789")
        #expect(buyers.first?.isOtherPartys == false)
        #expect(buyers.first?.foundByLabel == true)
    }

    /// `buyer_reference` is an identifier the buyer gives (BT-10, the Leitweg-ID), not the buyer's name: the
    /// `GLN` line under `Rechnungsempfänger` is neither it nor the buyer's name.
    @Test func aGLNIsNoBuyerReference() {
        let reference = SchemaField(path: ["buyer_reference"], types: ["string"])
        let block = ["Rechnungsempfänger", "GLN 4304171000002", "MUSTER-KUNDE GMBH"]
        let found = Self.candidates(block, reference)
        #expect(!found.contains { $0.value.stringValue?.contains("4304171000002") == true }, "\(found)")
        let names = Self.candidates(block, SchemaField(path: ["buyer", "name"], types: ["string"]))
        #expect(!names.contains { $0.value == "GLN 4304171000002" }, "\(names)")
        #expect(Self.candidates(["Leitwege-ID: 04011000-12345-34"], reference).first?.value == "04011000-12345-34")
        let leitweg = Self.candidates(["Leitwege-ID: 04011000-12345-34"], reference)
        #expect(leitweg.first?.foundByLabel == true, "\(leitweg)")
        let printed = Self.candidates(["Referenz des Käufers: 05 158 004 - 11023 - 45"], reference)
        #expect(printed.first?.value == "05 158 004 - 11023 - 45")
        #expect(printed.first?.foundByLabel == true, "\(printed)")
    }

    /// The IBAN check passes one text in 97: a validity period `ab 20.09.2018 15:39 Uhr bis 20.09.2018` passes it
    /// but has no registry country's prefix and length.
    @Test func anIBANHasARegistryCountryAndLength() {
        let iban = SchemaField(path: ["iban"], types: ["string"])
        let found = Self.candidates(["Gültig ab 20.09.2018 15:39 Uhr bis 20.09.2018"], iban)
        #expect(found.isEmpty, "\(found)")
        #expect(Self.candidates(["IBAN: DE02120300000000202051"], iban).first?.value == "DE02120300000000202051")
    }
}
