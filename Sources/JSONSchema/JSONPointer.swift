import Foundation
import JSONCore

/// JSON Pointer (RFC 6901) helpers: escaping tokens, parsing pointer text and URI fragments, lookup.
enum JSONPointer {
    /// Escapes one reference token (`~` → `~0`, `/` → `~1`).
    static func escape(_ token: String) -> String {
        guard token.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) else { return token }
        return token.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }

    /// Joins tokens into pointer text (`""` for the root).
    static func join(_ tokens: [String]) -> String {
        tokens.map { "/" + escape($0) }.joined()
    }

    /// Splits pointer text into unescaped tokens, or `nil` when it is not a valid pointer.
    static func tokens(_ pointer: String) -> [String]? {
        if pointer.isEmpty { return [] }
        guard pointer.hasPrefix("/") else { return nil }
        var result: [String] = []
        for raw in pointer.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
            var token = ""
            var iterator = raw.makeIterator()
            while let character = iterator.next() {
                if character == "~" {
                    switch iterator.next() {
                    case "0": token.append("~")
                    case "1": token.append("/")
                    default: return nil
                    }
                } else {
                    token.append(character)
                }
            }
            result.append(token)
        }
        return result
    }

    /// Tokens of a URI fragment holding a pointer (percent-decoded first), or `nil`.
    static func tokens(fragment: String) -> [String]? {
        let decoded = fragment.removingPercentEncoding ?? fragment
        return tokens(decoded)
    }

    /// The value at `tokens` inside `value`, or `nil`.
    static func resolve(_ tokens: [String], in value: JSONValue) -> JSONValue? {
        var current = value
        for token in tokens {
            switch current {
            case .object(let object):
                guard let next = object[token] else { return nil }
                current = next
            case .array(let array):
                guard let index = Int(token), index >= 0, index < array.count,
                      token == "0" || !token.hasPrefix("0") else { return nil }
                current = array[index]
            default:
                return nil
            }
        }
        return current
    }
}
