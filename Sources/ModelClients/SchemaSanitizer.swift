import JSONCore

/// Rewrites a JSON Schema into the subset one backend accepts, and reports what it removed.
///
/// Backends reject some keywords (llama-server answers 400 to `prefixItems` with `items: false`) and silently
/// ignore others, so the schema sent is a relaxation of the real one: always validate answers with the
/// `JSONSchema` module afterwards. Use the profile of the backend: ``llamaServer``, ``openAI``, ``anthropic``,
/// ``gemini``, or ``passthrough``.
public struct SchemaSanitizer: Sendable, Hashable {
    /// A schema after sanitising, with the JSON-Pointer-style paths of every removed keyword.
    public struct Result: Sendable, Hashable {
        /// The schema to send.
        public var schema: JSONValue
        /// Removed or rewritten keywords, for example `/properties/age/minimum`.
        public var removed: [String]
    }

    /// Profile name, for diagnostics.
    public let name: String
    /// Keywords dropped wherever they appear in a schema object.
    public let droppedKeywords: Set<String>
    /// When set, only these keywords are kept (Gemini's OpenAPI subset).
    public let allowedKeywords: Set<String>?
    /// `format` values kept; other formats are dropped. `nil` keeps all.
    public let allowedFormats: Set<String>?
    /// Rewrite `type: [T, "null"]` to `type: T, nullable: true` and `const` to a one-value `enum`.
    public let openAPIStyle: Bool
    /// Replace local `$ref`s (`#/$defs/...`, `#/definitions/...`) with the referenced schema.
    public let inlineReferences: Bool

    /// Creates a custom profile.
    public init(
        name: String, droppedKeywords: Set<String>, allowedKeywords: Set<String>? = nil,
        allowedFormats: Set<String>? = nil, openAPIStyle: Bool = false, inlineReferences: Bool = false
    ) {
        self.name = name
        self.droppedKeywords = droppedKeywords
        self.allowedKeywords = allowedKeywords
        self.allowedFormats = allowedFormats
        self.openAPIStyle = openAPIStyle
        self.inlineReferences = inlineReferences
    }

    /// Sends the schema unchanged.
    public static let passthrough = SchemaSanitizer(name: "passthrough", droppedKeywords: [])

    /// llama.cpp's `llama-server` grammar converter: drops what it rejects or ignores.
    public static let llamaServer = SchemaSanitizer(
        name: "llama-server",
        droppedKeywords: [
            "$schema", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "uniqueItems",
            "not", "if", "then", "else", "dependentSchemas", "dependentRequired", "unevaluatedProperties",
            "unevaluatedItems", "contains", "minContains", "maxContains", "propertyNames", "patternProperties",
        ],
        allowedFormats: ["date", "time", "date-time", "uuid"])

    /// OpenAI structured outputs: drops the keywords its schema subset does not support.
    public static let openAI = SchemaSanitizer(
        name: "openai",
        droppedKeywords: [
            "$schema", "$id", "not", "if", "then", "else", "dependentSchemas", "dependentRequired",
            "unevaluatedProperties", "unevaluatedItems", "contains", "minContains", "maxContains",
            "propertyNames", "patternProperties", "uniqueItems",
        ])

    /// Anthropic tool `input_schema`: full JSON Schema is accepted; only document-level keywords are dropped.
    public static let anthropic = SchemaSanitizer(name: "anthropic", droppedKeywords: ["$schema", "$id"])

    /// Gemini `responseSchema` (an OpenAPI 3.0 subset): keeps the supported keywords only.
    public static let gemini = SchemaSanitizer(
        name: "gemini",
        droppedKeywords: [],
        allowedKeywords: [
            "type", "format", "description", "nullable", "enum", "properties", "required", "items", "minItems",
            "maxItems", "minimum", "maximum", "anyOf", "propertyOrdering", "title",
        ],
        allowedFormats: ["date-time", "enum", "int32", "int64", "float", "double"],
        openAPIStyle: true,
        inlineReferences: true)

    /// Sanitises `schema`.
    public func sanitize(_ schema: JSONValue) -> Result {
        var removed: [String] = []
        let definitions = schema["$defs"]?.objectValue ?? schema["definitions"]?.objectValue ?? [:]
        let cleaned = walk(schema, path: "", definitions: definitions, depth: 0, removed: &removed)
        return Result(schema: cleaned, removed: removed)
    }

    private static let schemaMaps: Set<String> = ["properties", "patternProperties", "$defs", "definitions",
                                                  "dependentSchemas"]
    private static let schemaArrays: Set<String> = ["allOf", "anyOf", "oneOf", "prefixItems"]
    private static let schemaValues: Set<String> = ["items", "additionalProperties", "not", "if", "then", "else",
                                                    "contains", "propertyNames", "unevaluatedItems",
                                                    "unevaluatedProperties", "additionalItems"]

    private func walk(
        _ value: JSONValue, path: String, definitions: JSONObject, depth: Int, removed: inout [String]
    ) -> JSONValue {
        guard var object = value.objectValue else { return value }
        if inlineReferences, let reference = object["$ref"]?.stringValue {
            let prefixes = ["#/$defs/", "#/definitions/"]
            if let prefix = prefixes.first(where: reference.hasPrefix), depth < 16,
               let target = definitions[String(reference.dropFirst(prefix.count))] {
                object["$ref"] = nil
                removed.append(path + "/$ref")
                var merged = target.objectValue ?? [:]
                for (key, item) in object { merged[key] = item }
                return walk(.object(merged), path: path, definitions: definitions, depth: depth + 1,
                            removed: &removed)
            }
        }
        if openAPIStyle {
            if case .array(let types)? = object["type"] {
                let named = types.compactMap(\.stringValue)
                let nonNull = named.filter { $0 != "null" }
                if nonNull.count == 1 {
                    object["type"] = .string(nonNull[0])
                    if named.contains("null") { object["nullable"] = true }
                    removed.append(path + "/type")
                }
            }
            if let constant = object["const"] {
                object["const"] = nil
                object["enum"] = [constant]
                removed.append(path + "/const")
            }
        }
        // `items: false` after `prefixItems` is rejected by llama-server; drop it with the tuple form.
        if name == SchemaSanitizer.llamaServer.name, object["prefixItems"] != nil, object["items"] == .bool(false) {
            object["items"] = nil
            removed.append(path + "/items")
        }
        var result: JSONObject = [:]
        for (key, item) in object {
            let itemPath = path + "/" + key
            if droppedKeywords.contains(key) || (allowedKeywords.map { !$0.contains(key) } ?? false) {
                removed.append(itemPath)
                continue
            }
            if key == "format", let allowedFormats, let format = item.stringValue, !allowedFormats.contains(format) {
                removed.append(itemPath)
                continue
            }
            if SchemaSanitizer.schemaMaps.contains(key), let map = item.objectValue {
                var cleaned: JSONObject = [:]
                for (name, subschema) in map {
                    cleaned[name] = walk(subschema, path: itemPath + "/" + name, definitions: definitions,
                                         depth: depth, removed: &removed)
                }
                result[key] = .object(cleaned)
            } else if SchemaSanitizer.schemaArrays.contains(key), let list = item.arrayValue {
                result[key] = .array(list.enumerated().map { index, subschema in
                    walk(subschema, path: itemPath + "/\(index)", definitions: definitions, depth: depth,
                         removed: &removed)
                })
            } else if SchemaSanitizer.schemaValues.contains(key) {
                result[key] = walk(item, path: itemPath, definitions: definitions, depth: depth, removed: &removed)
            } else {
                result[key] = item
            }
        }
        return .object(result)
    }
}
