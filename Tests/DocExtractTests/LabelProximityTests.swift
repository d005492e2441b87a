import ExtractCore
import JSONCore
import Provenance
@testable import Synthesis
import Testing

/// Whether a value the model typed in stands beside one of the field's labels: whole printed words only.
struct LabelProximityTests {
    static func text(_ rows: [String]) -> EvidenceText {
        EvidenceText.rows(SynthesisOptionalFieldTests.evidence(rows))
    }

    @Test func aNumberIsAWholePrintedWord() {
        let allowance = SchemaField(path: ["totals", "allowance_total"], types: ["number"], isRequired: false)
        let text = Self.text(["Gesamtbetrag der Abschläge", "Rechnungssumme ohne USt. 2.000,00", "Seite 2 von 2"])
        // `2` is not in `2.000,00`, and `Seite 2 von 2` follows no label of the field.
        #expect(!FieldByFieldSynthesizer.isBesideLabel(["2"], of: allowance, in: text))
        #expect(FieldByFieldSynthesizer.isBesideLabel(["2.000,00"], of: allowance, in: text))
        let beside = Self.text(["Gesamtbetrag der Abschläge 2,00", "Bruttosumme 12,00"])
        #expect(FieldByFieldSynthesizer.isBesideLabel(["2,00"], of: allowance, in: beside))
        #expect(!FieldByFieldSynthesizer.isBesideLabel(["12,00"], of: allowance, in: beside))
    }

    @Test func theParentsBareNameIsNoLabel() {
        let globalID = SchemaField(path: ["buyer", "global_id"])
        let text = Self.text(["Buyer", "ACME GmbH (GLN)"])
        #expect(!FieldByFieldSynthesizer.isBesideLabel(["GLN"], of: globalID, in: text))
        let labelled = Self.text(["Buyer", "Global number: 4000001123452"])
        #expect(FieldByFieldSynthesizer.isBesideLabel(["4000001123452"], of: globalID, in: labelled))
    }
}
