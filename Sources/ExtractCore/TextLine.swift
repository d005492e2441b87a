/// A line of words in reading order.
public struct TextLine: Sendable, Hashable, Codable {
    /// Words from left to right.
    public var words: [TextWord]
    /// The box enclosing the words.
    public var box: BoundingBox

    /// Creates a line; its box is the union of its words' boxes unless given.
    public init(words: [TextWord], box: BoundingBox? = nil) {
        self.words = words
        self.box = box ?? BoundingBox.enclosing(words.map(\.box)) ?? BoundingBox(x: 0, y: 0, width: 0, height: 0)
    }

    /// The words joined by single spaces.
    public var text: String { words.map(\.text).joined(separator: " ") }

    /// Mean word confidence, when the words carry confidences.
    public var meanConfidence: Double? {
        let values = words.compactMap(\.confidence)
        return values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
    }
}
