extension JSONValue {
    /// Every scalar or null inside the value, with its JSON Pointer, in document order
    /// (`{"a": [1, {"b": null}]}` → `/a/0` 1, `/a/1/b` null). A scalar at the top has the pointer `""`.
    public func leaves() -> [(pointer: String, value: JSONValue)] {
        var result: [(pointer: String, value: JSONValue)] = []
        collectLeaves(prefix: "", into: &result)
        return result
    }

    private func collectLeaves(prefix: String, into result: inout [(pointer: String, value: JSONValue)]) {
        switch self {
        case .object(let object):
            for (key, child) in object {
                let escaped = key.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
                child.collectLeaves(prefix: prefix + "/" + escaped, into: &result)
            }
        case .array(let items):
            for (index, item) in items.enumerated() { item.collectLeaves(prefix: prefix + "/\(index)", into: &result) }
        default:
            result.append((prefix, self))
        }
    }
}
