import Foundation
import JSONCore
import JSONSchema
import Testing

@Suite("Validator errors, numbers, strings")
struct ValidatorTests {
    private static let invoiceSchema = """
    {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "type": "object",
        "required": ["number", "lines"],
        "properties": {
            "number": {"type": "string", "minLength": 1},
            "lines": {"type": "array", "items": {"$ref": "#/$defs/line"}}
        },
        "$defs": {
            "line": {
                "type": "object",
                "required": ["description", "price_unit"],
                "properties": {
                    "description": {"type": "string"},
                    "price_unit": {"type": "number", "multipleOf": 0.0001}
                },
                "additionalProperties": false
            }
        }
    }
    """

    private func value(_ text: String) throws -> JSONValue {
        try JSONValue(parsing: text)
    }

    @Test("an error names the instance pointer, keyword locations and what is wrong")
    func errorMessageAndPointers() throws {
        let schema = try JSONSchema(parsing: ValidatorTests.invoiceSchema)
        let instance = try value("""
        {"number": "F-1", "lines": [
            {"description": "a", "price_unit": 1},
            {"description": "b", "price_unit": 2.5},
            {"description": "c", "price_unit": "12,50"}
        ]}
        """)
        let result = schema.validate(instance)
        #expect(!result.isValid)
        let error = try #require(result.errors.first)
        #expect(result.errors.count == 1)
        #expect(error.description == "/lines/2/price_unit: expected number, got string \"12,50\"")
        #expect(error.instanceLocation == "/lines/2/price_unit")
        #expect(error.keywordLocation == "/properties/lines/items/$ref/properties/price_unit/type")
        #expect(error.absoluteKeywordLocation == "urn:docextract:schema#/$defs/line/properties/price_unit/type")
        #expect(!schema.isValid(instance))
    }

