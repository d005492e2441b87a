import Foundation
import JSONCore
import Provenance

/// Compares one predicted scalar with the expected one under a ``CompareRule``.
///
/// Both sides go through the same normalisation, so the ground truth's own formatting (`"0.01"` as a
/// string, `18-11-18` as a date, `Nike_Inc.` in Kleister's form) never counts against a prediction.
public struct ValueComparer: Sendable {
    private let normalizer: ValueNormalizer

    /// Creates a comparer; numeric dates are read day-first, as in the corpora (DE, FR, NL, MY).
    public init(normalizer: ValueNormalizer = ValueNormalizer(dateOrder: .dayFirst)) {
        self.normalizer = normalizer
    }

    /// Whether `predicted` counts as `expected` under `rule`. `null` on either side never matches a value;
    /// ``CompareRule/ignore`` always matches. Structural rules (`line-items`, `set`, `fields`) compare the
    /// values exactly here; ``DocumentScorer`` scores them element by element.
    public func matches(_ predicted: JSONValue, _ expected: JSONValue, rule: CompareRule) -> Bool {
        if case .ignore = rule { return true }
        if predicted.isNull || expected.isNull { return predicted.isNull && expected.isNull }
        switch rule {
        case .numeric(let tolerance):
            guard let left = number(predicted), let right = number(expected) else { return false }
            return abs(left - right) <= tolerance + 1e-9
        case .date:
            guard let left = date(predicted), let right = date(expected) else { return false }
            return left == right
        case .identifier:
            return Self.identifier(text(predicted)) == Self.identifier(text(expected))
        case .digits:
            let left = text(predicted).filter(\.isNumber)
            return !left.isEmpty && left == text(expected).filter(\.isNumber)
        case .exactCaseInsensitive:
            return Self.caseFolded(text(predicted)) == Self.caseFolded(text(expected))
        case .fuzzy(let threshold):
            return similarity(predicted, expected) >= threshold
        case .kleister:
            return Self.kleister(text(predicted)) == Self.kleister(text(expected))
        case .exact, .lineItems, .set, .fields, .ignore:
            if let left = predicted.stringValue, let right = expected.stringValue {
                return normalizer.collapse(left) == normalizer.collapse(right)
            }
            return predicted == expected
        }
    }

    /// Normalised Levenshtein similarity of the two values' folded texts (NFKC, case-folded, white space
    /// collapsed, no space before punctuation), 0…1.
    public func similarity(_ predicted: JSONValue, _ expected: JSONValue) -> Double {
        EvidenceLocator.similarity(Self.folded(text(predicted)), Self.folded(text(expected)))
    }

    /// The value as a number: JSON numbers as they are, strings read in any locale format.
    public func number(_ value: JSONValue) -> Double? {
        if let number = value.numberValue { return number.doubleValue }
        guard let text = value.stringValue else { return nil }
        return normalizer.number(text)?.doubleValue
    }

    /// The value as `YYYY-MM-DD`, or nil when it is not a date.
    public func date(_ value: JSONValue) -> String? {
        value.stringValue.flatMap { normalizer.date($0) }
    }

    /// The value as text: strings as they are, numbers in JSON form, anything else serialised.
    func text(_ value: JSONValue) -> String {
        switch value {
        case .string(let text): text
        case .number(let number): number.description
        case .bool(let flag): flag ? "true" : "false"
        default: value.serialized()
        }
    }

    /// Without white space, `.` and `-`, a leading `#`, lower-cased.
    static func identifier(_ text: String) -> String {
        var body = text.trimmingCharacters(in: .whitespacesAndNewlines)
        while body.hasPrefix("#") { body.removeFirst() }
        return String(body.filter { !$0.isWhitespace && $0 != "." && $0 != "-" }).lowercased()
    }

    /// Lower-cased and trimmed; a web address also loses its scheme, `www.` and a trailing `/`.
    static func caseFolded(_ text: String) -> String {
        var body = text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        for scheme in ["https://", "http://"] where body.hasPrefix(scheme) { body.removeFirst(scheme.count) }
        if body.hasPrefix("www.") { body.removeFirst(4) }
        while body.hasSuffix("/") { body.removeLast() }
        return body
    }

    /// NFKC, case-folded, white space collapsed, no white space before `,`, `.`, `;`, `:`.
    static func folded(_ text: String) -> String {
        var body = EvidenceLocator.fold(text)
        for mark in [",", ".", ";", ":"] { body = body.replacingOccurrences(of: " " + mark, with: mark) }
        return body
    }

    /// Kleister's form: trimmed, white space and `:` replaced by `_`, upper-case.
    static func kleister(_ text: String) -> String {
        let collapsed = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return collapsed.replacingOccurrences(of: " ", with: "_").replacingOccurrences(of: ":", with: "_")
            .uppercased()
    }
}
