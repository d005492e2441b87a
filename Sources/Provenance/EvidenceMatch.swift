import ExtractCore

/// Where a value is printed in the evidence.
public struct EvidenceMatch: Sendable, Hashable {
    /// How the printed text relates to the value.
    public enum Kind: String, Sendable, Hashable, Codable, Comparable {
        /// The value's words are printed as they are (case and surrounding punctuation aside).
        case exact
        /// The value is printed another way: a number or date in another format, or an identifier with
        /// other spacing or separators (`NL47 NVIB 0417 1643 00`).
        case normalized
        /// Printed text is similar enough (normalised Levenshtein similarity at or above the threshold).
        case fuzzy

        private var rank: Int {
            switch self {
            case .exact: 0
            case .normalized: 1
            case .fuzzy: 2
            }
        }

        /// `exact` < `normalized` < `fuzzy` (better first).
        public static func < (lhs: Kind, rhs: Kind) -> Bool { lhs.rank < rhs.rank }
    }

    /// 1-based page number.
    public var page: Int
    /// Union of the matched words' boxes, in PDF points from the top-left corner.
    public var box: BoundingBox
    /// `textLayer`, `ocr`, or `both` when the text layer and OCR print the value at the same place.
    public var source: TextSource
    /// How the text matched.
    public var kind: Kind
    /// Match quality 0…1: 1 for exact, 0.95 for normalised, the similarity for fuzzy.
    public var quality: Double
    /// The printed text that matched (text-layer words when both sources matched).
    public var text: String
    /// Mean OCR confidence of the matched OCR words, when OCR matched.
    public var ocrConfidence: Double?
    /// Whether the page has both a text layer and OCR (so agreement could be checked).
    public var pageHasBothSources: Bool

    /// Creates a match.
    public init(
        page: Int,
        box: BoundingBox,
        source: TextSource,
        kind: Kind,
        quality: Double,
        text: String,
        ocrConfidence: Double? = nil,
        pageHasBothSources: Bool = false
    ) {
        self.page = page
        self.box = box
        self.source = source
        self.kind = kind
        self.quality = quality
        self.text = text
        self.ocrConfidence = ocrConfidence
        self.pageHasBothSources = pageHasBothSources
    }
}
