import Foundation
import JSONCore

/// Cleans model output before parsing: models wrap JSON in prose or Markdown fences, and small models copy
/// the evidence's line ids (`p1.t3: …`) into values.
enum AnswerText {
    /// `value` with evidence line ids removed from its strings: `"p1.t3: ACME"` → `"ACME"`, a bare id → null.
    static func withoutLineIDs(_ value: JSONValue) -> JSONValue {
        switch value {
        case .string(let text):
            guard let range = text.range(of: #"^p\d+\.[a-z]*\d+[a-z0-9]*(: *)?"#, options: .regularExpression) else {
                return value
            }
            let rest = text[range.upperBound...].trimmingCharacters(in: .whitespaces)
            return rest.isEmpty ? .null : .string(rest)
        case .array(let items):
            return .array(items.map(withoutLineIDs))
        case .object(var object):
            for (key, child) in object { object[key] = withoutLineIDs(child) }
            return .object(object)
        default:
            return value
        }
    }

    /// The text from the first `{` or `[` to its matching closing bracket (strings and escapes respected), or
    /// the whole text when there is none.
    static func jsonPart(of text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        guard let start = scalars.firstIndex(where: { $0 == "{" || $0 == "[" }) else { return text }
        var depth = 0
        var inString = false
        var escaped = false
        for index in start..<scalars.count {
            let scalar = scalars[index]
            if inString {
                if escaped { escaped = false } else if scalar == "\\" { escaped = true } else if scalar == "\"" {
                    inString = false
                }
                continue
            }
            switch scalar {
            case "\"": inString = true
            case "{", "[": depth += 1
            case "}", "]":
                depth -= 1
                if depth == 0 {
                    var view = String.UnicodeScalarView()
                    view.append(contentsOf: scalars[start...index])
                    return String(view)
                }
            default: break
            }
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[start...])
        return String(view)
    }
}
