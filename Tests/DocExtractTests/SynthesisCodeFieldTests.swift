import ExtractCore
import ExtractTestSupport
import Foundation
import JSONCore
import ModelClients
import Synthesis
import Testing

/// Field-by-field synthesis offers the code of a printed form for fields that ask for a code (a currency
/// symbol, a document title), and turns a model's "€" or "Euro" into the code.
@Suite struct SynthesisCodeFieldTests {
    static let schema: JSONValue = [
        "type": "object",
        "properties": [
            "invoice_number": ["type": "string"],
            "type_code": ["type": "string", "pattern": "^[0-9]{3}$", "description": "UNTDID 1001 document type"],
            "currency": ["type": "string", "pattern": "^[A-Z]{3}$", "description": "ISO 4217 code"],
        ],
        "required": ["invoice_number", "currency"],
    ]

    /// A model that answers the first candidate, and "Euro" when asked for a value.
    static func model() -> ScriptedLanguageModel {
        ScriptedLanguageModel([.respond { request in
            let question = request.messages.last?.text ?? ""
            if question.contains("{\"choice\"") { return #"{"choice": 1}"# }
            return #"{"value": "Euro"}"#
        }], provider: "local")
    }

    @Test func printedFormsBecomeCodes() async throws {
        let evidence = SynthesisOptionalFieldTests.evidence([
            "Avoir AV-2017-0005", "Invoice no: AV-2017-0005", "Nougat 5 Unit(s) 4,55 €", "Total TTC -233,47 €",
        ])
        let output = try await SynthesisStage(model: Self.model())
            .run(SynthesisInput(evidence: evidence, schema: Self.schema))
        let value = try #require(output.value, "\(output.errors)")
        #expect(value["currency"] == "EUR")
        #expect(value["type_code"] == "381")
    }

    @Test func aCurrencyNameIsOfferedAsItsCode() async throws {
        let evidence = SynthesisOptionalFieldTests.evidence(["Invoice no: INV-1", "All amounts in Euro", "Total 12"])
        let output = try await SynthesisStage(model: Self.model())
            .run(SynthesisInput(evidence: evidence, schema: Self.schema))
        let value = try #require(output.value, "\(output.errors)")
        #expect(value["currency"] == "EUR")
        // A line opening with "Invoice" reads as a commercial invoice.
        #expect(value["type_code"] == "380")
    }

    @Test func aWholeDocumentAnswerOfASymbolBecomesTheCode() async throws {
        let evidence = SynthesisOptionalFieldTests.evidence(["Invoice no: INV-1", "Total 12,00 €"])
        let model = ScriptedLanguageModel([.respond { _ in #"{"invoice_number": "INV-1", "currency": "€"}"# }])
        var options = SynthesisOptions()
        options.strategy = .wholeDocument
        let output = try await SynthesisStage(model: model, options: options)
            .run(SynthesisInput(evidence: evidence, schema: Self.schema))
        let value = try #require(output.value, "\(output.errors)")
        #expect(value["currency"] == "EUR")
    }
}
