import JSONCore

/// Merges answers from several parts of a long document: objects key by key, arrays concatenated without
/// repeated items, and for scalars the first non-null value (a later part fills what an earlier one lacked).
enum AnswerMerger {
    static func merge(_ first: JSONValue, _ second: JSONValue) -> JSONValue {
        switch (first, second) {
        case (.object(let a), .object(let b)):
            var merged = a
            for (key, value) in b {
                merged[key] = a[key].map { merge($0, value) } ?? value
            }
            return .object(merged)
        case (.array(let a), .array(let b)):
            var items = a
            for item in b where !items.contains(item) { items.append(item) }
            return .array(items)
        case (.null, _):
            return second
        default:
            return first
        }
    }
}
