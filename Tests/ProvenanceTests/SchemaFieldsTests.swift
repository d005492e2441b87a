import ExtractTestSupport
import JSONCore
import Provenance
import Testing

@Suite struct SchemaFieldsTests {
    @Test func invoiceSchemaLeaves() throws {
        let schema = try TestEvidence.invoiceSchema()
        let leaves = SchemaFields.leaves(of: schema)
        let pointers = leaves.map(\.pointer)
        #expect(pointers.contains("/invoice_number"))
        #expect(pointers.contains("/seller/vat_id"))
        #expect(pointers.contains("/line_items/*/unit_price"))
        #expect(!pointers.contains("/seller"))
        #expect(leaves.count == 11 + 6 + 4)
        let due = try #require(leaves.first { $0.pointer == "/due_date" })
        #expect(due.types == ["string"])
        #expect(due.isNullable)
        #expect(due.format == "date")
        #expect(due.isRequired)
        let currency = try #require(leaves.first { $0.name == "currency" })
        #expect(currency.enumValues?.contains("EUR") == true)
        let amount = try #require(leaves.first { $0.pointer == "/line_items/*/amount" })
        #expect(amount.isInArray)
        #expect(amount.parents == ["line_items"])
        #expect(amount.types == ["number"])
        #expect(SchemaFields.topLevelScalars(of: schema).count == 11)
    }

    @Test func refsDefsAndBranches() {
        let schema: JSONValue = [
            "type": "object",
            "$defs": [
                "party": [
                    "type": "object",
                    "properties": ["name": ["type": "string"], "parent": ["$ref": "#/$defs/party"]],
                    "required": ["name"],
                ],
                "money": ["type": "number", "description": "An amount."],
            ],
            "properties": [
                "seller": ["$ref": "#/$defs/party"],
                "total": ["$ref": "#/$defs/money", "description": "Total due."],
                "note": ["anyOf": [["type": "string", "maxLength": 20], ["type": "null"]]],
                "tags": ["type": "array", "items": ["type": "string"]],
                "kind": ["enum": ["a", "b", nil]],
                "a~b/c": ["type": "boolean"],
            ],
            "required": ["total"],
        ]
        let leaves = SchemaFields.leaves(of: schema)
        let byPointer = Dictionary(uniqueKeysWithValues: leaves.map { ($0.pointer, $0) })
        #expect(byPointer["/seller/name"]?.isRequired == true)
        #expect(byPointer["/seller/parent/name"] == nil)  // the cycle is cut
        #expect(byPointer["/total"]?.description == "Total due.")
        #expect(byPointer["/total"]?.types == ["number"])
        #expect(byPointer["/total"]?.isRequired == true)
        #expect(byPointer["/note"]?.types == ["string"])
        #expect(byPointer["/note"]?.isNullable == true)
        #expect(byPointer["/tags"] == nil)
        #expect(byPointer["/kind"]?.enumValues == ["a", "b"])
        #expect(byPointer["/kind"]?.isNullable == true)
        #expect(byPointer["/a~0b~1c"]?.types == ["boolean"])
    }

    @Test func otherSampleSchemasHaveLeaves() throws {
        for name in ["receipt", "letter", "table", "article"] {
            let url = Fixtures.repositoryRoot.appendingPathComponent("schemas/\(name).schema.json")
            let leaves = SchemaFields.leaves(of: try TestEvidence.json(url))
            #expect(!leaves.isEmpty, "\(name)")
            #expect(leaves.allSatisfy { $0.pointer.hasPrefix("/") }, "\(name)")
        }
    }
}
