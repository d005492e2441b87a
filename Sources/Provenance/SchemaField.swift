import JSONCore

/// One leaf (scalar) field of a JSON Schema, as the synthesis stage asks for it.
///
/// Leaves are found by ``SchemaFields/leaves(of:)``: properties of objects, followed through local `$ref`s
/// and into the `items` of arrays. A leaf inside an array of objects has `*` in its ``pointer`` where the
/// array index goes (`/line_items/*/amount`), because it stands for that property in every row.
public struct SchemaField: Sendable, Hashable {
    /// JSON Pointer to the value in an instance, with `*` standing for any array index.
    public var pointer: String
    /// The path as keys (`"*"` for an array index), e.g. `["seller", "name"]`.
    public var path: [String]
    /// The property name (the last key), e.g. `name`.
    public var name: String
    /// The parent property names from the root, e.g. `["seller"]` (array levels are left out).
    public var parents: [String]
    /// The schema's `description`, when given.
    public var description: String?
    /// The schema's `title`, when given.
    public var title: String?
    /// The allowed JSON types other than `null`, in schema order (`string`, `number`, `integer`, `boolean`);
    /// empty when the schema does not say.
    public var types: [String]
    /// Whether `null` is allowed (a type array with `null`, or an `enum` containing `null`).
    public var isNullable: Bool
    /// The `format` keyword (e.g. `date`, `email`), when given.
    public var format: String?
    /// The `enum` values without `null`, or a single `const`, when given.
    public var enumValues: [JSONValue]?
    /// The `pattern` keyword, when given.
    public var pattern: String?
    /// Whether the property is listed in its parent's `required`.
    public var isRequired: Bool
    /// Whether the field sits inside an array (one value per row).
    public var isInArray: Bool
    /// The leaf's own schema, after `$ref` resolution.
    public var schema: JSONValue

    /// Creates a field descriptor; ``pointer``, ``path``, ``name`` and ``parents`` come from `path`.
    public init(
        path: [String],
        description: String? = nil,
        title: String? = nil,
        types: [String] = ["string"],
        isNullable: Bool = false,
        format: String? = nil,
        enumValues: [JSONValue]? = nil,
        pattern: String? = nil,
        isRequired: Bool = true,
        isInArray: Bool = false,
        schema: JSONValue = [:]
    ) {
        self.path = path
        self.pointer = path.isEmpty ? "" : "/" + path.map(SchemaField.escape).joined(separator: "/")
        self.name = path.last(where: { $0 != "*" }) ?? ""
        self.parents = Array(path.filter { $0 != "*" }.dropLast())
        self.description = description
        self.title = title
        self.types = types
        self.isNullable = isNullable
        self.format = format
        self.enumValues = enumValues
        self.pattern = pattern
        self.isRequired = isRequired
        self.isInArray = isInArray
        self.schema = schema
    }

    /// Escapes one key for a JSON Pointer (`~` → `~0`, `/` → `~1`).
    static func escape(_ key: String) -> String {
        key.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }

    /// Whether the field asks for a number (`number` or `integer`) before any other type.
    public var wantsNumber: Bool { types.first == "number" || types.first == "integer" }
    /// Whether a number (`number` or `integer`) is among the field's types, e.g. `["string", "number"]`.
    public var allowsNumber: Bool { types.contains("number") || types.contains("integer") }
    /// Whether a string is among the field's types (or no type is given).
    public var allowsString: Bool { types.isEmpty || types.contains("string") }
    /// Whether the field asks for a date (`format: date`).
    public var wantsDate: Bool { format == "date" }
}
