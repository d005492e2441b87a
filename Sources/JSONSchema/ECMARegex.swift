import Foundation

/// An ECMA-262 regular expression (as JSON Schema's `pattern` and `patternProperties` use), run by
/// `NSRegularExpression` (ICU) after translating the ECMA-specific parts.
///
/// Translation, so that results match ECMA-262 with the `u` flag as closely as ICU allows:
/// - `\d`, `\w` and their negations are ASCII-only (`[0-9]`, `[A-Za-z0-9_]`), as in ECMA; ICU's are Unicode.
///   `\b`/`\B` are boundaries of that ASCII `\w` (lookarounds), not ICU's Unicode word boundaries.
/// - `\s`/`\S` use ECMA's whitespace set (tab, LF, VT, FF, CR, space, U+00A0, U+1680, U+2000–U+200A,
///   U+2028, U+2029, U+202F, U+205F, U+3000, U+FEFF).
/// - `$` outside a class matches only at the very end (ICU's `$` also matches before a final newline).
/// - `\u{…}` becomes ICU's `\x{…}`; `[` inside a class is literal; `[]` never matches, `[^]` matches anything.
/// - `\b` inside a class is a backspace; `&` inside a class is literal (ICU would read `&&` as intersection).
/// - `\v` is U+000B only (ICU's is any vertical space).
/// - Rejected as not ECMA-262: a backslash before a letter that is not an ECMA escape (`\a`, `\e`, `\A`, `\Z`,
///   `\z`, `\h`, `\Q`…), inline flags `(?i)`, comments `(?#…)` and Python's `(?P<name>…)`.
///
/// Known differences that remain: ICU works on code points, not UTF-16 code units; ICU's `.` also excludes
/// U+0085; backreferences to groups that have not participated fail in ICU but match empty in ECMA;
/// ECMA-only syntax such as `\cX` edge cases or annex-B quirks (`\8`, `{` as a literal) follows ICU rules;
/// ICU rejects lookbehind of unbounded length (`(?<=a+)b`), which ECMA 2018 allows.
/// Searching is unanchored, as JSON Schema requires.
final class ECMARegex: @unchecked Sendable {
    // NSRegularExpression is immutable after creation and documented as thread-safe for matching.
    private let expression: NSRegularExpression
    /// The pattern as written in the schema.
    let source: String
    /// Set when the whole pattern is a plain string (no metacharacters): substring search is enough.
    private let literal: String?

    /// Compiles `pattern`, throwing a readable message when it is not a valid regular expression.
    init(_ pattern: String) throws(RegexError) {
        source = pattern
        let translated: String
        do {
            translated = try ECMARegex.translate(pattern)
        } catch {
            throw error
        }
        do {
            expression = try NSRegularExpression(pattern: translated, options: [])
        } catch {
            throw RegexError(message: "invalid regular expression \"\(pattern)\": ICU rejected it (\(error))")
        }
        let metacharacters = Set("\\^$.|?*+()[]{}")
        literal = pattern.contains(where: { metacharacters.contains($0) }) ? nil : pattern
    }

    /// Whether the pattern matches somewhere in `string`.
    func matches(_ string: String) -> Bool {
        if let literal { return literal.isEmpty || string.range(of: literal, options: .literal) != nil }
        let range = NSRange(location: 0, length: string.utf16.count)
        return expression.firstMatch(in: string, options: [], range: range) != nil
    }

    /// Why a pattern was rejected.
    struct RegexError: Error {
        let message: String
    }

    /// Letters that may follow a backslash in ECMA-262 with the `u` flag.
    private static let letterEscapes = Set("dDwWsSbBfnrtvcxukpP".unicodeScalars)

    private static let whitespace = "\\t\\n\\u000B\\f\\r \\u00A0\\u1680\\u2000-\\u200A"
        + "\\u2028\\u2029\\u202F\\u205F\\u3000\\uFEFF"

    /// Rewrites ECMA-262 syntax into the ICU equivalent (see the type's documentation).
    static func translate(_ pattern: String) throws(RegexError) -> String {
        let characters = Array(pattern.unicodeScalars)
        var output = ""
        var index = 0
        var inClass = false
        func peek(_ offset: Int) -> Unicode.Scalar? {
            index + offset < characters.count ? characters[index + offset] : nil
        }
        while index < characters.count {
            let character = characters[index]
            switch character {
            case "\\":
                guard let next = peek(1) else {
                    throw RegexError(message: "invalid regular expression \"\(pattern)\": trailing backslash")
                }
                index += 2
                switch next {
                case "d": output += inClass ? "0-9" : "[0-9]"
                case "D": output += "[^0-9]"
                case "w": output += inClass ? "A-Za-z0-9_" : "[A-Za-z0-9_]"
                case "W": output += "[^A-Za-z0-9_]"
                case "s": output += inClass ? whitespace : "[" + whitespace + "]"
                case "S": output += "[^" + whitespace + "]"
                case "b" where inClass: output += "\\x08"
                case "b": output += "(?:(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])(?=[A-Za-z0-9_]))"
                case "B": output += "(?:(?<=[A-Za-z0-9_])(?=[A-Za-z0-9_])|(?<![A-Za-z0-9_])(?![A-Za-z0-9_]))"
                case "v": output += "\\x0B"
                case _ where next.isASCII && next.properties.isAlphabetic && !ECMARegex.letterEscapes.contains(next):
                    throw RegexError(
                        message: "invalid regular expression \"\(pattern)\": \\\(next) is not ECMA-262 syntax"
                    )
                case "u" where peek(0) == "{":
                    output += "\\x{"
                    index += 1
                default:
                    output.unicodeScalars.append("\\")
                    output.unicodeScalars.append(next)
                }
                continue
            case "[" where !inClass:
                if peek(1) == "]" {
                    output += "(?!)"
                    index += 2
                    continue
                }
                if peek(1) == "^", peek(2) == "]" {
                    output += "[\\s\\S]"
                    index += 3
                    continue
                }
                inClass = true
                output += "["
                if peek(1) == "^" {
                    output += "^"
                    index += 1
                }
            case "[" where inClass: output += "\\["
            case "&" where inClass: output += "\\&"
            case "]" where inClass:
                inClass = false
                output += "]"
            case "$" where !inClass: output += "\\z"
            case "(" where !inClass && peek(1) == "?":
                // ECMA-262 groups: (?:…), (?=…), (?!…), (?<=…), (?<!…), (?<name>…).
                // Inline flags such as (?i) and comments (?#…) are other dialects.
                let third = peek(2)
                let fourth = peek(3)
                let valid = third == ":" || third == "=" || third == "!"
                    || (third == "<" && (fourth == "=" || fourth == "!"
                        || fourth.map { $0 == "_" || $0 == "$" || $0.properties.isAlphabetic } == true))
                guard valid else {
                    throw RegexError(
                        message: "invalid regular expression \"\(pattern)\": \"(?\(third.map(String.init) ?? "")\" "
                            + "is not an ECMA-262 group"
                    )
                }
                output += "(?"
                index += 2
                continue
            default:
                output.unicodeScalars.append(character)
            }
            index += 1
        }
        return output
    }
}
