import JSONCore

/// Reads keyword values of one schema object, checking their shape, and compiles the validation vocabulary.
///
/// Schemas are checked against the meta-schema before compiling, so the shape errors thrown here only show up
/// when that check is skipped; they still say what is wrong instead of trapping.
struct KeywordBuilder {
    let object: JSONObject
    /// Absolute location of the schema object, for messages.
    let location: String

    private func invalid(_ keyword: String, _ expectation: String) -> SchemaError {
        let got = object[keyword].map { $0.typeName } ?? "nothing"
        return SchemaError(
            kind: .invalidKeyword,
            message: "\"\(keyword)\" at \(location) must be \(expectation), got \(got)"
        )
    }

    func nonNegativeInteger(_ keyword: String, _ value: JSONValue) throws(SchemaError) -> Int {
        guard case .number(let number) = value, number.isInteger, number.signum >= 0 else {
            throw invalid(keyword, "a non-negative integer")
        }
        return number.intValue ?? Int.max
    }

    func number(_ keyword: String, _ value: JSONValue) throws(SchemaError) -> JSONNumber {
        guard case .number(let number) = value else { throw invalid(keyword, "a number") }
        return number
    }

    func schemaArrayCount(_ keyword: String, _ value: JSONValue) throws(SchemaError) -> Int {
        guard case .array(let elements) = value, !elements.isEmpty else {
            throw invalid(keyword, "a non-empty array of schemas")
        }
        return elements.count
    }

    func schemaMapKeys(_ keyword: String, _ value: JSONValue) throws(SchemaError) -> [String] {
        guard case .object(let members) = value else { throw invalid(keyword, "an object whose values are schemas") }
        return members.keys
    }

    func stringArray(_ keyword: String, _ value: JSONValue) throws(SchemaError) -> [String] {
        guard case .array(let elements) = value else { throw invalid(keyword, "an array of strings") }
        var result: [String] = []
        for element in elements {
            guard case .string(let text) = element else { throw invalid(keyword, "an array of strings") }
            result.append(text)
        }
        return result
    }

    func regex(_ pattern: String, keyword: String) throws(SchemaError) -> ECMARegex {
        do {
            return try ECMARegex(pattern)
        } catch {
            throw SchemaError(
                kind: .invalidRegex,
                message: "\"\(keyword)\" at \(location): \(error.message); write an ECMA-262 regular expression"
            )
        }
    }

    /// Appends the validation-vocabulary keywords present in the object.
    // swiftlint:disable:next cyclomatic_complexity function_body_length
    func addValidationKeywords(to keywords: inout [CompiledKeyword]) throws(SchemaError) {
        func add(_ name: String, _ keyword: Keyword) {
            keywords.append(CompiledKeyword(name: name, keyword: keyword))
        }
        if let value = object["type"] {
            var types: TypeSet = []
            switch value {
            case .string(let name):
                guard let type = TypeSet(name: name) else { throw invalid("type", "a JSON Schema type name") }
                types = type
            case .array(let names):
                for element in names {
                    guard case .string(let name) = element, let type = TypeSet(name: name) else {
                        throw invalid("type", "an array of JSON Schema type names")
                    }
                    types.insert(type)
                }
            default:
                throw invalid("type", "a type name or an array of type names")
            }
            add("type", .type(types))
        }
        if let value = object["enum"] {
            guard case .array(let values) = value else { throw invalid("enum", "an array") }
            add("enum", .enumeration(values))
        }
        if let value = object["const"] { add("const", .constant(value)) }
        if let value = object["multipleOf"] {
            let divisor = try number("multipleOf", value)
            guard divisor.signum > 0 else { throw invalid("multipleOf", "a number greater than 0") }
            add("multipleOf", .multipleOf(divisor))
        }
        if let value = object["maximum"] { add("maximum", .maximum(try number("maximum", value))) }
        if let value = object["exclusiveMaximum"] {
            add("exclusiveMaximum", .exclusiveMaximum(try number("exclusiveMaximum", value)))
        }
        if let value = object["minimum"] { add("minimum", .minimum(try number("minimum", value))) }
        if let value = object["exclusiveMinimum"] {
            add("exclusiveMinimum", .exclusiveMinimum(try number("exclusiveMinimum", value)))
        }
        if let value = object["maxLength"] { add("maxLength", .maxLength(try nonNegativeInteger("maxLength", value))) }
        if let value = object["minLength"] { add("minLength", .minLength(try nonNegativeInteger("minLength", value))) }
        if let value = object["pattern"] {
            guard case .string(let pattern) = value else { throw invalid("pattern", "a string") }
            add("pattern", .pattern(try regex(pattern, keyword: "pattern")))
        }
        if let value = object["maxItems"] { add("maxItems", .maxItems(try nonNegativeInteger("maxItems", value))) }
        if let value = object["minItems"] { add("minItems", .minItems(try nonNegativeInteger("minItems", value))) }
        if let value = object["uniqueItems"] {
            guard case .bool(let unique) = value else { throw invalid("uniqueItems", "a boolean") }
            if unique { add("uniqueItems", .uniqueItems) }
        }
        if let value = object["maxProperties"] {
            add("maxProperties", .maxProperties(try nonNegativeInteger("maxProperties", value)))
        }
        if let value = object["minProperties"] {
            add("minProperties", .minProperties(try nonNegativeInteger("minProperties", value)))
        }
        if let value = object["required"] { add("required", .required(try stringArray("required", value))) }
        if let value = object["dependentRequired"] {
            guard case .object(let members) = value else {
                throw invalid("dependentRequired", "an object whose values are arrays of strings")
            }
            var entries: [(name: String, required: [String])] = []
            for (name, names) in members { entries.append((name, try stringArray("dependentRequired", names))) }
            add("dependentRequired", .dependentRequired(entries))
        }
    }
}
