import JSONCore
import ModelClients
import Testing

@Suite("Schema sanitizer profiles")
struct SchemaSanitizerTests {
    static let schema: JSONValue = [
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$defs": ["money": ["type": "number", "minimum": 0, "multipleOf": 0.01]],
        "type": "object",
        "properties": [
            "total": ["$ref": "#/$defs/money"],
            "email": ["type": "string", "format": "email"],
            "date": ["type": "string", "format": "date"],
            "lines": ["type": "array", "items": ["type": "string"], "maxItems": 5, "uniqueItems": true],
            "kind": ["const": "invoice"],
            "minimum": ["type": "integer"],
        ],
        "required": ["total"],
    ]

    @Test func llamaServerDropsWhatItsGrammarRejectsOrIgnores() {
        let result = SchemaSanitizer.llamaServer.sanitize(Self.schema)
        let properties = result.schema["properties"]
        #expect(result.schema["$schema"] == nil)
        #expect(result.schema["$defs"]?["money"] == ["type": "number"])
        #expect(properties?["email"] == ["type": "string"])
        #expect(properties?["date"] == ["type": "string", "format": "date"])
        #expect(properties?["lines"] == ["type": "array", "items": ["type": "string"], "maxItems": 5])
        // A property that happens to be named like a keyword is kept.
        #expect(properties?["minimum"] == ["type": "integer"])
        #expect(result.removed.contains("/properties/email/format"))
        #expect(result.removed.contains("/$defs/money/minimum"))
    }

    @Test func geminiInlinesReferencesAndKeepsItsSubset() {
        let result = SchemaSanitizer.gemini.sanitize(Self.schema)
        let properties = result.schema["properties"]
        #expect(properties?["total"] == ["type": "number", "minimum": 0])
        #expect(properties?["kind"] == ["enum": ["invoice"]])
        #expect(properties?["date"] == ["type": "string"])
        #expect(result.schema["$defs"] == nil)
    }

    @Test func passthroughChangesNothing() {
        #expect(SchemaSanitizer.passthrough.sanitize(Self.schema).schema == Self.schema)
        #expect(SchemaSanitizer.passthrough.sanitize(Self.schema).removed.isEmpty)
    }
}
