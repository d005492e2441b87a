import JSONCore

/// Walks a JSON Schema into its leaf fields.
public enum SchemaFields {
    /// The leaf fields of `schema` in document order.
    ///
    /// Handles `properties`, `required`, `type` arrays with `null`, `$ref` to local `#/$defs/…` and
    /// `#/definitions/…` (cycles are cut), `items` of arrays (objects inside arrays are walked; arrays of
    /// scalars give one leaf at `/…/*`), and `allOf` / `anyOf` / `oneOf` branches (object branches are
    /// merged; for a scalar the first non-null branch describes the type and a `null` branch makes it
    /// nullable). Nested objects are not leaves themselves.
    public static func leaves(of schema: JSONValue) -> [SchemaField] {
        var walker = Walker(root: schema)
        walker.walk(schema, path: [], required: true, inArray: false, depth: 0)
        return walker.fields
    }

    /// The leaves that are direct scalar properties of the root object (not nested, not in arrays).
    public static func topLevelScalars(of schema: JSONValue) -> [SchemaField] {
        leaves(of: schema).filter { $0.path.count == 1 }
    }

    private struct Walker {
        let root: JSONValue
        var fields: [SchemaField] = []
        var activeRefs: Set<String> = []

        init(root: JSONValue) {
            self.root = root
        }

        mutating func walk(_ raw: JSONValue, path: [String], required: Bool, inArray: Bool, depth: Int) {
            guard depth < 64 else { return }
            let (schema, ref) = resolve(raw)
            if let ref {
                guard !activeRefs.contains(ref) else { return }
                activeRefs.insert(ref)
            }
            defer { if let ref { activeRefs.remove(ref) } }
            let merged = mergeBranches(schema)
            let types = typeNames(merged)
            if types.contains("object") || merged["properties"] != nil {
                let requiredNames = Set((merged["required"]?.arrayValue ?? []).compactMap(\.stringValue))
                for (key, child) in merged["properties"]?.objectValue ?? JSONObject() {
                    walk(child, path: path + [key], required: requiredNames.contains(key), inArray: inArray,
                         depth: depth + 1)
                }
                return
            }
            if types.contains("array") || merged["items"] != nil {
                if let items = merged["items"], items.objectValue != nil {
                    walk(items, path: path + ["*"], required: true, inArray: true, depth: depth + 1)
                }
                return
            }
            guard !path.isEmpty else { return }
            fields.append(leaf(merged, path: path, required: required, inArray: inArray))
        }

        func leaf(_ schema: JSONValue, path: [String], required: Bool, inArray: Bool) -> SchemaField {
            var types = typeNames(schema)
            var nullable = types.contains("null")
            types.removeAll { $0 == "null" }
            var enumValues: [JSONValue]?
            if let values = schema["enum"]?.arrayValue {
                nullable = nullable || values.contains(.null)
                enumValues = values.filter { !$0.isNull }
            } else if let constant = schema["const"] {
                enumValues = constant.isNull ? [] : [constant]
                nullable = nullable || constant.isNull
            }
            if types.isEmpty, let first = enumValues?.first {
                types = [first.typeName == "integer" ? "number" : first.typeName]
            }
            return SchemaField(
                path: path,
                description: schema["description"]?.stringValue,
                title: schema["title"]?.stringValue,
                types: types,
                isNullable: nullable,
                format: schema["format"]?.stringValue,
                enumValues: enumValues,
                pattern: schema["pattern"]?.stringValue,
                isRequired: required,
                isInArray: inArray,
                schema: schema
            )
        }

        /// Follows a local `$ref` (one level; the walk recurses for chains).
        func resolve(_ schema: JSONValue) -> (JSONValue, String?) {
            guard let ref = schema["$ref"]?.stringValue, ref.hasPrefix("#") else { return (schema, nil) }
            var target = root
            let pointer = ref.dropFirst()
            for component in pointer.split(separator: "/", omittingEmptySubsequences: true) {
                let key = String(component).replacingOccurrences(of: "~1", with: "/")
                    .replacingOccurrences(of: "~0", with: "~")
                    .removingPercentEncodingIfPossible
                if let next = target[key] {
                    target = next
                } else if let index = Int(key), let next = target[index] {
                    target = next
                } else {
                    return (schema, nil)
                }
            }
            // Sibling keywords next to `$ref` (2020-12) are kept: description, type, format …
            guard case .object(var merged) = target, case .object(let siblings) = schema else { return (target, ref) }
            for (key, value) in siblings where key != "$ref" { merged[key] = value }
            return (.object(merged), ref)
        }

        /// Folds `allOf` / `anyOf` / `oneOf` into one schema as far as leaf discovery needs.
        func mergeBranches(_ schema: JSONValue) -> JSONValue {
            guard case .object(var object) = schema else { return schema }
            var sawNull = false
            for keyword in ["allOf", "anyOf", "oneOf"] {
                guard let branches = object[keyword]?.arrayValue else { continue }
                var mergedOne = false
                for rawBranch in branches {
                    let branch = mergeBranches(resolve(rawBranch).0)
                    if typeNames(branch) == ["null"] {
                        sawNull = true
                        continue
                    }
                    guard case .object(let branchObject) = branch, keyword == "allOf" || !mergedOne else { continue }
                    mergedOne = true
                    for (key, value) in branchObject {
                        if key == "properties", case .object(var mine) = object[key] ?? .object(JSONObject()),
                            case .object(let theirs) = value {
                            for (name, child) in theirs where mine[name] == nil { mine[name] = child }
                            object[key] = .object(mine)
                        } else if key == "required", let mine = object[key]?.arrayValue,
                            let theirs = value.arrayValue {
                            object[key] = .array(mine + theirs)
                        } else if object[key] == nil {
                            object[key] = value
                        }
                    }
                }
            }
            if sawNull {
                var types = typeNames(.object(object))
                if !types.contains("null") { types.append("null") }
                object["type"] = .array(types.map { .string($0) })
            }
            return .object(object)
        }

        func typeNames(_ schema: JSONValue) -> [String] {
            if let single = schema["type"]?.stringValue { return [single] }
            if let many = schema["type"]?.arrayValue { return many.compactMap(\.stringValue) }
            return []
        }
    }
}

extension String {
    /// The string with `%XX` escapes decoded, or itself when it has none or they are invalid.
    fileprivate var removingPercentEncodingIfPossible: String {
        guard contains("%") else { return self }
        var bytes: [UInt8] = []
        var iterator = Array(utf8)[...]
        while let byte = iterator.popFirst() {
            if byte == UInt8(ascii: "%"), iterator.count >= 2,
                let value = UInt8(String(decoding: iterator.prefix(2), as: UTF8.self), radix: 16) {
                bytes.append(value)
                iterator = iterator.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
