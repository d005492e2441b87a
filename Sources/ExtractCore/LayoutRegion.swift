/// A region of a page found by layout analysis, in reading order.
public struct LayoutRegion: Sendable, Hashable, Codable {
    /// What the region is.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case title, heading, paragraph, list, table, figure, keyValue = "key_value"
        case pageHeader = "page_header", pageFooter = "page_footer", caption
    }

    /// What the region is.
    public var kind: Kind
    /// Its box in points from the page's top-left corner.
    public var box: BoundingBox
    /// Its position in the page's reading order, from 0.
    public var order: Int
    /// The column it belongs to, from 0 (left), or nil for regions spanning the page.
    public var column: Int?
    /// Its lines in reading order.
    public var lines: [TextLine]
    /// Where its lines come from.
    public var source: TextSource

    /// Creates a region.
    public init(kind: Kind, box: BoundingBox, order: Int, column: Int? = nil, lines: [TextLine], source: TextSource) {
        self.kind = kind
        self.box = box
        self.order = order
        self.column = column
        self.lines = lines
        self.source = source
    }

    /// The lines joined by newlines.
    public var text: String { lines.map(\.text).joined(separator: "\n") }
}
