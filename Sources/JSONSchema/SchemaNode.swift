import JSONCore

/// JSON Schema's primitive types as a bit set (`integer` is a subset of `number`).
struct TypeSet: OptionSet, Sendable {
    let rawValue: UInt8

    init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    static let null = TypeSet(rawValue: 1 << 0)
    static let boolean = TypeSet(rawValue: 1 << 1)
    static let integer = TypeSet(rawValue: 1 << 2)
    static let number = TypeSet(rawValue: 1 << 3)
    static let string = TypeSet(rawValue: 1 << 4)
    static let array = TypeSet(rawValue: 1 << 5)
    static let object = TypeSet(rawValue: 1 << 6)

    /// Names in the order the specification lists them, for messages.
    static let names: [(TypeSet, String)] = [
        (.null, "null"), (.boolean, "boolean"), (.object, "object"), (.array, "array"), (.number, "number"),
        (.integer, "integer"), (.string, "string"),
    ]

    /// The set for one type name, or `nil` when the name is not a JSON Schema type.
    init?(name: String) {
        guard let entry = TypeSet.names.first(where: { $0.1 == name }) else { return nil }
        self = entry.0
    }

    /// Whether `value` is of one of the types in the set.
    func admits(_ value: JSONValue) -> Bool {
        switch value {
        case .null: return contains(.null)
        case .bool: return contains(.boolean)
        case .number(let number): return contains(.number) || (contains(.integer) && number.isInteger)
        case .string: return contains(.string)
        case .array: return contains(.array)
        case .object: return contains(.object)
        }
    }

    /// `string`, `string or null`, `integer, string or null`.
    var displayName: String {
        let parts = TypeSet.names.filter { contains($0.0) }.map(\.1)
        if parts.count <= 1 { return parts.first ?? "nothing" }
        return parts.dropLast().joined(separator: ", ") + " or " + parts[parts.count - 1]
    }
}

/// One compiled keyword of a schema object. Subschemas are indices into ``CompiledSchema/nodes``.
enum Keyword: Sendable {
    // Core
    case ref(Int)
    /// `$dynamicRef` whose initial target carries a matching `$dynamicAnchor`: resolved in the dynamic scope.
    case dynamicRef(initial: Int, anchor: String)

    // Applicators
    case allOf([Int])
    case anyOf([Int])
    case oneOf([Int])
    case not(Int)
    case conditional(condition: Int, then: Int?, otherwise: Int?)
    case dependentSchemas([(name: String, node: Int)])
    case prefixItems([Int])
    /// `items`, applied to the elements after the first `prefixCount` (the length of `prefixItems`).
    case items(node: Int, prefixCount: Int)
    case contains(node: Int, min: Int, max: Int?)
    case properties([PropertyName: Int])
    case patternProperties([(regex: ECMARegex, node: Int)])
    /// `additionalProperties`, applied to names that neither `properties` nor `patternProperties` match.
    case additionalProperties(node: Int, named: Set<PropertyName>, patterns: [ECMARegex])
    case propertyNames(Int)

    // Unevaluated (always placed after every other keyword of the same schema object)
    case unevaluatedItems(Int)
    case unevaluatedProperties(Int)

    // Validation
    case type(TypeSet)
    case enumeration([JSONValue])
    case constant(JSONValue)
    case multipleOf(JSONNumber)
    case maximum(JSONNumber)
    case exclusiveMaximum(JSONNumber)
    case minimum(JSONNumber)
    case exclusiveMinimum(JSONNumber)
    case maxLength(Int)
    case minLength(Int)
    case pattern(ECMARegex)
    case maxItems(Int)
    case minItems(Int)
    case uniqueItems
    case maxProperties(Int)
    case minProperties(Int)
    case required([String])
    case dependentRequired([(name: String, required: [String])])

    // Format
    /// `format`; asserted when the validator asks for it or the `format-assertion` vocabulary is in use.
    case format(name: String, alwaysAssert: Bool)
}

/// A keyword with the name it was written under (the `contains` entry also covers `minContains`/`maxContains`,
/// `conditional` covers `if`/`then`/`else`).
struct CompiledKeyword: Sendable {
    let name: String
    let keyword: Keyword
}

/// One compiled schema: a boolean schema or an object's keywords.
struct SchemaNode: Sendable {
    /// `true`/`false` for boolean schemas, `nil` for schema objects.
    var constant: Bool?
    var keywords: [CompiledKeyword]
    /// Index of the schema resource (`$id` scope) this node belongs to, for `$dynamicRef`.
    var resource: Int
    /// Absolute location: the resource's URI with a JSON Pointer fragment.
    var location: String
    /// Whether the node has `unevaluatedItems` or `unevaluatedProperties`.
    var usesUnevaluated: Bool

    static let placeholder = SchemaNode(constant: true, keywords: [], resource: 0, location: "", usesUnevaluated: false)
}

/// A schema resource: a subtree whose base URI is set by `$id` (or the document root).
struct SchemaResource: Sendable {
    let uri: String
    /// `$dynamicAnchor` names declared in this resource, with the nodes they identify.
    var dynamicAnchors: [String: Int]
}
