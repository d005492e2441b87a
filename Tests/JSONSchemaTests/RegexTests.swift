import JSONCore
import JSONSchema
import Testing

@Suite("ECMA-262 regular expressions")
struct RegexTests {
    @Test("ECMA semantics where ICU differs", arguments: [
        (#"^\d+$"#, "123", true), (#"^\d+$"#, "\u{663}", false),        // \d is ASCII-only
        (#"^\w+$"#, "abc_1", true), (#"^\w+$"#, "é", false),             // \w is ASCII-only
        (#"a\b"#, "aé", true), (#"a\B"#, "ab", true),                    // \b uses the ASCII \w
        (#"^abc$"#, "abc\n", false),                                       // $ only at the very end
        (#"^\s$"#, "\u{FEFF}", true), (#"^[^]$"#, "\n", true), (#"[]"#, "a", false),
        (#"^\u{1F600}$"#, "😀", true), (#"^.$"#, "😀", true),
        (#"^[\b]$"#, "\u{8}", true), (#"^\v$"#, "\u{B}", true), (#"^\v$"#, "\u{2028}", false),
    ])
    func semantics(pattern: String, text: String, expected: Bool) throws {
        let schema = try JSONSchema(.object(["pattern": .string(pattern)]))
        #expect(schema.isValid(.string(text)) == expected, "\(pattern) on \(text.debugDescription)")
    }

    @Test("other dialects are rejected", arguments: [#"(?i)abc"#, #"(?#note)a"#, #"(?P<n>a)"#, #"\a"#, #"\Z"#])
    func dialects(pattern: String) throws {
        #expect(throws: SchemaError.self) { try JSONSchema(.object(["pattern": .string(pattern)])) }
        let format = try JSONSchema(["format": "regex"])
        #expect(!format.isValid(.string(pattern), assertingFormat: true))
    }

    @Test("named groups, lookarounds and Unicode properties work")
    func modernSyntax() throws {
        let schema = try JSONSchema(["pattern": #"^(?<year>\d{4})-(?<=\d{4}-)\k<year>$|^\p{Lu}\p{Ll}+$"#])
        #expect(schema.isValid("2024-2024"))
        #expect(schema.isValid("Émile"))
        #expect(!schema.isValid("2024-2025"))
    }
}
