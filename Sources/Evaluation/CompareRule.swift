import JSONCore

/// How a scorer compares a predicted value with the expected one: the `x-compare` annotation of a schema
/// property (see `../shared/corpus/README.md`). A property without an annotation is compared exactly.
public enum CompareRule: Sendable, Hashable {
    /// Both sides read as numbers (locale formats, currency stripped); equal within `absoluteTolerance`.
    case numeric(absoluteTolerance: Double)
    /// Both sides normalised to `YYYY-MM-DD` (numeric dates day-first), then exact.
    case date
    /// Whitespace, `.`, `-` and a leading `#` dropped; case-insensitive exact.
    case identifier
    /// The digit strings are equal.
    case digits
    /// Case-insensitive exact; web addresses without scheme, `www.` and a trailing `/`.
    case exactCaseInsensitive
    /// NFKC, white space collapsed, case-folded; normalised Levenshtein similarity at least `threshold`.
    case fuzzy(threshold: Double)
    /// Kleister's normal form: spaces and `:` become `_`, upper-case, exact.
    case kleister
    /// Exactly equal JSON (numbers by value); also the rule of a property without `x-compare`.
    case exact
    /// An array of rows matched one-to-one; every row field with its own rule; row precision and recall.
    case lineItems
    /// An array scored as a multiset: F1 of one-to-one matches under the element rule.
    case set
    /// Not scored.
    case ignore
    /// An object whose properties are scored one by one with their own rules (`fields`).
    case fields

    /// The rule an `x-compare` annotation names, or ``exact`` when there is none.
    ///
    /// `kleister-multilabel` is a ``set`` whose elements compare by ``kleister``; an unknown method is
    /// an error, so a typo never silently scores as exact.
    public init(annotation: JSONValue?) throws(EvaluationError) {
        guard let annotation else {
            self = .exact
            return
        }
        guard let method = annotation["method"]?.stringValue else {
            throw EvaluationError("x-compare has no \"method\": \(annotation.serialized())")
        }
        switch method {
        case "numeric": self = .numeric(absoluteTolerance: annotation["abs_tol"]?.doubleValue ?? 0)
        case "date": self = .date
        case "identifier": self = .identifier
        case "digits": self = .digits
        case "exact-ci": self = .exactCaseInsensitive
        case "fuzzy": self = .fuzzy(threshold: annotation["threshold"]?.doubleValue ?? 0.85)
        case "kleister": self = .kleister
        case "exact": self = .exact
        case "line-items": self = .lineItems
        case "set", "kleister-multilabel": self = .set
        case "ignore": self = .ignore
        case "fields": self = .fields
        default: throw EvaluationError("unknown x-compare method \"\(method)\"")
        }
    }

    /// The name used in reports, e.g. `numeric(0.01)` or `fuzzy(0.85)`.
    public var name: String {
        switch self {
        case .numeric(let tolerance): "numeric(\(tolerance))"
        case .date: "date"
        case .identifier: "identifier"
        case .digits: "digits"
        case .exactCaseInsensitive: "exact-ci"
        case .fuzzy(let threshold): "fuzzy(\(threshold))"
        case .kleister: "kleister"
        case .exact: "exact"
        case .lineItems: "line-items"
        case .set: "set"
        case .ignore: "ignore"
        case .fields: "fields"
        }
    }
}
