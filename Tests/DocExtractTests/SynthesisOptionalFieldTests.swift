import ExtractCore
import ExtractTestSupport
import Foundation
import JSONCore
import ModelClients
import Synthesis
import Testing

/// Field-by-field synthesis leaves an optional field absent when the evidence only holds values of its type,
/// however eagerly the model answers (issue 7: fabrication on absent fields).
@Suite struct SynthesisOptionalFieldTests {
    static let schema: JSONValue = [
        "type": "object",
        "properties": [
            "invoice_number": ["type": "string"],
            "issue_date": ["type": "string", "format": "date"],
            "due_date": ["type": "string", "format": "date"],
        ],
        "required": ["invoice_number", "issue_date"],
    ]

    /// One page, one line per entry, each word its own box (as the text layer gives them).
    static func evidence(_ rows: [String]) -> DocumentEvidence {
        MadeUpEvidence.lines(rows, left: 50, top: 100)
    }

    /// A model that takes the first candidate offered and copies the printed date when asked for a value.
    static func eagerModel() -> ScriptedLanguageModel {
        ScriptedLanguageModel([.respond { request in
            let question = request.messages.last?.text ?? ""
            if question.contains("{\"choice\"") { return #"{"choice": 1}"# }
            return #"{"value": "2024-03-12"}"#
        }], provider: "local")
    }

    @Test func optionalFieldWithOnlyAnUnlabelledValueOfItsTypeStaysAbsent() async throws {
        let evidence = Self.evidence(["Invoice no: INV-1", "Date: 12 March 2024", "Thank you"])
        let model = Self.eagerModel()
        let output = try await SynthesisStage(model: model).run(SynthesisInput(evidence: evidence, schema: Self.schema))
        let value = try #require(output.value, "\(output.errors)")
        #expect(value["invoice_number"] == "INV-1")
        #expect(value["issue_date"] == "2024-03-12")
        #expect(value["due_date"] == nil)
        // Left absent without a question about it.
        #expect(!model.requests.contains { ($0.messages.last?.text ?? "").contains("due_date") })
    }

    /// A web address names itself: printed without a label it is still the issuer's website.
    @Test func optionalWebAddressWithoutALabelIsKept() async throws {
        let schema: JSONValue = [
            "type": "object",
            "properties": ["invoice_number": ["type": "string"], "website": ["type": "string", "format": "uri"]],
            "required": ["invoice_number"],
        ]
        let evidence = Self.evidence(["Invoice no: INV-1", "Thank you", "https://shop.example.com"])
        let output = try await SynthesisStage(model: Self.eagerModel())
            .run(SynthesisInput(evidence: evidence, schema: schema))
        let value = try #require(output.value, "\(output.errors)")
        #expect(value["website"]?.stringValue?.contains("shop.example.com") == true)
    }

    /// The buyer's IBAN of a direct debit (`Käufer-IBAN`) is no value for the payee's `iban`, though an IBAN names
    /// itself; and a `GLN` line under the invoice's recipient is no buyer reference (ZUGFeRD dev set).
    @Test func theOtherPartysValuesStayAbsent() async throws {
        let schema: JSONValue = [
            "type": "object",
            "properties": ["invoice_number": ["type": "string"], "buyer_reference": ["type": "string"],
                           "iban": ["type": "string"]],
            "required": ["invoice_number"],
        ]
        let evidence = Self.evidence(["Invoice no: INV-1", "Rechnungsempfänger", "GLN 4304171000002",
                                      "MUSTER-KUNDE GMBH", "Käufer-IBAN : DE21860000000086001055"])
        let model = ScriptedLanguageModel([.respond { request in
            let question = request.messages.last?.text ?? ""
            if question.contains("{\"choice\"") { return #"{"choice": 1}"# }
            if question.contains("iban") { return #"{"value": "DE21860000000086001055"}"# }
            return #"{"value": "GLN 4304171000002"}"#
        }], provider: "local")
        let output = try await SynthesisStage(model: model).run(SynthesisInput(evidence: evidence, schema: schema))
        let value = try #require(output.value, "\(output.errors)")
        #expect(value["invoice_number"] == "INV-1")
        #expect(value["iban"] == nil)
        #expect(value["buyer_reference"] == nil)
    }

    /// A receipt prints no IBAN: the finder, which looks for one by its form everywhere, finds none, so the model
    /// is not asked, and the GST number it would answer with is not given (SROIE with a decoy `iban`).
    @Test func anOptionalFieldThatNamesItselfIsNotAskedForWhenNoValueOfItsFormIsPrinted() async throws {
        let schema: JSONValue = [
            "type": "object",
            "properties": ["invoice_number": ["type": "string"], "iban": ["type": "string"]],
            "required": ["invoice_number"],
        ]
        let evidence = Self.evidence(["Invoice no: INV-1", "GST REG NO 001234567890", "Thank you"])
        let model = ScriptedLanguageModel([.respond { request in
            let question = request.messages.last?.text ?? ""
            if question.contains("{\"choice\"") { return #"{"choice": 1}"# }
            return #"{"value": "001234567890"}"#
        }], provider: "local")
        let output = try await SynthesisStage(model: model).run(SynthesisInput(evidence: evidence, schema: schema))
        let value = try #require(output.value, "\(output.errors)")
        #expect(value["invoice_number"] == "INV-1")
        #expect(value["iban"] == nil)
        #expect(!model.requests.contains { ($0.messages.last?.text ?? "").contains("iban") })
        // Printed, it is still found by its form and given.
        let printed = Self.evidence(["Invoice no: INV-1", "DE89 3704 0044 0532 0130 00"])
        let found = try await SynthesisStage(model: model).run(SynthesisInput(evidence: printed, schema: schema))
        #expect(found.value?["iban"]?.stringValue?.replacingOccurrences(of: " ", with: "") == "DE89370400440532013000")
    }

    /// A contract whose clauses state no length: the model is not asked for a term, and the word it answered
    /// with on Kleister-NDA da2a3584 (`value`) is not given; a clause that states one is read.
    @Test func aContractTermNoClauseStatesIsNotAskedFor() async throws {
        let schema: JSONValue = [
            "type": "object",
            "properties": ["jurisdiction": ["type": "string", "description": "US state or country whose law governs"],
                           "term": ["type": "string", "description": "contract length as '<number> <unit>'"]],
        ]
        let evidence = Self.evidence(["The Term of this Agreement shall not affect the value of the shares.",
                                      "This Agreement is governed by the laws of the State of Delaware."])
        let model = ScriptedLanguageModel([.respond { request in
            let question = request.messages.last?.text ?? ""
            if question.contains("{\"choice\"") { return #"{"choice": 1}"# }
            return #"{"value": "value"}"#
        }], provider: "local")
        let output = try await SynthesisStage(model: model).run(SynthesisInput(evidence: evidence, schema: schema))
        let value = try #require(output.value, "\(output.errors)")
        #expect(value["term"] == nil)
        #expect(value["jurisdiction"]?.stringValue?.contains("Delaware") == true)
        #expect(!model.requests.contains { ($0.messages.last?.text ?? "").contains("\"term\"") })
    }

    @Test func optionalFieldFoundByItsOwnLabelIsKept() async throws {
        let evidence = Self.evidence(["Invoice no: INV-1", "Date: 12 March 2024", "Due date: 11 April 2024"])
        let output = try await SynthesisStage(model: Self.eagerModel())
            .run(SynthesisInput(evidence: evidence, schema: Self.schema))
        let value = try #require(output.value, "\(output.errors)")
        #expect(value["issue_date"] == "2024-03-12")
        #expect(value["due_date"] == "2024-04-11")
    }

    /// A model that answers any value question about a global id with the printed word `GLN` and about a prepaid
    /// amount with a printed quantity, as SmolLM2 did on the ZUGFeRD dev set.
    static func copyingModel() -> ScriptedLanguageModel {
        ScriptedLanguageModel([.respond { request in
            let question = request.messages.last?.text ?? ""
            if question.contains("{\"choice\"") { return #"{"choice": 1}"# }
            if question.contains("global_id") { return #"{"value": "GLN"}"# }
            if question.contains("prepaid") { return #"{"value": 1}"# }
            return #"{"value": null}"#
        }], provider: "local")
    }

    static let partySchema: JSONValue = [
        "type": "object",
        "properties": [
            "invoice_number": ["type": "string"],
            "buyer": ["type": "object", "properties": ["name": ["type": "string"], "global_id": ["type": "string"]]],
            "totals": ["type": "object", "properties": ["prepaid": ["type": "number"]]],
        ],
        "required": ["invoice_number"],
    ]

    @Test func anOptionalValuePrintedButNotBesideItsLabelStaysAbsent() async throws {
        let evidence = Self.evidence(["Invoice no: INV-1", "Buyer: ACME GmbH (GLN)", "Widget 1 piece"])
        let output = try await SynthesisStage(model: Self.copyingModel())
            .run(SynthesisInput(evidence: evidence, schema: Self.partySchema))
        let value = try #require(output.value, "\(output.errors)")
        #expect(value["invoice_number"] == "INV-1")
        #expect(value["buyer"]?["global_id"] == nil)
        #expect(value["totals"]?["prepaid"] == nil)
    }

    @Test func anOptionalValueBesideItsLabelIsKept() async throws {
        let evidence = Self.evidence(["Invoice no: INV-1", "Widget 1 piece", "Prepaid 1"])
        let output = try await SynthesisStage(model: Self.copyingModel())
            .run(SynthesisInput(evidence: evidence, schema: Self.partySchema))
        let value = try #require(output.value, "\(output.errors)")
        #expect(value["totals"]?["prepaid"]?.doubleValue == 1)
    }
}
