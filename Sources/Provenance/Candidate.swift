import ExtractCore
import JSONCore

/// A value for a schema field found deterministically in the evidence, with where it came from.
public struct Candidate: Sendable, Hashable {
    /// How the candidate was found.
    public enum Method: String, Sendable, Hashable, Codable {
        /// The value follows a label on the same row (`Invoice number: INV-1`).
        case labelRight = "label_right"
        /// The value sits just below a label (a column header, `Bill to` above a name).
        case labelBelow = "label_below"
        /// Found by scanning the whole document for the field's type (all dates, IBANs, currency codes …).
        case typeScan = "type_scan"
        /// Derived from the layout around another value (an address below a company name).
        case layout
        /// A part of a postal line (`DE 80333 München`: country, postcode, city) or the street just above one,
        /// in the block of the party the field describes.
        case postalLine = "postal_line"
        /// Read from a contract clause that names it (`governed by the laws of the State of Delaware`).
        case clause
    }

    /// The value, already normalised for the field (ISO date, exact number, enum member …).
    public var value: JSONValue
    /// The text as printed.
    public var text: String
    /// 1-based page number.
    public var page: Int
    /// Union of the printed words' boxes.
    public var box: BoundingBox
    /// `textLayer`, `ocr`, or `both` when both sources produced this value.
    public var source: TextSource
    /// Ranking score 0…1 (higher is better); comparable between candidates of one field only.
    public var score: Double
    /// How it was found.
    public var method: Method
    /// The label that led to it, when there was one (as printed).
    public var label: String?
    /// Whether the label printed with it names another party than the field's (`Käufer-IBAN :` before an IBAN
    /// asked for the payee's account): a value of the field's type, but the other party's, which an optional
    /// field does not take.
    public var isOtherPartys: Bool = false

    /// Whether a printed label of the field led to the value (to its right or just below it), not a scan for
    /// the field's type or the layout alone.
    public var foundByLabel: Bool { method == .labelRight || method == .labelBelow }

    /// Whether the printed form shows the value is the field's own, not only of its type: found by a label, a
    /// part of the postal line in its party's block (``Method/postalLine``), or read from its clause.
    public var showsItsField: Bool { foundByLabel || method == .postalLine || method == .clause }

    /// Creates a candidate.
    public init(
        value: JSONValue,
        text: String,
        page: Int,
        box: BoundingBox,
        source: TextSource,
        score: Double,
        method: Method,
        label: String? = nil
    ) {
        self.value = value
        self.text = text
        self.page = page
        self.box = box
        self.source = source
        self.score = score
        self.method = method
        self.label = label
    }
}
