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

    /// Whether the ground truth marks the value as printed in the document, from the corpus annotations
    /// (`../shared/corpus/README.md`): `x-in-document` when present (`true`, or a note such as `"image-only
    /// (needs OCR)"`; `false` and `"inferable …"` are not printed); otherwise `x-source` `document` or no
    /// `x-source` at all. Template labels (`x-source: template-label`, e.g. invoice2data's issuer names),
    /// template constants and metadata without `x-in-document` are not marked printed.
    public var isMarkedPrinted: Bool {
        if let flag = schema["x-in-document"] {
            if let printed = flag.boolValue { return printed }
            if let note = flag.stringValue?.lowercased() {
                return !note.hasPrefix("inferable") && !note.hasPrefix("no")
            }
        }
        guard let source = schema["x-source"]?.stringValue else { return true }
        return source == "document"
    }

    /// The JSON Pointer of the unit, e.g. `/seller/name` or, for a row's field, `/lines/*/name`.
    public func pointer(under parent: [String] = []) -> String {
        "/" + (parent + path).map {
            $0.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
        }.joined(separator: "/")
    }
}
