import JSONCore
import Provenance

/// Puts a model's answer into the form the schema asks for: dates as YYYY-MM-DD, numbers written as text
/// (`"1.234,56"`) as JSON numbers, enum values in their schema spelling. A value it cannot normalise is left
/// as it is, for the validator to judge.
struct AnswerNormalizer {
    let fields: [SchemaField]
    let normalizer: ValueNormalizer

    func normalize(_ answer: JSONValue) -> (value: JSONValue, changed: [String]) {
        var result = answer
        var changed: [String] = []
        for field in fields {
            for path in expand(field.path, in: answer) {
                guard let value = JSONPath.value(at: path, in: answer), !value.isNull else { continue }
                guard let normalized = normalizer.normalize(value, for: field), normalized != value else { continue }
                JSONPath.set(normalized, at: path, in: &result)
                changed.append("/" + path.joined(separator: "/"))
            }
        }
        return (result, changed)
    }

    /// The concrete paths a field path (with `*` for array items) stands for in `value`.
    private func expand(_ path: [String], in value: JSONValue) -> [[String]] {
        guard let star = path.firstIndex(of: "*") else { return [path] }
        let prefix = Array(path[..<star])
        guard case .array(let items)? = JSONPath.value(at: prefix, in: value) else { return [] }
        let rest = Array(path[(star + 1)...])
        return items.indices.flatMap { index in
            expand(prefix + [String(index)] + rest, in: value)
        }
    }
}
