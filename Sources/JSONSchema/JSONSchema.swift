import JSONCore

/// A compiled JSON Schema (draft 2020-12), ready to validate any number of instances.
///
/// Compiling checks the schema against its meta-schema (the official draft 2020-12 meta-schema, or the one
/// `$schema` names if it is registered), resolves every `$ref` against the schema and the ``SchemaRegistry``
/// (never the network), compiles `pattern` regular expressions, and builds an internal tree; validation then
/// walks that tree without re-reading the schema. A `JSONSchema` is immutable and `Sendable`: share one
/// across threads.
///
/// ```swift
/// let schema = try JSONSchema(parsing: schemaText)            // throws SchemaError if the schema is bad
/// let result = schema.validate(try JSONValue(parsing: instanceText))
/// for error in result.errors { print(error) }                 // "/lines/2/price_unit: expected number, …"
/// ```
///
/// Supported: the whole draft 2020-12 vocabulary — core (`$id`, `$schema`, `$ref`, `$defs`, `$anchor`,
/// `$dynamicRef`/`$dynamicAnchor`, `$vocabulary`, `$comment`), applicator, unevaluated, validation, and
/// `format` (an annotation unless ``Validator/Options/assertFormat`` is set or the meta-schema uses the
/// format-assertion vocabulary; see ``Validator`` for the formats checked). Meta-data and content keywords
/// are annotations and never fail. Numbers are exact decimals: `1.0` is an integer, big integers stay
/// exact, `multipleOf: 0.0001` accepts `0.0075`. `minLength`/`maxLength` count Unicode code points.
///
/// Regular expressions (`pattern`, `patternProperties`, `format: regex`) follow ECMA-262 (with the `u` flag)
/// as closely as the platform's ICU engine allows. Translated to match ECMA: `\d`, `\w`, `\b` are ASCII-only,
/// `\s` is ECMA's whitespace set, `$` matches only at the very end, `\u{…}`, `[^]` and `[]` work. Remaining
/// differences: ICU matches code points rather than UTF-16 code units; `.` also excludes U+0085; a
/// backreference to a group that did not participate fails in ICU but matches empty in ECMA; Annex-B
/// leniencies (`\8`, a lone `{` as a literal, some `\c` forms) follow ICU rules; lookbehind of unbounded
/// length (`(?<=a+)b`, valid since ECMA 2018) is rejected by ICU. Syntax of other dialects is rejected: a
/// backslash before a letter that is no ECMA escape (`\a`, `\A`, `\Z`, `\z`, `\h`…), inline flags `(?i)`,
/// comments `(?#…)`, `(?P<name>…)`. Matching is unanchored, as JSON Schema requires.
public struct JSONSchema: Sendable {
    /// The base URI of schemas that have no `$id` and were given no `baseURI`.
    public static let defaultBaseURI = "urn:docextract:schema"

    /// The schema as parsed.
    public let document: JSONValue
    /// The URI the schema was compiled under (its retrieval URI; `$id` inside may override it).
    public let baseURI: String
    let compiled: CompiledSchema

    /// Compiles a schema.
    ///
    /// - Parameters:
    ///   - document: the schema (an object or a boolean).
    ///   - registry: other schemas `$ref` may point to, by URI; the draft 2020-12 meta-schemas are included.
    ///   - baseURI: the schema's own URI, against which relative references resolve.
    ///   - checkingMetaSchema: check the schema against its meta-schema first (recommended). When `false`,
    ///     only malformed keywords that would make compiling impossible are reported.
    /// - Throws: ``SchemaError`` when the schema is invalid against its meta-schema, names an unknown
    ///   `$schema`, has a reference that resolves to nothing, or a regular expression that does not compile.
    public init(
        _ document: JSONValue,
        registry: SchemaRegistry = SchemaRegistry(),
        baseURI: String = JSONSchema.defaultBaseURI,
        checkingMetaSchema: Bool = true
    ) throws(SchemaError) {
        if checkingMetaSchema {
            let violations = try JSONSchema.metaSchemaViolations(of: document, registry: registry)
            if !violations.isEmpty {
                let metaSchema = document["$schema"]?.stringValue ?? MetaSchemas.draft202012
                let count = violations.count
                throw SchemaError(
                    kind: .invalidAgainstMetaSchema,
                    message: "the schema is not valid against the meta-schema \(metaSchema): \(count) "
                        + "problem\(count == 1 ? "" : "s") (locations are JSON Pointers into the schema); "
                        + "fix the keywords below",
                    violations: violations
                )
            }
        }
        self.document = document
        self.baseURI = baseURI
        compiled = try SchemaCompiler.compile(document, baseURI: baseURI, registry: registry)
    }

