import JSONCore

/// Knows where the 2020-12 vocabulary (plus the legacy `definitions`) places subschemas in a schema object.
///
/// Used to find `$id`, `$anchor` and `$dynamicAnchor` declarations: identifiers inside `enum`, `const`,
/// unknown keywords or other non-schema values are not identifiers.
enum SchemaWalker {
    /// Keywords whose value is one subschema.
    static let singleSchemaKeywords: Set<String> = [
        "items", "contains", "additionalProperties", "propertyNames", "if", "then", "else", "not",
        "unevaluatedItems", "unevaluatedProperties", "contentSchema",
    ]

    /// Keywords whose value is an array of subschemas.
    static let schemaArrayKeywords: Set<String> = ["prefixItems", "allOf", "anyOf", "oneOf"]

    /// Keywords whose value is an object of subschemas.
    static let schemaMapKeywords: Set<String> = [
        "$defs", "definitions", "properties", "patternProperties", "dependentSchemas",
    ]

    /// The direct subschemas of `object`, each with its pointer tokens relative to `object`.
    static func subschemas(of object: JSONObject) -> [(tokens: [String], value: JSONValue)] {
        var result: [(tokens: [String], value: JSONValue)] = []
        for (keyword, value) in object {
            if singleSchemaKeywords.contains(keyword) {
                result.append(([keyword], value))
            } else if schemaArrayKeywords.contains(keyword), case .array(let elements) = value {
                for (index, element) in elements.enumerated() { result.append(([keyword, String(index)], element)) }
            } else if schemaMapKeywords.contains(keyword), case .object(let members) = value {
                for (name, member) in members { result.append(([keyword, name], member)) }
            } else if keyword == "dependencies", case .object(let members) = value {
                for (name, member) in members where member.arrayValue == nil {
                    result.append(([keyword, name], member))
                }
            }
        }
        return result
    }

    /// Calls `visit` with the absolute URI of every schema resource (`$id`) inside `document`, whose
    /// retrieval URI is `baseURI`.
    static func resourceIdentifiers(in document: JSONValue, baseURI: String, _ visit: (String) -> Void) {
        func walk(_ value: JSONValue, base: URIReference) {
            guard case .object(let object) = value else { return }
            var base = base
            if case .string(let identifier)? = object["$id"] {
                base = base.resolving(URIReference(identifier)).withoutFragment
                visit(base.text)
            }
            for child in subschemas(of: object) { walk(child.value, base: base) }
        }
        walk(document, base: URIReference(baseURI).withoutFragment)
    }
}
