import JSONCore

/// One unit a scorer compares: a scalar property, an array of rows (`line-items`) or a multiset (`set`).
public struct ScoredField: Sendable, Hashable {
    /// Property names from the root (or from the row, for a row's field).
    public var path: [String]
    /// The rule; ``CompareRule/lineItems`` and ``CompareRule/set`` units carry their element rules.
    public var rule: CompareRule
    /// The property's schema after `$ref` resolution (for `type` and `format`).
    public var schema: JSONValue
    /// For `line-items`, and `set` of objects: the fields of one element, paths relative to the element.
    public var elementFields: [ScoredField]
    /// For `set` of scalars: how two elements compare.
    public var elementRule: CompareRule

    /// Creates a unit.
    public init(
        path: [String], rule: CompareRule, schema: JSONValue = [:], elementFields: [ScoredField] = [],
        elementRule: CompareRule = .exact
    ) {
        self.path = path
        self.rule = rule
        self.schema = schema
        self.elementFields = elementFields
        self.elementRule = elementRule
    }

    /// The JSON Pointer of the unit, e.g. `/seller/name` or, for a row's field, `/lines/*/name`.
    public func pointer(under parent: [String] = []) -> String {
        "/" + (parent + path).map {
            $0.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
        }.joined(separator: "/")
    }
}