    /// Parses JSON text and compiles it (see ``init(_:registry:baseURI:checkingMetaSchema:)``).
    ///
    /// - Throws: ``SchemaError`` of kind ``SchemaError/Kind/invalidJSON`` (with line and column) when the text
    ///   is not JSON, otherwise as the other initialiser.
    public init(
        parsing text: String,
        registry: SchemaRegistry = SchemaRegistry(),
        baseURI: String = JSONSchema.defaultBaseURI,
        checkingMetaSchema: Bool = true
    ) throws(SchemaError) {
        try self.init(data: text.utf8, registry: registry, baseURI: baseURI, checkingMetaSchema: checkingMetaSchema)
    }

    /// Parses UTF-8 JSON bytes (e.g. a file's `Data`) and compiles them (see
    /// ``init(_:registry:baseURI:checkingMetaSchema:)``).
    ///
    /// - Throws: ``SchemaError`` of kind ``SchemaError/Kind/invalidJSON`` (with line and column) when the bytes
    ///   are not JSON, otherwise as the other initialiser.
    public init(
        data: some Collection<UInt8>,
        registry: SchemaRegistry = SchemaRegistry(),
        baseURI: String = JSONSchema.defaultBaseURI,
        checkingMetaSchema: Bool = true
    ) throws(SchemaError) {
        let document: JSONValue
        do {
            document = try JSONValue(parsing: data)
        } catch {
            throw SchemaError(kind: .invalidJSON, message: "the schema is not JSON: \(error)")
        }
        try self.init(document, registry: registry, baseURI: baseURI, checkingMetaSchema: checkingMetaSchema)
    }

    /// Validates `instance`, returning every error (see ``Validator`` for options).
    public func validate(_ instance: JSONValue, assertingFormat: Bool = false) -> ValidationResult {
        Validator(schema: self, options: Validator.Options(assertFormat: assertingFormat)).validate(instance)
    }

    /// Whether `instance` is valid; faster than ``validate(_:assertingFormat:)`` as it stops at the first error.
    public func isValid(_ instance: JSONValue, assertingFormat: Bool = false) -> Bool {
        Validator(schema: self, options: Validator.Options(assertFormat: assertingFormat)).isValid(instance)
    }

    // MARK: Meta-schema

    /// The official draft 2020-12 meta-schema, compiled once.
    public static let draft202012MetaSchema: JSONSchema = {
        do {
            let text = MetaSchemas.all.first { $0.uri == MetaSchemas.draft202012 }!.text
            return try JSONSchema(
                parsing: text, registry: SchemaRegistry(), baseURI: MetaSchemas.draft202012, checkingMetaSchema: false
            )
        } catch {
            preconditionFailure("the embedded draft 2020-12 meta-schema does not compile: \(error)")
        }
    }()

    /// Checks `document` against its meta-schema without compiling it: the official draft 2020-12 one, or the
    /// registered schema its `$schema` names. Returns every violation (empty when the schema is valid); the
    /// instance locations are JSON Pointers into `document`.
    ///
    /// - Throws: ``SchemaError`` when `$schema` names a meta-schema that is neither 2020-12 nor registered.
    public static func metaSchemaViolations(
        of document: JSONValue, registry: SchemaRegistry = SchemaRegistry()
    ) throws(SchemaError) -> [ValidationError] {
        guard case .string(let metaSchemaURI)? = document["$schema"],
              URIReference(metaSchemaURI).withoutFragment.text != MetaSchemas.draft202012 else {
            return draft202012MetaSchema.validate(document).errors
        }
        let key = URIReference(metaSchemaURI).withoutFragment.text
        guard let (uri, metaDocument) = registry.document(holding: key) else {
            throw SchemaError(
                kind: .unknownMetaSchema,
                message: "\"$schema\": \"\(metaSchemaURI)\" is not a known meta-schema; use "
                    + "\"\(MetaSchemas.draft202012)\" or register the meta-schema in the SchemaRegistry"
            )
        }
        let metaSchema = try JSONSchema(metaDocument, registry: registry, baseURI: uri, checkingMetaSchema: false)
        let target = key == uri ? metaSchema : try JSONSchema(
            .object(["$ref": .string(key)]), registry: registry, baseURI: uri, checkingMetaSchema: false
        )
        return target.validate(document).errors
    }
}
