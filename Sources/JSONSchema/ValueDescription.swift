import JSONCore

extension JSONValue {
    /// A short rendering for messages: `string "12,50"`, `integer 5`, `array of 3 items`, `object`.
    var shortDescription: String {
        switch self {
        case .null: return "null"
        case .bool(let flag): return "boolean \(flag)"
        case .number(let number): return "\(number.isInteger ? "integer" : "number") \(number)"
        case .string: return "string \(compactText)"
        case .array(let elements): return "array of \(elements.count) item\(elements.count == 1 ? "" : "s")"
        case .object(let object): return "object with \(object.count) propert\(object.count == 1 ? "y" : "ies")"
        }
    }

    /// JSON text cut to about 60 characters.
    var compactText: String {
        let text = serialized()
        guard text.count > 60 else { return text }
        return String(text.prefix(57)) + "…"
    }
}
