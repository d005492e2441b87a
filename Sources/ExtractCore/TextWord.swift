/// One word with its position, as read by one source.
public struct TextWord: Sendable, Hashable, Codable {
    /// The word's text, without surrounding white space.
    public var text: String
    /// Its box on the page, in points from the top-left corner.
    public var box: BoundingBox
    /// Font size in points, when the source knows it (the text layer does, OCR does not).
    public var fontSize: Double?
    /// Recognition confidence from 0 to 1, when the source gives one (OCR).
    public var confidence: Double?

    /// Creates a word.
    public init(text: String, box: BoundingBox, fontSize: Double? = nil, confidence: Double? = nil) {
        self.text = text
        self.box = box
        self.fontSize = fontSize
        self.confidence = confidence
    }
}
