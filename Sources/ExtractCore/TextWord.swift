/// One word with its position, as read by one source.
///
/// Kept in 64 bytes rather than 80: the two optional numbers are stored as plain doubles with NaN for "none"
/// (a document's words are most of its evidence in memory; 66,000 of them on a 200-page statement). A NaN given
/// for either is read back as nil, which is also how JSON, which has no NaN, would carry it.
public struct TextWord: Sendable, Hashable, Codable {
    /// The word's text, without surrounding white space.
    public var text: String
    /// Its box on the page, in points from the top-left corner.
    public var box: BoundingBox
    private var storedFontSize: Double
    private var storedConfidence: Double

    /// Font size in points, when the source knows it (the text layer does, OCR does not).
    public var fontSize: Double? {
        get { storedFontSize.isNaN ? nil : storedFontSize }
        set { storedFontSize = newValue ?? .nan }
    }

    /// Recognition confidence from 0 to 1, when the source gives one (OCR).
    public var confidence: Double? {
        get { storedConfidence.isNaN ? nil : storedConfidence }
        set { storedConfidence = newValue ?? .nan }
    }

    /// Creates a word.
    public init(text: String, box: BoundingBox, fontSize: Double? = nil, confidence: Double? = nil) {
        self.text = text
        self.box = box
        storedFontSize = fontSize ?? .nan
        storedConfidence = confidence ?? .nan
    }

    private enum CodingKeys: String, CodingKey {
        case text, box, fontSize, confidence
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            text: try container.decode(String.self, forKey: .text),
            box: try container.decode(BoundingBox.self, forKey: .box),
            fontSize: try container.decodeIfPresent(Double.self, forKey: .fontSize),
            confidence: try container.decodeIfPresent(Double.self, forKey: .confidence)
        )
    }

    /// The same keys, in the same order, as the synthesized encoding this replaces (cached evidence stays valid).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(text, forKey: .text)
        try container.encode(box, forKey: .box)
        try container.encodeIfPresent(fontSize, forKey: .fontSize)
        try container.encodeIfPresent(confidence, forKey: .confidence)
    }

    public static func == (left: TextWord, right: TextWord) -> Bool {
        left.text == right.text && left.box == right.box && left.fontSize == right.fontSize
            && left.confidence == right.confidence
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(text)
        hasher.combine(box)
        hasher.combine(fontSize)
        hasher.combine(confidence)
    }
}
