import JSONCore

/// Reading and writing values at key paths inside JSON objects and arrays.
enum JSONPath {
    /// The value at `path` (keys; decimal strings index arrays), or nil when absent.
    static func value(at path: [String], in root: JSONValue) -> JSONValue? {
        var current = root
        for key in path {
            switch current {
            case .object(let object):
                guard let next = object[key] else { return nil }
                current = next
            case .array(let items):
                guard let index = Int(key), items.indices.contains(index) else { return nil }
                current = items[index]
            default:
                return nil
            }
        }
        return current
    }

    /// Sets `value` at `path`, creating objects on the way.
    static func set(_ value: JSONValue, at path: [String], in root: inout JSONValue) {
        guard let key = path.first else {
            root = value
            return
        }
        let rest = Array(path.dropFirst())
        switch root {
        case .array(var items):
            if let index = Int(key), items.indices.contains(index) {
                set(value, at: rest, in: &items[index])
                root = .array(items)
            }
        case .object(var object):
            var child = object[key] ?? .object(JSONObject())
            set(value, at: rest, in: &child)
            object[key] = child
            root = .object(object)
        default:
            var object = JSONObject()
            var child = JSONValue.object(JSONObject())
            set(value, at: rest, in: &child)
            object[key] = child
            root = .object(object)
        }
    }

    /// Splits a JSON Pointer into unescaped keys.
    static func keys(of pointer: String) -> [String] {
        guard pointer.hasPrefix("/") else { return [] }
        return pointer.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map {
            $0.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
        }
    }
}
