import JSONCore

/// The units a schema's `x-compare` annotations describe, found by walking its properties.
///
/// - an object (`type: object`, or `x-compare` method `fields`) is walked property by property;
/// - `line-items` and `set` arrays are one unit each, with the rules of their elements' properties;
/// - an array without annotation is `line-items` when its items are objects and `set` otherwise;
/// - `ignore` drops the property; any other property is a scalar unit (exact when it has no rule).
///
/// Local `$ref`s (`#/$defs/…`) are followed, keeping sibling keywords; cycles are cut.
public struct ScoringPlan: Sendable {
    /// The units in schema order.
    public let fields: [ScoredField]

    /// Walks `schema`.
    ///
    /// - Throws: ``EvaluationError`` for an unknown `x-compare` method.
    public init(schema: JSONValue) throws(EvaluationError) {
        var walker = Walker(root: schema)
        fields = try walker.properties(of: schema, path: [], depth: 0)
    }

    private struct Walker {
        let root: JSONValue
        var activeRefs: Set<String> = []

        mutating func properties(of raw: JSONValue, path: [String], depth: Int) throws(EvaluationError)
            -> [ScoredField]
        {
            let schema = resolve(raw)
            var units: [ScoredField] = []
            for (key, child) in schema["properties"]?.objectValue ?? JSONObject() {
                units += try unit(child, path: path + [key], depth: depth + 1)
            }
            return units
        }

        mutating func unit(_ raw: JSONValue, path: [String], depth: Int) throws(EvaluationError) -> [ScoredField] {
            guard depth < 32 else { return [] }
            let ref = raw["$ref"]?.stringValue
            if let ref {
                guard !activeRefs.contains(ref) else { return [] }
                activeRefs.insert(ref)
            }
            defer { if let ref { activeRefs.remove(ref) } }
            let schema = resolve(raw)
            let annotation = schema["x-compare"]
            let rule = try CompareRule(annotation: annotation)
            let types = typeNames(schema)
            let isObject = types.contains("object") || schema["properties"] != nil
            let isArray = types.contains("array") || schema["items"] != nil
            switch rule {
            case .ignore:
                return []
            case .fields:
                return try properties(of: schema, path: path, depth: depth)
            case .exact where annotation == nil && isObject:
                return try properties(of: schema, path: path, depth: depth)
            case .lineItems where true, .set where true, .exact where isArray && annotation == nil:
                let items = resolve(schema["items"] ?? [:])
                let itemsAreObjects = typeNames(items).contains("object") || items["properties"] != nil
                let elementFields = itemsAreObjects ? try properties(of: items, path: [], depth: depth) : []
                var arrayRule = rule
                if annotation == nil { arrayRule = itemsAreObjects ? .lineItems : .set }
                let elementRule: CompareRule = annotation?["method"]?.stringValue == "kleister-multilabel"
                    ? .kleister : try CompareRule(annotation: items["x-compare"])
                return [ScoredField(
                    path: path, rule: arrayRule, schema: schema, elementFields: elementFields,
                    elementRule: elementRule
                )]
            default:
                return [ScoredField(path: path, rule: rule, schema: schema)]
            }
        }

        /// Follows local `$ref` chains; sibling keywords next to a `$ref` win over the target's.
        func resolve(_ schema: JSONValue) -> JSONValue {
            var current = schema
            var seen: Set<String> = []
            while let ref = current["$ref"]?.stringValue, ref.hasPrefix("#"), !seen.contains(ref) {
                seen.insert(ref)
                var target = root
                for component in ref.dropFirst().split(separator: "/") {
                    let key = component.replacingOccurrences(of: "~1", with: "/")
                        .replacingOccurrences(of: "~0", with: "~")
                    guard let next = target[key] else { return current }
                    target = next
                }
                guard case .object(var merged) = target, case .object(let siblings) = current else {
                    return target
                }
                for (key, value) in siblings where key != "$ref" { merged[key] = value }
                current = .object(merged)
            }
            return current
        }

        func typeNames(_ schema: JSONValue) -> [String] {
            if let single = schema["type"]?.stringValue { return [single] }
            return schema["type"]?.arrayValue?.compactMap(\.stringValue) ?? []
        }
    }
}
