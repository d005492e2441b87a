import JSONCore
import JSONSchema
import Testing

@Suite("Invalid schemas are detected")
struct SchemaErrorTests {
    private func compileError(_ text: String) -> SchemaError? {
        do {
            _ = try JSONSchema(parsing: text)
            return nil
        } catch {
            return error
        }
    }

    @Test("a schema that breaks the meta-schema is rejected with located violations")
    func metaSchemaViolation() throws {
        let error = try #require(compileError(#"{"properties": {"total": {"type": "nmber"}}, "minLength": -1}"#))
        #expect(error.kind == .invalidAgainstMetaSchema)
        #expect(error.message.contains("https://json-schema.org/draft/2020-12/schema"))
        let locations = Set(error.violations.map(\.instanceLocation))
        #expect(locations.contains("/properties/total/type"))
        #expect(locations.contains("/minLength"))
        #expect(error.description.contains("/minLength: -1 is less than the minimum 0"))
    }

    @Test("wrong keyword shapes", arguments: [
        #"{"required": "name"}"#, #"{"allOf": []}"#, #"{"type": 5}"#, #"{"items": 3}"#, #"{"multipleOf": 0}"#,
        #"{"$defs": {"a": "b"}}"#, "[]",
    ])
    func shapes(text: String) throws {
        let error = try #require(compileError(text))
        #expect(error.kind == .invalidAgainstMetaSchema)
        #expect(!error.violations.isEmpty)
    }

    @Test("other kinds of problems", arguments: [
        ("{", SchemaError.Kind.invalidJSON),
        (##"{"$ref": "#/$defs/missing"}"##, .unresolvedReference),
        (##"{"$ref": "#nowhere"}"##, .unresolvedReference),
        (#"{"pattern": "(unclosed"}"#, .invalidRegex),
        (#"{"patternProperties": {"[a-": true}}"#, .invalidRegex),
        (#"{"$schema": "http://json-schema.org/draft-07/schema#"}"#, .unknownMetaSchema),
    ])
    func otherProblems(text: String, kind: SchemaError.Kind) throws {
        let error = try #require(compileError(text))
        #expect(error.kind == kind, "\(error)")
    }

    @Test("a custom meta-schema: its vocabularies apply, unknown required vocabularies are refused")
    func customMetaSchema() throws {
        var registry = SchemaRegistry()
        try registry.register(parsing: """
        {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://example.com/meta-strict",
         "$vocabulary": {"https://json-schema.org/draft/2020-12/vocab/core": true,
                         "https://example.com/vocab/units": true},
         "$dynamicAnchor": "meta", "$ref": "https://json-schema.org/draft/2020-12/meta/core"}
        """)
        do {
            _ = try JSONSchema(parsing: #"{"$schema": "https://example.com/meta-strict"}"#, registry: registry)
            Issue.record("expected the unknown vocabulary to be refused")
        } catch {
            #expect(error.kind == .unsupportedVocabulary)
            #expect(error.message.contains("https://example.com/vocab/units"))
        }
    }

    @Test("metaSchemaViolations checks without compiling")
    func violationsOnly() throws {
        #expect(try JSONSchema.metaSchemaViolations(of: ["type": "string"]).isEmpty)
        #expect(try !JSONSchema.metaSchemaViolations(of: ["type": "text"]).isEmpty)
    }

    @Test("skipping the meta-schema check still reports malformed keywords")
    func uncheckedShapes() throws {
        #expect(throws: SchemaError.self) {
            try JSONSchema(["minLength": "3"], checkingMetaSchema: false)
        }
    }
}
