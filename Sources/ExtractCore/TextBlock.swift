/// A block of lines that a source considers one unit (a paragraph, a table, a heading, an image …).
public struct TextBlock: Sendable, Hashable, Codable {
    /// What kind of block the source reports.
    public enum Kind: String, Sendable, Hashable, Codable {
        case text, heading, table, image, caption, pullout, separator, equation, noise, unknown
    }

    /// The kind the source reported.
    public var kind: Kind
    /// The block's box.
    public var box: BoundingBox
    /// Lines in the block, in reading order (empty for images and separators).
    public var lines: [TextLine]

    /// Creates a block.
    public init(kind: Kind, box: BoundingBox, lines: [TextLine]) {
        self.kind = kind
        self.box = box
        self.lines = lines
    }

    /// The lines joined by newlines.
    public var text: String { lines.map(\.text).joined(separator: "\n") }
}
