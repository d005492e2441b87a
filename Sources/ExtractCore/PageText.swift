/// Everything one source read on one page: lines of words and, when the source segments the page, blocks.
public struct PageText: Sendable, Hashable, Codable {
    /// The source that produced this text.
    public var source: TextSource
    /// Lines in reading order as the source sees it.
    public var lines: [TextLine]
    /// Blocks with their kinds, when the source segments the page (OCR does; the text layer does not).
    public var blocks: [TextBlock]
    /// When the source read only parts of the page (OCR of large images on a page whose text layer is used):
    /// those areas, in points. Nil when it read the whole page.
    public var regions: [BoundingBox]?

    /// Creates page text.
    public init(source: TextSource, lines: [TextLine], blocks: [TextBlock] = [], regions: [BoundingBox]? = nil) {
        self.source = source
        self.lines = lines
        self.blocks = blocks
        self.regions = regions
    }

    /// All words of the page in reading order.
    public var words: [TextWord] { lines.flatMap(\.words) }

    /// The text with one line per line.
    public var text: String { lines.map(\.text).joined(separator: "\n") }

    /// Mean word confidence over the page, when the words carry confidences.
    public var meanConfidence: Double? {
        let values = words.compactMap(\.confidence)
        return values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
    }
}