    @Test("every error is reported, not just the first")
    func everyError() throws {
        let schema = try JSONSchema(parsing: ValidatorTests.invoiceSchema)
        let instance = try value("""
        {"number": "", "lines": [{"price_unit": "x", "extra": 1}, {"description": 5, "price_unit": 0.00005}]}
        """)
        let messages = schema.validate(instance).errors.map(\.description)
        #expect(messages == [
            "/number: string \"\" has 0 characters, fewer than minLength 1",
            "/lines/0: missing required property \"description\"",
            "/lines/0/price_unit: expected number, got string \"x\"",
            "/lines/0/extra: property \"extra\" is not allowed (additionalProperties is false); "
                + "remove it or declare it in \"properties\"",
            "/lines/1/description: expected string, got integer 5",
            "/lines/1/price_unit: 0.00005 is not a multiple of 0.0001",
        ])
    }

    @Test("root errors print as (root); anyOf explains each alternative")
    func rootAndAnyOf() throws {
        let schema = try JSONSchema(parsing: #"{"anyOf": [{"minimum": 10}, {"multipleOf": 2}]}"#)
        let errors = schema.validate(3).errors
        #expect(errors.count == 1)
        #expect(errors.first?.description == "(root): integer 3 matches none of the 2 schemas in anyOf "
            + "(0: 3 is less than the minimum 10; 1: 3 is not a multiple of 2)")
        #expect(errors.first?.keywordLocation == "/anyOf")
        #expect(schema.validate(4).isValid)
        // When the other alternatives only fail on their type, the one that fits the value explains the failure.
        let typed = try JSONSchema(parsing: #"{"anyOf": [{"type": "string"}, {"type": "integer", "minimum": 10}]}"#)
        #expect(typed.validate(3).errors.map(\.description) == ["(root): 3 is less than the minimum 10"])
        #expect(typed.validate(3).errors.first?.keywordLocation == "/anyOf/1/minimum")
        #expect(typed.validate(nil).errors.first?.message.hasPrefix("null matches none of the 2 schemas") == true)
    }

    @Test("a nullable object's own errors are reported, not just \"matches none of anyOf\"")
    func nullableObject() throws {
        let schema = try JSONSchema(parsing: """
        {"properties": {"buyer": {"anyOf": [{"type": "null"}, {"$ref": "#/$defs/party"}]}},
         "$defs": {"party": {"type": "object", "required": ["name"], "properties": {"vat": {"type": "string"}}}}}
        """)
        #expect(schema.isValid(["buyer": nil]))
        let errors = schema.validate(["buyer": ["vat": 12]]).errors
        #expect(errors.map(\.description) == [
            "/buyer: missing required property \"name\"",
            "/buyer/vat: expected string, got integer 12",
        ])
        #expect(errors.last?.keywordLocation == "/properties/buyer/anyOf/1/$ref/properties/vat/type")
    }

    @Test("false schemas say what is not allowed")
    func falseSchemas() throws {
        let schema = try JSONSchema(parsing: #"{"properties": {"legacy": false}, "items": false, "not": false}"#)
        #expect(schema.validate(["legacy": 1]).errors.map(\.description)
            == ["/legacy: property \"legacy\" is not allowed (its schema is false)"])
        #expect(schema.validate([1]).errors.map(\.description) == ["/0: item 0 is not allowed (its schema is false)"])
        #expect(try JSONSchema(false).validate(1).errors.map(\.description)
            == ["(root): no value is allowed here (the schema is false)"])
    }

    @Test("multipleOf with decimals is exact", arguments: [
        ("0.0075", "0.0001", true), ("0.00751", "0.0001", false), ("19.99", "0.01", true), ("0.3", "0.1", true),
        ("1e-9", "1e-10", true), ("4.5", "1.5", true), ("4.6", "1.5", false),
        ("123456789012345678901234567890", "10", true), ("123456789012345678901234567891", "10", false),
    ])
    func multipleOf(instance: String, divisor: String, expected: Bool) throws {
        let schema = try JSONSchema(parsing: #"{"multipleOf": \#(divisor)}"#)
        #expect(schema.isValid(try value(instance)) == expected)
    }

    @Test("big integers stay exact in comparisons and const")
    func bigIntegers() throws {
        let schema = try JSONSchema(parsing: #"{"type": "integer", "maximum": 18446744073709551616}"#)
        #expect(schema.isValid(try value("18446744073709551616")))
        #expect(!schema.isValid(try value("18446744073709551617")))
        let constant = try JSONSchema(parsing: #"{"const": 98249283749234923498293171823948729348710298301928331}"#)
        #expect(constant.isValid(try value("98249283749234923498293171823948729348710298301928331")))
        #expect(!constant.isValid(try value("98249283749234923498293171823948729348710298301928332")))
    }

    @Test("1.0 is an integer; 1.5 is not", arguments: [("1.0", true), ("1e2", true), ("1.5", false), ("-0.0", true)])
    func integerType(text: String, expected: Bool) throws {
        let schema = try JSONSchema(parsing: #"{"type": "integer"}"#)
        #expect(schema.isValid(try value(text)) == expected)
    }

    @Test("minLength and maxLength count code points, not UTF-16 units or graphemes")
    func codePoints() throws {
        let schema = try JSONSchema(parsing: #"{"minLength": 2, "maxLength": 2}"#)
        #expect(!schema.isValid("😀"))          // one code point, two UTF-16 units
        #expect(schema.isValid("😀😀"))
        #expect(schema.isValid("e\u{301}"))      // one grapheme, two code points
        #expect(!schema.isValid("é"))
        let message = schema.validate("abc").errors.first?.message
        #expect(message == "string \"abc\" has 3 characters, more than maxLength 2")
    }

    @Test("strings compare by code points in const, enum and uniqueItems")
    func codePointEquality() throws {
        let schema = try JSONSchema(parsing: #"{"enum": ["\u00e9"]}"#)
        #expect(schema.isValid("\u{e9}"))
        #expect(!schema.isValid("e\u{301}"))
        let closed = try JSONSchema(parsing: #"{"properties": {"\u00e9": true}, "additionalProperties": false}"#)
        #expect(closed.isValid(["\u{e9}": 1]))
        #expect(!closed.isValid(["e\u{301}": 1]))
        let unique = try JSONSchema(parsing: #"{"uniqueItems": true}"#)
        #expect(unique.isValid(["\u{e9}", "e\u{301}"]))
        #expect(!unique.isValid([1, 1.0]))
    }

    @Test("format is an annotation unless assertion is requested")
    func formatAssertion() throws {
        let schema = try JSONSchema(parsing: #"{"format": "date"}"#)
        #expect(schema.isValid("2024-02-30"))
        #expect(!schema.isValid("2024-02-30", assertingFormat: true))
        #expect(schema.isValid("2024-02-29", assertingFormat: true))
        let validator = Validator(schema: schema, options: .init(assertFormat: true))
        #expect(validator.validate("x").errors.first?.description == "(root): string \"x\" is not a valid date")
    }

    @Test("references resolve against registered schemas and never the network")
    func registry() throws {
        var registry = SchemaRegistry()
        try registry.register(parsing: #"{"type": "string", "pattern": "^[A-Z]{3}$"}"#,
                              uri: "https://example.com/currency.json")
        let schema = try JSONSchema(
            parsing: #"{"properties": {"currency": {"$ref": "https://example.com/currency.json"}}}"#,
            registry: registry
        )
        #expect(schema.isValid(["currency": "EUR"]))
        #expect(schema.validate(["currency": "euro"]).errors.first?.absoluteKeywordLocation
            == "https://example.com/currency.json#/pattern")
        #expect(throws: SchemaError.self) {
            try JSONSchema(parsing: #"{"$ref": "https://example.com/missing.json"}"#, registry: registry)
        }
        do {
            _ = try JSONSchema(parsing: #"{"$ref": "https://example.com/missing.json"}"#)
            Issue.record("expected an unresolved reference")
        } catch {
            #expect(error.kind == .unresolvedReference)
            #expect(error.message.contains("register it in the SchemaRegistry"))
        }
    }

    @Test("unevaluatedProperties reports the properties no schema evaluated")
    func unevaluated() throws {
        let schema = try JSONSchema(parsing: """
        {"allOf": [{"properties": {"a": true}}], "properties": {"b": true}, "unevaluatedProperties": false}
        """)
        #expect(schema.isValid(["a": 1, "b": 2]))
        let errors = schema.validate(["a": 1, "c": 3]).errors
        #expect(errors.map(\.description) == [
            "/c: property \"c\" is not allowed: no schema evaluates it and unevaluatedProperties is false",
        ])
    }

    @Test("deep instances validate without running out of stack; $ref cycles are reported")
    func depth() throws {
        let deep = try JSONValue(parsing: String(repeating: "[", count: 500) + String(repeating: "]", count: 500))
        let recursive = try JSONSchema(parsing: ##"{"type": "array", "items": {"$ref": "#"}}"##)
        #expect(recursive.isValid(deep))
        #expect(recursive.validate(deep).isValid)
        let hops = try JSONSchema(parsing: ##"""
        {"items": {"allOf": [{"$ref": "#/$defs/x"}]}, "$defs": {"x": {"anyOf": [{"$ref": "#"}], "not": false}}}
        """##)
        let deepest = try JSONValue(parsing: String(repeating: "[", count: 510) + String(repeating: "]", count: 510))
        #expect(hops.isValid(deepest))
        #expect(hops.validate(deepest).isValid)
        let cycle = try JSONSchema(parsing: ##"""
        {"$defs": {"a": {"$ref": "#/$defs/b"}, "b": {"$ref": "#/$defs/a"}}, "$ref": "#/$defs/a"}
        """##)
        let errors = cycle.validate(1).errors
        #expect(errors.count == 1)
        #expect(errors.first?.message.contains("$ref cycle") == true)
        #expect(!cycle.isValid(1))
    }

    @Test("a compiled schema validates concurrently")
    func concurrentUse() async throws {
        let schema = try JSONSchema(parsing: ValidatorTests.invoiceSchema)
        let instance = try value(#"{"number": "1", "lines": [{"description": "d", "price_unit": 1.25}]}"#)
        let patterned = try JSONSchema(parsing: #"{"items": {"pattern": "^[A-Z]{3}-[0-9]+$"}}"#)
        let codes: JSONValue = .array((0..<200).map { .string("ABC-\($0)") })
        let results = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    (0..<50).allSatisfy { _ in schema.isValid(instance) && patterned.isValid(codes) }
                }
            }
            var all: [Bool] = []
            for await result in group { all.append(result) }
            return all
        }
        #expect(results == Array(repeating: true, count: 8))
    }
}
